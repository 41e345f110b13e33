"""Country-year series (WPP population, WDI remittances, ODA, GDP) with their cells."""

from __future__ import annotations

import duckdb

from migobs.warehouse.read.cells import Cell, cells, in_file_order


def series_by_year(
    con: duckdb.DuckDBPyConnection, variable: str, edition: str, year: int | None = None
) -> dict[int, dict[int, Cell]]:
    """Every area's value of ``variable`` in one edition (countries and aggregates), by year
    then area: of ``year``, or of every year in one query (``None``, for an indicator's table
    of every year)."""
    one_year = "" if year is None else "AND s.year = ? "
    rows = con.execute(
        "SELECT s.source, s.edition, s.variable, s.area, s.year, s.value, f.name, f.sha256, "
        "s.sheet, s.cell FROM series s JOIN source_files f USING (file_id) "
        f"WHERE s.variable = ? AND s.edition = ? AND s.period IS NULL {one_year}"
        f"ORDER BY s.year, s.area, {in_file_order('s')}",
        [variable, edition] if year is None else [variable, edition, year],
    ).fetchall()
    found: dict[int, dict[int, Cell]] = {}
    for cell in cells(rows):
        found.setdefault(cell.year, {}).setdefault(cell.area, cell)
    return found


def series_years(con: duckdb.DuckDBPyConnection, variable: str, edition: str) -> list[int]:
    """Years with at least one value of ``variable`` in ``edition``, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM series WHERE variable = ? AND edition = ? AND value IS NOT NULL "
        "AND period IS NULL ORDER BY year",
        [variable, edition],
    ).fetchall()
    return [int(year) for (year,) in rows]
