"""Missing Migrants: a country whose dead and missing exceed those of its own UNSD grouping.

Family ``incident_groupings``: IOM files each incident under a country of incident and, apart,
under the UNSD grouping(s) of where it happened (``UNSD Geographical Grouping``). The two need not
agree: an incident in Mexico may be filed under ``Caribbean``, so it counts in Mexico but not in
Central America, and Mexico's yearly total can exceed Central America's (134 against 117 in 2014,
2025 vintage). For every vintage, country and year where the country's total (incidents whose
country of incident maps to it) exceeds its grouping's (incidents listing the grouping the
country profile draws beside it: the country's M49 intermediate region, else its sub-region),
one ``part-exceeds-whole`` finding per (vintage, country) names each such year, both totals and
the incidents filed elsewhere (their rows and the groupings they list) in ``rows``.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.warehouse.findings import Finding

PART_ABOVE_WHOLE = """
WITH home AS (
    SELECT g.member_m49 AS area,
           arg_min(a.name, (a.kind = 'subregion')::INTEGER * 100000 + a.m49) AS grouping
    FROM area_groups g JOIN areas a ON a.m49 = g.group_m49
    WHERE g.scheme = 'm49' AND a.kind IN ('intermediate_region', 'subregion')
    GROUP BY g.member_m49
),
incidents AS (
    SELECT edition, year, incident_area AS area, dead_and_missing, row_number, unsd_grouping,
           string_split(coalesce(unsd_grouping, ''), ',') AS groupings
    FROM missing_migrants WHERE year IS NOT NULL AND dead_and_missing IS NOT NULL
),
by_country AS (
    SELECT i.edition, i.year, i.area, h.grouping, sum(i.dead_and_missing) AS in_country,
           coalesce(sum(i.dead_and_missing)
               FILTER (WHERE NOT list_contains(i.groupings, h.grouping)), 0) AS outside,
           list(i.row_number ORDER BY i.row_number)
               FILTER (WHERE NOT list_contains(i.groupings, h.grouping)) AS rows_,
           list(DISTINCT coalesce(nullif(i.unsd_grouping, ''), '(none)')
                ORDER BY coalesce(nullif(i.unsd_grouping, ''), '(none)'))
               FILTER (WHERE NOT list_contains(i.groupings, h.grouping)) AS listed_under
    FROM incidents i JOIN home h ON h.area = i.area
    GROUP BY ALL
),
by_grouping AS (
    SELECT i.edition, i.year, g.grouping, sum(i.dead_and_missing) AS in_grouping
    FROM incidents i JOIN (SELECT DISTINCT grouping FROM home) g
        ON list_contains(i.groupings, g.grouping)
    GROUP BY ALL
)
SELECT c.edition, c.area, a.name, c.year, c.grouping, c.in_country,
       coalesce(b.in_grouping, 0) AS in_grouping, c.outside, c.rows_, c.listed_under
FROM by_country c JOIN areas a ON a.m49 = c.area
LEFT JOIN by_grouping b USING (edition, year, grouping)
WHERE c.in_country > coalesce(b.in_grouping, 0)
ORDER BY c.edition, c.area, c.year
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Every (vintage, country) with a year whose dead and missing exceed its grouping's."""
    grouped: dict[tuple[str, int], list[tuple[Any, ...]]] = {}
    for row in con.execute(PART_ABOVE_WHOLE).fetchall():
        grouped.setdefault((str(row[0]), int(row[1])), []).append(row)
    return [_finding(edition, years) for (edition, _), years in grouped.items()]


def _finding(edition: str, years: list[tuple[Any, ...]]) -> Finding:
    _, area, name, _, grouping, _, _, _, _, _ = years[0]
    worst = max(years, key=lambda r: (r[5] - r[6], -r[3]))
    _, _, _, year, _, in_country, in_grouping, outside, rows, listed = worst
    return Finding(
        type="part-exceeds-whole",
        title=f"iom_mmp {edition}: {name} counts more dead and missing than {grouping}",
        message=(
            f"In {len(years)} year(s) the {edition} vintage records more dead and missing in "
            f"{name} (country of incident) than in {grouping}, the UNSD grouping it belongs to; "
            f"e.g. {year}: {in_country:,.0f} in {name}, {in_grouping:,.0f} in {grouping}. IOM "
            f"files each incident under the grouping of where it happened, and {len(rows)} "
            f"incident(s) in {name} that year ({outside:,.0f} dead and missing, sheet rows "
            f"{_first(rows)}) are filed under {' / '.join(listed)}, so they count in {name} but "
            f"not in {grouping}."
        ),
        source="iom_mmp",
        edition=edition,
        observed=float(in_country),
        expected=float(in_grouping),
        rows=[
            {
                "area": int(area),
                "year": int(r[3]),
                "grouping": grouping,
                "in_country": float(r[5]),
                "in_grouping": float(r[6]),
                "outside": float(r[7]),
                "row_numbers": [int(n) for n in r[8]],
                "listed_under": list(r[9]),
            }
            for r in years
        ],
    )


def _first(rows: list[int], shown: int = 5) -> str:
    listed = ", ".join(map(str, rows[:shown]))
    return listed if len(rows) <= shown else f"{listed} … ({len(rows)} in all, listed in rows)"
