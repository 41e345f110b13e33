"""Totals a file states against the sum of their parts, per the file's own groupings.

Family ``aggregates``: for every source whose loader recorded its own groupings in
``area_groups`` (scheme ``<source>/<edition>``: the migrant-stock files' row order and ANNEX,
WPP's parent codes), each stated aggregate (WORLD, a region, an income group ...) is compared with
the sum of its members' values for the same year, sex or variable and sheet. A difference over
half a person leaves one ``aggregate-mismatch`` finding per (source, edition, group) with the
largest difference as observed (stated) and expected (sum of parts) and every mismatching cell
in ``rows``. The 2017 origin-destination table is also checked: its origin columns against its
own ``Total`` column, and that column against Table 1 of the totals workbook.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.m49 import m49_text
from migobs.warehouse.findings import Finding

TOLERANCE = 0.5
"""Largest difference (persons) still counted as equal; the files round to whole persons."""

FACTS = """
    SELECT source, edition, year, sex AS dim, sheet, destination AS area, value, cell
    FROM migrant_stock WHERE origin = 900
    UNION ALL
    SELECT source, edition, year, variable || ' ' || coalesce(period, '') AS dim, sheet, area,
           value, cell
    FROM series WHERE unit = 'persons'
"""

MISMATCHES = f"""
WITH facts AS ({FACTS}),
parts AS (
    SELECT f.source, f.edition, g.group_m49, f.year, f.dim, f.sheet, sum(f.value) AS parts,
           count(*) AS members
    FROM facts f
    JOIN area_groups g ON g.member_m49 = f.area AND g.scheme = f.source || '/' || f.edition
    GROUP BY ALL
)
SELECT a.source, a.edition, p.group_m49, a.year, a.dim, a.sheet, a.value, p.parts, p.members,
       a.cell
FROM parts p
JOIN facts a ON a.source = p.source AND a.edition = p.edition AND a.area = p.group_m49
    AND a.year = p.year AND a.dim = p.dim AND a.sheet = p.sheet
WHERE a.value IS NOT NULL AND abs(a.value - p.parts) > {TOLERANCE} + 1e-9 * abs(a.value)
ORDER BY a.source, a.edition, p.group_m49, abs(a.value - p.parts) DESC, a.year, a.dim, a.cell
"""

OD_SUMS = f"""
WITH parts AS (
    SELECT m.edition, m.year, m.destination, sum(m.value) AS parts
    FROM migrant_stock m JOIN source_files f USING (file_id)
    WHERE m.source = 'undesa_stock' AND f.file_key = 'origin_destination'
    GROUP BY ALL
)
SELECT t.source, t.edition, t.area, t.year, 'origin columns' AS dim, t.sheet, t.value, p.parts,
       0 AS members, t.cell
FROM stock_tables t JOIN parts p ON p.edition = t.edition AND p.year = t.year
    AND p.destination = t.area
WHERE t.variable = 'origin_destination_total' AND t.value IS NOT NULL
    AND abs(t.value - p.parts) > {TOLERANCE}
UNION ALL
SELECT t.source, t.edition, t.area, t.year, 'Table 1 total' AS dim, t.sheet, t.value, m.value,
       0 AS members, t.cell
FROM stock_tables t JOIN migrant_stock m ON m.source = t.source AND m.edition = t.edition
    AND m.year = t.year AND m.destination = t.area AND m.origin = 900 AND m.sex = 'total'
WHERE t.variable = 'origin_destination_total' AND abs(t.value - m.value) > {TOLERANCE}
ORDER BY 1, 2, 3, 4
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Every stated aggregate that is not the sum of its members, one finding per group."""
    rows = con.execute(MISMATCHES).fetchall() + con.execute(OD_SUMS).fetchall()
    names = dict(con.execute("SELECT m49, name FROM areas").fetchall())
    grouped: dict[tuple[str, str, int], list[tuple[Any, ...]]] = {}
    for row in rows:
        grouped.setdefault((row[0], row[1], int(row[2])), []).append(row)
    return [_finding(key, found, names) for key, found in grouped.items()]


def _finding(
    key: tuple[str, str, int], rows: list[tuple[Any, ...]], names: dict[int, str]
) -> Finding:
    source, edition, group = key
    worst = max(rows, key=lambda r: abs(r[6] - r[7]))
    code = m49_text(group)
    name = names.get(group, code)
    return Finding(
        type="aggregate-mismatch",
        title=f"{source} {edition}: {name} ({code}) is not the sum of its parts",
        message=(
            f"{len(rows)} value(s) of {name} ({code}) in {source} {edition} differ from the sum "
            f"of the members the file itself lists; the largest: {worst[4].strip()} {worst[3]} "
            f"states {worst[6]:,.0f} in [{worst[5]}]{worst[9]}, its parts sum to {worst[7]:,.0f} "
            f"(difference {worst[6] - worst[7]:,.0f})."
        ),
        source=source,
        edition=edition,
        observed=float(worst[6]),
        expected=float(worst[7]),
        rows=[
            {
                "year": r[3],
                "of": r[4].strip(),
                "sheet": r[5],
                "cell": r[9],
                "stated": r[6],
                "sum_of_parts": r[7],
                "members": r[8],
            }
            for r in rows
        ],
    )
