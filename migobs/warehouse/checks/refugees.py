"""UNHCR rows that need a second look, and migrant stocks below the refugees they include.

Family ``refugees``:

- ``origin-equals-asylum``: UNHCR rows whose country of origin is the country of asylum and that
  count refugees or asylum-seekers (rows of IDPs, returnees or stateless people in their own
  country are expected and not listed; their number is given in the message). Special areas
  (UNHCR's unknown origin, stateless, Tibetan) are not countries and are left out.
- ``stock-below-refugees``: a country's total migrant stock (UN DESA or KNOMAD, all origins, both
  sexes) below the refugees under UNHCR's mandate it hosts in the same year. Both UN DESA and the
  World Bank say their stocks include refugees, so the stock should not be smaller. The finding
  names the stock cell and every UNHCR row (``row_number``) of the sum.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.m49 import m49_text
from migobs.warehouse.findings import Finding

COUNTRY = "origin IN (SELECT m49 FROM areas WHERE kind <> 'special')"
"""Unknown origin, stateless, Tibetan (special areas) are not a country one can be a refugee of."""

SAME_COUNTRY = f"""
SELECT edition, year, origin, refugees, asylum_seekers, row_number
FROM refugees
WHERE origin = asylum AND {COUNTRY}
  AND (coalesce(refugees, 0) > 0 OR coalesce(asylum_seekers, 0) > 0)
ORDER BY edition, year, origin
"""

SAME_COUNTRY_ALL = (
    f"SELECT edition, count(*) FROM refugees WHERE origin = asylum AND {COUNTRY} GROUP BY edition"
)

STOCK_BELOW = """
WITH hosted AS (
    SELECT edition AS unhcr_edition, year, asylum, sum(refugees) AS refugees,
           list(row_number ORDER BY row_number) FILTER (WHERE refugees > 0) AS rows_
    FROM refugees GROUP BY ALL
)
SELECT s.source, s.edition, s.year, s.destination, a.name, s.value, h.refugees, s.cell,
       h.unhcr_edition, h.rows_
FROM migrant_stock s
JOIN hosted h ON h.year = s.year AND h.asylum = s.destination
JOIN areas a ON a.m49 = s.destination AND a.kind = 'country'
WHERE s.origin = 900 AND s.sex = 'total' AND s.value < h.refugees
ORDER BY s.source, s.edition, s.year, s.destination
"""


def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
    """Origin-equals-asylum rows with refugees, and stocks smaller than their refugees."""
    totals = dict(con.execute(SAME_COUNTRY_ALL).fetchall())
    grouped: dict[str, list[tuple[Any, ...]]] = {}
    for row in con.execute(SAME_COUNTRY).fetchall():
        grouped.setdefault(str(row[0]), []).append(row)
    findings = [_same_country(e, rows, int(totals[e])) for e, rows in grouped.items()]
    findings += [_stock_below(*row) for row in con.execute(STOCK_BELOW).fetchall()]
    return findings


def _same_country(edition: str, rows: list[tuple[Any, ...]], total: int) -> Finding:
    return Finding(
        type="origin-equals-asylum",
        title=f"unhcr {edition}: {len(rows)} rows count refugees in their own country",
        message=(
            f"{total} rows of UNHCR {edition} have the country of origin equal to the country of "
            f"asylum; most count IDPs, returnees or stateless people, as expected. {len(rows)} of "
            f"them count refugees or asylum-seekers, which a refugee cannot be in their own "
            f"country: check them before using origin-asylum pairs."
        ),
        source="unhcr",
        edition=edition,
        observed=float(len(rows)),
        expected=0.0,
        rows=[
            {"year": y, "origin": o, "asylum": o, "refugees": r, "asylum_seekers": a, "row": n}
            for _, y, o, r, a, n in rows
        ],
    )


def _stock_below(*row: Any) -> Finding:
    source, edition, year, area, name, stock, refugees, cell, unhcr_edition, numbers = row
    return Finding(
        type="stock-below-refugees",
        title=f"{source} {edition}: {name} {year} migrant stock below UNHCR's refugees",
        message=(
            f"{source} {edition} gives {name} ({m49_text(area)}) a migrant stock of {stock:,.0f} in {year} "
            f"(cell {cell}), below the {refugees:,.0f} refugees under UNHCR's mandate it hosts "
            f"(UNHCR {unhcr_edition}, the sum of table rows {', '.join(map(str, numbers))}), "
            f"although the stock is said to include refugees."
        ),
        source=source,
        edition=edition,
        observed=float(stock),
        expected=float(refugees),
        rows=[
            {"table": "migrant_stock", "year": year, "destination": area, "cell": cell},
            *({"table": "refugees", "edition": unhcr_edition, "row_number": n} for n in numbers),
        ],
    )
