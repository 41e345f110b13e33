"""The area model as the indicators see it: names, kinds and the members of each grouping."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from migobs.errors import ValueNotFound

GROUP_KINDS = (
    "world",
    "region",
    "subregion",
    "intermediate_region",
    "sdg_region",
    "sdg_subregion",
    "development_group",
    "income_group",
    "special_group",
    "wb_aggregate",
)
"""Kinds of area that are groupings of countries (``areas.kind``)."""


@dataclass(frozen=True)
class Area:
    """One area of the warehouse: M49 code, ISO3 code (countries), English name and kind."""

    m49: int
    iso3: str | None
    name: str
    kind: str

    @property
    def is_group(self) -> bool:
        """True for the world and every grouping of countries."""
        return self.kind in GROUP_KINDS


def area(con: duckdb.DuckDBPyConnection, code: int) -> Area:
    """The area with M49 code ``code``.

    Raises
    ------
    ValueNotFound
        The warehouse has no such area.
    """
    rows = con.execute("SELECT m49, iso3, name, kind FROM areas WHERE m49 = ?", [code]).fetchall()
    if not rows:
        raise ValueNotFound(
            f"No area with M49 code {code}. List them with "
            '`migobs sql "SELECT m49, name, kind FROM areas ORDER BY m49"`.'
        )
    m49, iso3, name, kind = rows[0]
    return Area(int(m49), iso3, str(name), str(kind))


def find_area(con: duckdb.DuckDBPyConnection, text: str) -> Area:
    """The area named by ``text``: an M49 code, an ISO3 code or an exact name (any case).

    Raises
    ------
    ValueNotFound
        Nothing matches; the message says how to list the areas.
    """
    if text.strip().isdigit():
        return area(con, int(text))
    rows = con.execute(
        "SELECT m49 FROM areas WHERE upper(iso3) = upper(?) OR lower(name) = lower(?) "
        "ORDER BY kind = 'country' DESC, m49 LIMIT 1",
        [text.strip(), text.strip()],
    ).fetchall()
    if not rows:
        raise ValueNotFound(
            f"No area called {text!r}: give an M49 code (900 = world), an ISO3 code or the exact "
            'name; list them with `migobs sql "SELECT m49, iso3, name, kind FROM areas"`.'
        )
    return area(con, int(rows[0][0]))


def memberships(con: duckdb.DuckDBPyConnection) -> dict[tuple[int, str], list[int]]:
    """The countries of every grouping under every scheme: (group, scheme) → sorted M49 codes."""
    rows = con.execute(
        "SELECT g.group_m49, g.scheme, g.member_m49 FROM area_groups g "
        "JOIN areas a ON a.m49 = g.member_m49 WHERE a.kind = 'country' ORDER BY 1, 2, 3"
    ).fetchall()
    found: dict[tuple[int, str], list[int]] = {}
    for group, scheme, member in rows:
        found.setdefault((int(group), str(scheme)), []).append(int(member))
    return found


def all_areas(con: duckdb.DuckDBPyConnection) -> dict[int, Area]:
    """Every area of the warehouse, by M49 code."""
    rows = con.execute("SELECT m49, iso3, name, kind FROM areas").fetchall()
    return {int(m49): Area(int(m49), iso3, str(name), str(kind)) for m49, iso3, name, kind in rows}
