"""World Bank Remittance Prices Worldwide: corridor costs per quarter, with their cells."""

from __future__ import annotations

import duckdb

from migobs.warehouse.read.cells import Cell, cells

CORRIDOR_COST = "ATCR.CORR"
"""RPW series: average total cost of sending USD 200 in a corridor, % of the amount sent."""


def corridor_costs(
    con: duckdb.DuckDBPyConnection, edition: str, year: int
) -> list[tuple[int, Cell]]:
    """Every corridor's quarterly cost in ``year`` as (quarter, cell): the cell's ``area`` is the
    receiving country, its ``counterpart`` the sending one."""
    rows = con.execute(
        "SELECT p.source, p.edition, p.series_code, p.receiving, p.year, p.value, f.name, f.sha256, "
        "p.sheet, p.cell, p.sending, p.quarter "
        "FROM remittance_prices p JOIN source_files f USING (file_id) "
        "WHERE p.edition = ? AND p.year = ? AND p.series_code = ? AND p.value IS NOT NULL "
        "ORDER BY p.sending, p.receiving, p.quarter",
        [edition, year, CORRIDOR_COST],
    ).fetchall()
    return list(zip((int(row[11]) for row in rows), cells([row[:11] for row in rows]), strict=True))


def price_years(con: duckdb.DuckDBPyConnection, edition: str) -> list[int]:
    """Years with at least one corridor cost, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM remittance_prices WHERE edition = ? AND value IS NOT NULL "
        "ORDER BY year",
        [edition],
    ).fetchall()
    return [int(year) for (year,) in rows]
