"""World Bank WDI aggregates against the sum of the economies the metadata puts in them.

Family ``wdi_aggregates``: for every WDI aggregate with members (World, the seven regions, the
income groups: ``area_groups`` scheme ``wdi/<edition>``, from the edition's Metadata_Country
file, or for an edition without one from the edition ``groupings_from`` in
``area_names/wdi.yml`` names: remittances paid 2021-09-15 by the 2025-07-01 metadata), each
year's stated value is compared with the sum of its members' values. The World Bank fills gaps
when it computes aggregates, and some (net ODA received) include flows no economy receives, so
differences above :data:`RELATIVE_TOLERANCE` of the stated value leave one
``aggregate-mismatch`` finding per (edition, variable, aggregate), listing every year.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.m49 import m49_text
from migobs.warehouse.findings import Finding

RELATIVE_TOLERANCE = 0.01
"""Largest relative difference (1 %) still counted as agreeing."""

MISMATCHES = f"""
WITH parts AS (
    SELECT s.edition, s.variable, g.group_m49, s.year, sum(s.value) AS parts, count(*) AS n
    FROM series s
    JOIN area_groups g ON g.member_m49 = s.area AND g.scheme = 'wdi/' || s.edition
    WHERE s.source = 'wdi'
    GROUP BY ALL
)
SELECT a.edition, a.variable, p.group_m49, ar.name, a.year, a.value, p.parts, p.n, a.cell
FROM parts p
JOIN series a ON a.source = 'wdi' AND a.edition = p.edition AND a.variable = p.variable
    AND a.area = p.group_m49 AND a.year = p.year
JOIN areas ar ON ar.m49 = p.group_m49
WHERE abs(a.value - p.parts) > {RELATIVE_TOLERANCE} * abs(a.value)
ORDER BY a.edition, a.variable, p.group_m49, a.year
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """One finding per WDI aggregate and variable whose stated values are not their parts' sum."""
    grouped: dict[tuple[str, str, int, str], list[tuple[Any, ...]]] = {}
    for row in con.execute(MISMATCHES).fetchall():
        grouped.setdefault((row[0], row[1], int(row[2]), row[3]), []).append(row)
    return [_finding(key, rows) for key, rows in grouped.items()]


def _finding(key: tuple[str, str, int, str], rows: list[tuple[Any, ...]]) -> Finding:
    edition, variable, group, name = key
    worst = max(rows, key=lambda r: abs(r[5] - r[6]) / abs(r[5]))
    return Finding(
        type="aggregate-mismatch",
        title=f"wdi {edition}: {variable} of {name} ({m49_text(group)}) is not the sum of its economies",
        message=(
            f"In {len(rows)} year(s) the World Bank's {variable} for {name} differs by more than "
            f"{RELATIVE_TOLERANCE:.0%} from the sum of the economies its metadata lists; the "
            f"largest: {worst[4]} states {worst[5]:,.0f} US$ (cell {worst[8]}), its {worst[7]} "
            f"economies sum to {worst[6]:,.0f} US$."
        ),
        source="wdi",
        edition=edition,
        observed=float(worst[5]),
        expected=float(worst[6]),
        rows=[
            {"year": r[4], "cell": r[8], "stated": r[5], "sum_of_parts": r[6], "members": r[7]}
            for r in rows
        ],
    )
