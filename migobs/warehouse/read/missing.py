"""IOM Missing Migrants incidents: the dead and missing of each incident, with its row."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from migobs.warehouse.read.cells import Cell, cells


@dataclass(frozen=True)
class Incident:
    """One incident row: its count (``cell.value``, dead and missing) and where it happened."""

    cell: Cell
    region: str | None
    route: str | None


def incidents(
    con: duckdb.DuckDBPyConnection, edition: str, first_year: int, last_year: int
) -> list[Incident]:
    """Incidents of a vintage from ``first_year`` to ``last_year`` (inclusive) with a count.

    Each cell's ``area`` is the country of incident when known, else 900 (the world).
    """
    rows = con.execute(
        "SELECT m.source, m.edition, 'dead_and_missing', coalesce(m.incident_area, 900), m.year, "
        "m.dead_and_missing, f.name, f.sha256, m.sheet, 'row ' || m.row_number, NULL, m.region, "
        "m.route FROM missing_migrants m JOIN source_files f USING (file_id) "
        "WHERE m.edition = ? AND m.year BETWEEN ? AND ? AND m.dead_and_missing IS NOT NULL "
        "ORDER BY m.row_number",
        [edition, first_year, last_year],
    ).fetchall()
    found = cells([row[:11] for row in rows])
    return [
        Incident(cell, _text(row[11]), _text(row[12]))
        for cell, row in zip(found, rows, strict=True)
    ]


def incident_years(con: duckdb.DuckDBPyConnection, edition: str) -> list[int]:
    """Complete years of a vintage, oldest first (the year of the export is partial, left out)."""
    rows = con.execute(
        "SELECT DISTINCT year FROM missing_migrants WHERE edition = ? AND year IS NOT NULL "
        "AND year < (SELECT max(year) FROM missing_migrants WHERE edition = ?) ORDER BY year",
        [edition, edition],
    ).fetchall()
    return [int(year) for (year,) in rows]


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
