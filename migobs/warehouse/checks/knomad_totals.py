"""KNOMAD's WORLD row, WORLD column and grand total against the sum of the matrix's cells.

Family ``knomad_totals``: the bilateral matrices (``bilateral_remittances``, and the migrant
stock matrix in ``migrant_stock`` with source ``knomad``) end with a WORLD row and a WORLD
column (area 900) that the file computes with ``=SUM(...)``; their cached values are what is
stored. Each WORLD cell is compared with the sum of the cells of its column (WORLD row) or row
(WORLD column), and the grand total with the sum of every other cell (``Other North`` and
``Other South`` are cells too). A difference over :data:`TOLERANCE` leaves one
``aggregate-mismatch`` finding per (table, edition, total), naming the WORLD cell, the stated
value, the sum and how many cells were summed.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.m49 import m49_text
from migobs.warehouse.findings import Finding

TOLERANCE = 1.0
"""Largest difference (US$ or persons, as stored) still counted as equal."""

MATRICES = """
    SELECT 'bilateral_remittances' AS matrix, edition, sending AS down, receiving AS across,
           value, sheet, cell
    FROM bilateral_remittances WHERE source = 'knomad'
    UNION ALL
    SELECT 'migrant_stock', edition, origin, destination, value, sheet, cell
    FROM migrant_stock WHERE source = 'knomad'
"""

MISMATCHES = f"""
WITH m AS ({MATRICES}),
cells AS (SELECT * FROM m WHERE down <> 900 AND across <> 900),
sums AS (
    SELECT matrix, edition, 'WORLD row' AS total, across AS area, sum(value) AS parts,
           count(value) AS n FROM cells GROUP BY ALL
    UNION ALL
    SELECT matrix, edition, 'WORLD column', down, sum(value), count(value) FROM cells GROUP BY ALL
    UNION ALL
    SELECT matrix, edition, 'grand total', 900, sum(value), count(value) FROM cells GROUP BY ALL
)
SELECT s.matrix, s.edition, s.total, s.area, a.name, t.sheet, t.cell, t.value, s.parts, s.n
FROM sums s
JOIN m t ON t.matrix = s.matrix AND t.edition = s.edition
    AND ((s.total = 'WORLD row' AND t.down = 900 AND t.across = s.area)
      OR (s.total = 'WORLD column' AND t.across = 900 AND t.down = s.area)
      OR (s.total = 'grand total' AND t.down = 900 AND t.across = 900))
LEFT JOIN areas a ON a.m49 = s.area
WHERE t.value IS NOT NULL AND abs(t.value - s.parts) > {TOLERANCE} + 1e-12 * abs(t.value)
ORDER BY s.matrix, s.edition, s.total, t.cell
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """One finding per KNOMAD total (WORLD row, WORLD column, grand total) with mismatching cells."""
    grouped: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    for row in con.execute(MISMATCHES).fetchall():
        grouped.setdefault((row[0], row[1], row[2]), []).append(row)
    return [_finding(key, rows) for key, rows in grouped.items()]


def _finding(key: tuple[str, str, str], rows: list[tuple[Any, ...]]) -> Finding:
    matrix, edition, total = key
    worst = max(rows, key=lambda r: abs(r[7] - r[8]))
    listed = "; ".join(
        f"{r[6]} ({r[4] or m49_text(r[3])}) states {r[7]:,.0f}, its cells sum to {r[8]:,.0f}"
        for r in rows
    )
    return Finding(
        type="aggregate-mismatch",
        title=f"knomad {edition} {matrix}: {len(rows)} {total} cell(s) not the sum of their cells",
        message=(
            f"In the KNOMAD {edition} matrix stored in {matrix} [{worst[5]}], {len(rows)} cached "
            f"{total} value(s) differ from the sum of the cells they total: {listed}."
        ),
        source="knomad",
        edition=edition,
        observed=float(worst[7]),
        expected=float(worst[8]),
        rows=[
            {
                "table": matrix,
                "total": total,
                "area": r[3],
                "sheet": r[5],
                "cell": r[6],
                "stated": r[7],
                "sum_of_cells": r[8],
                "cells": r[9],
            }
            for r in rows
        ],
    )
