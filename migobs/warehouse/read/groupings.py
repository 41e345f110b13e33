"""The area model as the indicators see it: names, kinds and the members of each grouping."""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

import duckdb

from migobs.errors import ValueNotFound
from migobs.i18n.messages import N_, Said

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
        message = N_(
            "No area with M49 code %(code)s. List them with "
            '`migobs sql "SELECT m49, name, kind FROM areas ORDER BY m49"`.'
        )
        raise ValueNotFound(Said(message, code=code))
    m49, iso3, name, kind = rows[0]
    return Area(int(m49), iso3, str(name), str(kind))


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


@dataclass(frozen=True)
class StandIn:
    """An area some files give in place of M49 countries (``composite``: 830 Channel Islands for
    831, 832, 680) or beside one (``beside``: 158 Taiwan Province of China beside 156 China)."""

    area: int
    parts: tuple[int, ...]
    beside: bool


def stand_ins(con: duckdb.DuckDBPyConnection) -> list[StandIn]:
    """The composites and areas beside a country of the area model (``areas.yml``)."""
    rows = con.execute(
        "SELECT group_m49, scheme, list(member_m49 ORDER BY member_m49) FROM area_groups "
        "WHERE scheme IN ('composite', 'beside') GROUP BY ALL ORDER BY 1"
    ).fetchall()
    return [
        StandIn(int(area), tuple(int(p) for p in parts), kind == "beside")
        for area, kind, parts in rows
    ]


def counted(members: list[int], present: Container[int], found: list[StandIn]) -> list[int]:
    """The members of a grouping as a file can count them, sorted.

    A composite the file gives (``present``) replaces its parts among ``members`` when the file
    gives none of them; an area beside a member joins when the file gives it. Anything else is
    left as it is.
    """
    inside = set(members)
    for stand_in in found:
        if stand_in.area in inside or stand_in.area not in present:
            continue
        if not inside.intersection(stand_in.parts):
            continue
        if stand_in.beside:
            inside.add(stand_in.area)
        elif not any(part in present for part in stand_in.parts):
            inside = (inside - set(stand_in.parts)) | {stand_in.area}
    return sorted(inside)


def twins(areas: dict[int, Area], group: int) -> list[int]:
    """Other groupings with the same English name as ``group`` (any case), sorted.

    The area model holds some regions under two or three codes: M49's (002 Africa, 150 Europe,
    419 Latin America and the Caribbean) beside the UN DESA Population Division's (903, 908, 904)
    and the SDG region's (1830). World Bank aggregates are never twins: their composition differs
    (its Sub-Saharan Africa includes Sudan).
    """
    if areas[group].kind == "wb_aggregate":
        return []
    name = areas[group].name.casefold()
    return sorted(
        code
        for code, other in areas.items()
        if code != group
        and other.is_group
        and other.kind != "wb_aggregate"
        and other.name.casefold() == name
    )


def all_areas(con: duckdb.DuckDBPyConnection) -> dict[int, Area]:
    """Every area of the warehouse, by M49 code."""
    rows = con.execute("SELECT m49, iso3, name, kind FROM areas").fetchall()
    return {int(m49): Area(int(m49), iso3, str(name), str(kind)) for m49, iso3, name, kind in rows}
