"""World Bank/KNOMAD bilateral remittance estimates: sending → receiving, with their cells."""

from __future__ import annotations

import duckdb

from migobs.warehouse.read.cells import Cell, cells


def remittance_matrix(con: duckdb.DuckDBPyConnection, edition: str, year: int) -> list[Cell]:
    """Every cell of the matrix in ``year`` (world row and column included), largest first.

    Each cell's ``area`` is the receiving area and ``counterpart`` the sending one (900 = world).
    """
    rows = con.execute(
        "SELECT b.source, b.edition, 'remittances', b.receiving, b.year, b.value, f.name, "
        "f.sha256, b.sheet, b.cell, b.sending FROM bilateral_remittances b "
        "JOIN source_files f USING (file_id) WHERE b.edition = ? AND b.year = ? "
        "AND b.value IS NOT NULL ORDER BY b.value DESC, b.receiving, b.sending",
        [edition, year],
    ).fetchall()
    return cells(rows)


def matrix_years(con: duckdb.DuckDBPyConnection, edition: str) -> list[int]:
    """Years of an edition of the matrix, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM bilateral_remittances WHERE edition = ? ORDER BY year", [edition]
    ).fetchall()
    return [int(year) for (year,) in rows]
