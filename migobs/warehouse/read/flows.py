"""Reads that flow estimation needs: the origin x destination stock and WPP demography."""

from __future__ import annotations

import duckdb
import pandas as pd

_OD = """
SELECT m.year, m.origin, m.destination, coalesce(m.value, 0) AS value
FROM migrant_stock m
JOIN areas o ON o.m49 = m.origin AND o.kind = 'country'
JOIN areas d ON d.m49 = m.destination AND d.kind = 'country'
WHERE m.source = 'undesa_stock' AND m.edition = ? AND m.sex = ? AND m.origin <> 900
"""

_OD_SEXES = """
SELECT DISTINCT sex FROM migrant_stock
WHERE source = 'undesa_stock' AND edition = ? AND origin <> 900 ORDER BY sex
"""

_SERIES = """
SELECT s.area, s.year, s.period, s.value
FROM series s JOIN areas a ON a.m49 = s.area AND a.kind = 'country'
WHERE s.source = 'wpp' AND s.edition = ? AND s.variable = ? AND s.value IS NOT NULL
"""


def od_stock(con: duckdb.DuckDBPyConnection, edition: str, sex: str = "total") -> pd.DataFrame:
    """Foreign-born stock by origin and destination country (persons), every year held.

    Returns columns ``year, origin, destination, value`` (M49 codes; missing values as 0).
    """
    return con.execute(_OD, [edition, sex]).df()


def od_sexes(con: duckdb.DuckDBPyConnection, edition: str) -> list[str]:
    """The sexes (``total``, ``male``, ``female``) the edition's origin x destination table has."""
    return [row[0] for row in con.execute(_OD_SEXES, [edition]).fetchall()]


def wpp_series(con: duckdb.DuckDBPyConnection, edition: str, variable: str) -> pd.DataFrame:
    """A WPP series for countries: columns ``area, year, period, value`` (persons)."""
    return con.execute(_SERIES, [edition, variable]).df()
