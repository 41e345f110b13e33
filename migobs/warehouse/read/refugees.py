"""UNHCR refugees under UNHCR's mandate by country of origin, each row of the table an input."""

from __future__ import annotations

from collections import defaultdict

import duckdb

from migobs.warehouse.read.cells import Cell, cells


def refugees_by_origin(
    con: duckdb.DuckDBPyConnection, edition: str, year: int | None = None
) -> dict[int, dict[int, list[Cell]]]:
    """By year, the rows (one per country of asylum) of refugees from each origin: of ``year``,
    or of every year of ``edition`` in one query (``None``, for an indicator's table of every
    year).

    Keyed by year then origin (unknown origin and stateless under their special codes); each
    cell's ``counterpart`` is the country of asylum and ``cell`` the row of the UNHCR table.
    """
    one_year = "" if year is None else "AND r.year = ? "
    rows = con.execute(
        "SELECT r.source, r.edition, 'refugees', r.origin, r.year, r.refugees, f.name, f.sha256, "
        "NULL, 'row ' || r.row_number, r.asylum FROM refugees r JOIN source_files f USING (file_id) "
        f"WHERE r.edition = ? AND r.refugees > 0 {one_year}ORDER BY r.year, r.origin, r.row_number",
        [edition] if year is None else [edition, year],
    ).fetchall()
    found: dict[int, dict[int, list[Cell]]] = defaultdict(lambda: defaultdict(list))
    for cell in cells(rows):
        found[cell.year][cell.area].append(cell)
    return {year: dict(by_origin) for year, by_origin in found.items()}


def refugee_years(con: duckdb.DuckDBPyConnection, edition: str) -> list[int]:
    """Years of an edition with refugees recorded, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT year FROM refugees WHERE edition = ? AND refugees > 0 ORDER BY year",
        [edition],
    ).fetchall()
    return [int(year) for (year,) in rows]
