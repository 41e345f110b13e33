"""World net migration in WPP: the countries' net migrants should sum to about zero.

Family ``net_migration``: every migrant leaves one country and enters another, so the net
migrants of all countries and areas (``areas.kind = 'country'``) in a period should cancel. A
period whose sum exceeds :data:`RELATIVE_TOLERANCE` of the gross (the sum of absolute values)
leaves one ``net-migration-not-zero`` finding per (edition, sheet), listing every such period
with its column, the sum over the countries' cells of that column and the file's own WORLD cell.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.warehouse.findings import Finding

RELATIVE_TOLERANCE = 0.001
"""Largest world sum (as a share of gross net migration, 0.1 %) still counted as zero."""

SUMS = f"""
WITH sums AS (
    SELECT s.source, s.edition, s.sheet, s.period, sum(s.value) AS total,
           sum(abs(s.value)) AS gross, count(*) AS countries,
           min(regexp_extract(s.cell, '^[A-Z]+')) AS column_letter
    FROM series s JOIN areas a ON a.m49 = s.area AND a.kind = 'country'
    WHERE s.variable = 'net_migrants' AND s.value IS NOT NULL
    GROUP BY ALL
    HAVING abs(sum(s.value)) > {RELATIVE_TOLERANCE} * sum(abs(s.value))
)
SELECT m.*, w.cell, w.value
FROM sums m LEFT JOIN series w ON w.source = m.source AND w.edition = m.edition
    AND w.sheet = m.sheet AND w.period = m.period AND w.variable = 'net_migrants' AND w.area = 900
ORDER BY m.source, m.edition, m.sheet, m.period
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Periods whose countries' net migration does not cancel, one finding per sheet."""
    grouped: dict[tuple[str, str, str], list[tuple[Any, ...]]] = {}
    for row in con.execute(SUMS).fetchall():
        grouped.setdefault((row[0], row[1], row[2]), []).append(row)
    return [_finding(key, rows) for key, rows in grouped.items()]


def _finding(key: tuple[str, str, str], rows: list[tuple[Any, ...]]) -> Finding:
    source, edition, sheet = key
    worst = max(rows, key=lambda r: abs(r[4]) / r[5])
    return Finding(
        type="net-migration-not-zero",
        title=f"{source} {edition} [{sheet}]: world net migration does not cancel in {len(rows)} period(s)",
        message=(
            f"The net migrants of all {worst[6]} countries and areas should sum to about zero; "
            f"in {len(rows)} period(s) of {source} {edition} [{sheet}] they sum to more than "
            f"{RELATIVE_TOLERANCE:.1%} of the gross. Largest: {worst[3]} sums to {worst[4]:,.0f} "
            f"persons of {worst[5]:,.0f} gross (column {worst[7]}; the file's WORLD row says "
            f"{_world(worst)})."
        ),
        source=source,
        edition=edition,
        observed=float(worst[4]),
        expected=0.0,
        rows=[
            {
                "sheet": sheet,
                "period": r[3],
                "column": r[7],
                "world_cell": r[8],
                "world_value": r[9],
                "sum": r[4],
                "gross": r[5],
                "countries": r[6],
            }
            for r in rows
        ],
    )


def _world(row: tuple[Any, ...]) -> str:
    return "nothing" if row[8] is None else f"{row[9]:,.0f} in {row[8]}"
