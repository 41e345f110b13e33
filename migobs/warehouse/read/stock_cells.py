"""Migrant-stock cells the indicators need: by destination, by origin, corridors, Table 2-6 series."""

from __future__ import annotations

import duckdb

from migobs.warehouse.read.cells import Cell, cells, in_file_order

_STOCK = """
SELECT m.source, m.edition, 'stock.' || m.sex, m.destination, m.year, m.value, f.name, f.sha256,
       m.sheet, m.cell, m.origin
FROM migrant_stock m JOIN source_files f USING (file_id)
WHERE m.source = ? AND m.edition = ? AND m.sex = ?
"""


def by_destination(
    con: duckdb.DuckDBPyConnection, source: str, edition: str, year: int, sex: str = "total"
) -> dict[int, Cell]:
    """Migrants from all origins living in each area (countries and the file's aggregates).

    When two files of an edition state the same value, the first loaded (the totals workbook)
    is kept.
    """
    rows = con.execute(
        _STOCK + f" AND m.year = ? AND m.origin = 900 ORDER BY m.destination, {in_file_order('m')}",
        [source, edition, sex, year],
    ).fetchall()
    found: dict[int, Cell] = {}
    for cell in cells([row[:10] for row in rows]):
        found.setdefault(cell.area, cell)
    return found


def by_origin(
    con: duckdb.DuckDBPyConnection, source: str, edition: str, year: int
) -> dict[int, Cell]:
    """Emigrants of each origin living anywhere (the world row of an origin-destination table).

    Keyed by origin; each cell's ``area`` is the origin and ``counterpart`` is 900 (the world).
    """
    rows = con.execute(
        "SELECT m.source, m.edition, 'stock.emigrants', m.origin, m.year, m.value, f.name, "
        "f.sha256, m.sheet, m.cell, m.destination FROM migrant_stock m "
        "JOIN source_files f USING (file_id) WHERE m.source = ? AND m.edition = ? AND m.year = ? "
        "AND m.sex = 'total' AND m.destination = 900 AND m.origin <> 900 ORDER BY m.origin",
        [source, edition, year],
    ).fetchall()
    return {cell.area: cell for cell in cells(rows)}


def corridors(con: duckdb.DuckDBPyConnection, source: str, edition: str, year: int) -> list[Cell]:
    """Every origin→destination value between two countries, largest first.

    Each cell's ``area`` is the destination and ``counterpart`` the origin.
    """
    rows = con.execute(
        _STOCK + " AND m.year = ? AND m.origin <> 900 AND m.value > 0 "
        "AND m.destination IN (SELECT m49 FROM areas WHERE kind = 'country') "
        "AND m.origin IN (SELECT m49 FROM areas WHERE kind IN ('country', 'residual')) "
        "ORDER BY m.value DESC, m.destination, m.origin",
        [source, edition, "total", year],
    ).fetchall()
    return cells(rows)


def stock_years(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> list[int]:
    """Reference years of an edition's migrant stock, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM migrant_stock WHERE source = ? AND edition = ? ORDER BY year",
        [source, edition],
    ).fetchall()
    return [int(year) for (year,) in rows]


def origin_years(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> list[int]:
    """Reference years for which an edition gives migrants by origin, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM migrant_stock WHERE source = ? AND edition = ? "
        "AND origin <> 900 ORDER BY year",
        [source, edition],
    ).fetchall()
    return [int(year) for (year,) in rows]


def table_values(
    con: duckdb.DuckDBPyConnection,
    edition: str,
    variable: str,
    year: int,
    sex: str = "total",
    source: str = "undesa_stock",
) -> dict[int, Cell]:
    """A series of the migrant-stock workbooks (``stock_tables``: population, shares ...) by area."""
    rows = con.execute(
        "SELECT t.source, t.edition, t.variable, t.area, t.year, t.value, f.name, f.sha256, "
        "t.sheet, t.cell FROM stock_tables t JOIN source_files f USING (file_id) "
        "WHERE t.source = ? AND t.edition = ? AND t.variable = ? AND t.year = ? AND t.sex = ? "
        f"ORDER BY t.area, {in_file_order('t')}",
        [source, edition, variable, year, sex],
    ).fetchall()
    found: dict[int, Cell] = {}
    for cell in cells(rows):
        found.setdefault(cell.area, cell)
    return found
