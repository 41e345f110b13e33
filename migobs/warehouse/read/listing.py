"""Filtered, paginated reads for the API: areas, migrant stock, revisions, source files.

Every list comes back as a :class:`Slice` (the rows asked for and how many match in all), in a
stable order given by the table's key, so that ``offset`` walks through the rows exactly once.
Filters are fixed columns bound as parameters; no caller-supplied SQL reaches the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb
import pandas as pd

TOTAL_ORIGIN = 900
"""The origin code of 'all origins' in ``migrant_stock``."""


@dataclass(frozen=True)
class Slice:
    """One slice of a list (a page of the API): its rows and the number of rows matching the
    filters."""

    rows: pd.DataFrame
    count: int


def _where(filters: dict[str, Any]) -> tuple[str, list[Any]]:
    used = {column: value for column, value in filters.items() if value is not None}
    if not used:
        return "", []
    return " WHERE " + " AND ".join(f"{c} = ?" for c in used), list(used.values())


def slice_of(
    con: duckdb.DuckDBPyConnection,
    source: str,
    filters: dict[str, Any],
    order: str,
    limit: int,
    offset: int,
    bound: tuple[Any, ...] = (),
) -> Slice:
    """Rows of ``source`` (a table or a subquery with ``bound`` parameters) matching ``filters``,
    in ``order``; every read module that pages a list uses it."""
    where, filter_params = _where(filters)
    params = [*bound, *filter_params]
    rows = con.execute(
        f"SELECT *, count(*) OVER () AS _total FROM {source}{where} "
        f"ORDER BY {order} LIMIT ? OFFSET ?",
        [*params, limit, offset],
    ).df()
    if not rows.empty:  # one scan gives the page and the total
        return Slice(rows=rows.drop(columns="_total"), count=int(rows["_total"].iloc[0]))
    count_row = con.execute(f"SELECT count(*) FROM {source}{where}", params).fetchone()
    return Slice(rows=rows.drop(columns="_total"), count=int(count_row[0]) if count_row else 0)


def areas(
    con: duckdb.DuckDBPyConnection,
    *,
    kind: str | None = None,
    group: int | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Slice:
    """Areas, optionally of one ``kind`` or members of one grouping (any scheme), by M49 code."""
    source = "areas"
    if group is not None:
        source = (
            "(SELECT * FROM areas WHERE m49 IN "
            "(SELECT member_m49 FROM area_groups WHERE group_m49 = ?))"
        )
    bound = () if group is None else (group,)
    return slice_of(con, source, {"kind": kind}, "m49", limit, offset, bound)


def area_kinds(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The kinds of area the warehouse holds, sorted."""
    return [str(r[0]) for r in con.execute("SELECT DISTINCT kind FROM areas ORDER BY 1").fetchall()]


def area(con: duckdb.DuckDBPyConnection, m49: int) -> dict[str, Any] | None:
    """One area with the groupings it belongs to and, for a grouping, its member count."""
    row = con.execute("SELECT m49, iso3, iso2, name, kind FROM areas WHERE m49 = ?", [m49]).df()
    if row.empty:
        return None
    groups = con.execute(
        "SELECT g.group_m49 AS m49, a.name, a.kind, g.scheme FROM area_groups g "
        "JOIN areas a ON a.m49 = g.group_m49 WHERE g.member_m49 = ? ORDER BY 1, 4",
        [m49],
    ).df()
    members = con.execute("SELECT count(*) FROM area_groups WHERE group_m49 = ?", [m49]).fetchone()
    record = _record(row) or {}
    record["groups"] = groups.to_dict("records")
    record["members"] = int(members[0]) if members else 0
    return record


def area_exists(con: duckdb.DuckDBPyConnection, m49: int) -> bool:
    """Whether the warehouse knows the area ``m49``."""
    return con.execute("SELECT 1 FROM areas WHERE m49 = ?", [m49]).fetchone() is not None


@dataclass(frozen=True)
class StockIndex:
    """What ``migrant_stock`` holds: the years of each (source, edition), and which editions
    have origins besides 'all origins'."""

    years: dict[tuple[str, str], list[int]]
    with_origins: frozenset[tuple[str, str]]


_STOCK_INDEX: dict[str, StockIndex] = {}


def build_id(con: duckdb.DuckDBPyConnection) -> str | None:
    """The id of the build that wrote the warehouse (``None`` when it records none)."""
    row = con.execute("SELECT max(build_id) FROM builds").fetchone()
    return str(row[0]) if row and row[0] is not None else None


def stock_index(con: duckdb.DuckDBPyConnection) -> StockIndex:
    """The :class:`StockIndex` of the warehouse, computed once per build.

    The scan costs tens of milliseconds; its result is kept per build id (a build id names
    the files and code that made the warehouse, so the same id means the same rows).
    """
    build = build_id(con)
    if build is not None and build in _STOCK_INDEX:
        return _STOCK_INDEX[build]
    rows = con.execute(
        "SELECT source, edition, year, bool_or(origin <> ?) FROM migrant_stock "
        "GROUP BY ALL ORDER BY source, edition, year",
        [TOTAL_ORIGIN],
    ).fetchall()
    years: dict[tuple[str, str], list[int]] = {}
    for source, edition, year, _ in rows:
        years.setdefault((str(source), str(edition)), []).append(int(year))
    index = StockIndex(
        years=years,
        with_origins=frozenset((str(s), str(e)) for s, e, _, has in rows if has),
    )
    if build is not None:
        if len(_STOCK_INDEX) >= 8:
            _STOCK_INDEX.clear()
        _STOCK_INDEX[build] = index
    return index


def stock_editions(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """``(source, edition)`` pairs in ``migrant_stock``, oldest edition first."""
    return list(stock_index(con).years)


def stock_editions_with_origins(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """Editions of ``source`` that hold origins other than 'all origins', oldest first."""
    return sorted(e for s, e in stock_index(con).with_origins if s == source)


def stock_years(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> list[int]:
    """Reference years of one edition of a stock source."""
    return stock_index(con).years.get((source, edition), [])


STOCK_VIEW = """(SELECT s.source, s.edition, s.year, s.destination, d.name AS destination_name,
    s.origin, o.name AS origin_name, s.sex, s.value, s.flag, f.name AS file, s.sheet, s.cell
    FROM migrant_stock s LEFT JOIN areas d ON d.m49 = s.destination
    LEFT JOIN areas o ON o.m49 = s.origin LEFT JOIN source_files f ON f.file_id = s.file_id)"""


def stock(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    edition: str,
    destination: int | None = None,
    origin: int | None = None,
    year: int | None = None,
    sex: str | None = None,
    limit: int = 100,
    offset: int = 0,
) -> Slice:
    """Migrant stock rows of one edition with their file, sheet and cell."""
    filters = {
        "source": source,
        "edition": edition,
        "destination": destination,
        "origin": origin,
        "year": year,
        "sex": sex,
    }
    return slice_of(con, STOCK_VIEW, filters, "destination, origin, sex, year", limit, offset)


def source_files(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every file loaded into the warehouse, by source, edition and key."""
    return con.execute(
        "SELECT source, edition, file_key, name, url, sha256, bytes, licence, citation, "
        "obtained_at FROM source_files ORDER BY source, edition, file_key"
    ).df()


def _record(frame: pd.DataFrame) -> dict[str, Any] | None:
    return None if frame.empty else {str(k): v for k, v in frame.iloc[0].to_dict().items()}


def findings(
    con: duckdb.DuckDBPyConnection, *, type: str | None = None, limit: int = 100, offset: int = 0
) -> Slice:
    """The build's findings, optionally of one type, by id."""
    return slice_of(con, "findings", {"type": type}, "finding_id", limit, offset)


def finding_types(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The types of finding the build recorded, sorted."""
    return [
        str(r[0]) for r in con.execute("SELECT DISTINCT type FROM findings ORDER BY 1").fetchall()
    ]
