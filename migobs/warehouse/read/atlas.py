"""Reads the dashboard's maps and profiles need: areas, boundaries, stocks by destination."""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pandas as pd

from migobs.warehouse.read.listing import TOTAL_ORIGIN


def areas(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every area: ``m49, iso3, name, kind``, by M49 code."""
    return con.execute("SELECT m49, iso3, name, kind FROM areas ORDER BY m49").df()


def boundaries(con: duckdb.DuckDBPyConnection) -> list[tuple[int, str, dict[str, Any]]]:
    """``(area, name, GeoJSON geometry)`` of every area with a boundary, by area."""
    rows = con.execute("SELECT area, name, geometry FROM boundaries ORDER BY area").fetchall()
    return [(int(a), str(n), g if isinstance(g, dict) else json.loads(g)) for a, n, g in rows]


def stock_by_destination(
    con: duckdb.DuckDBPyConnection,
    *,
    edition: str,
    sex: str = "total",
    source: str = "undesa_stock",
) -> pd.DataFrame:
    """Immigrants (all origins) by country of destination and year, one edition.

    Returns
    -------
    DataFrame with ``area, area_name, iso3, year, value`` (persons) and the provenance
    columns ``file_id, sheet, cell``, for countries only, by area and year.
    """
    return con.execute(
        """
        SELECT s.destination AS area, a.name AS area_name, a.iso3, s.year, s.value,
               s.file_id, s.sheet, s.cell
        FROM migrant_stock s JOIN areas a ON a.m49 = s.destination
        WHERE s.source = ? AND s.edition = ? AND s.sex = ? AND s.origin = ?
          AND a.kind = 'country'
        ORDER BY s.destination, s.year
        """,
        [source, edition, sex, TOTAL_ORIGIN],
    ).df()


def stock_frame(
    con: duckdb.DuckDBPyConnection,
    *,
    source: str,
    edition: str,
    by_sex: bool = False,
    by_origin: bool = False,
) -> pd.DataFrame:
    """One edition of a stock source as a tidy frame.

    Returns
    -------
    DataFrame with ``area, area_name, iso3`` (the destination), ``origin, origin_name`` when
    ``by_origin`` (else all origins only), ``sex`` when ``by_sex`` (else totals only), ``year``
    and ``value`` (persons), by key.
    """
    origin_filter = "s.origin <> ?" if by_origin else "s.origin = ?"
    sex_filter = "" if by_sex else "AND s.sex = 'total'"
    return con.execute(
        f"""
        SELECT s.destination AS area, d.name AS area_name, d.iso3,
               s.origin, o.name AS origin_name, s.sex, s.year, s.value
        FROM migrant_stock s JOIN areas d ON d.m49 = s.destination
        LEFT JOIN areas o ON o.m49 = s.origin
        WHERE s.source = ? AND s.edition = ? AND {origin_filter} {sex_filter}
        ORDER BY s.destination, s.origin, s.sex, s.year
        """,
        [source, edition, TOTAL_ORIGIN],
    ).df()


_COUNTRY_VALUES = """
    SELECT t.area, a.name AS area_name, a.iso3, t.year, {value} AS value
    FROM {table} t JOIN areas a ON a.m49 = t.area AND a.kind = 'country'
    WHERE {where}
      AND t.edition = (SELECT max(edition) FROM {table} WHERE {where_inner})
    GROUP BY ALL ORDER BY t.area, t.year
"""


def stock_table_map(con: duckdb.DuckDBPyConnection, variable: str) -> pd.DataFrame:
    """``area, area_name, iso3, year, value`` of a ``stock_tables`` variable (both sexes),
    newest edition, countries only."""
    sql = _COUNTRY_VALUES.format(
        value="max(t.value)",
        table="stock_tables",
        where="t.variable = ? AND t.sex = 'total'",
        where_inner="variable = ?",
    )
    return con.execute(sql, [variable, variable]).df()


def series_map(con: duckdb.DuckDBPyConnection, variable: str) -> pd.DataFrame:
    """``area, area_name, iso3, year, value`` of a ``series`` variable, newest edition,
    countries only."""
    sql = _COUNTRY_VALUES.format(
        value="max(t.value)", table="series", where="t.variable = ?", where_inner="variable = ?"
    )
    return con.execute(sql, [variable, variable]).df()


def refugees_hosted_map(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """``area, area_name, iso3, year, value``: refugees by country of asylum, newest edition."""
    return con.execute(
        """SELECT r.asylum AS area, a.name AS area_name, a.iso3, r.year, sum(r.refugees) AS value
           FROM refugees r JOIN areas a ON a.m49 = r.asylum AND a.kind = 'country'
           WHERE r.edition = (SELECT max(edition) FROM refugees)
           GROUP BY ALL ORDER BY 1, 4"""
    ).df()


def emigrants_map(con: duckdb.DuckDBPyConnection, *, edition: str) -> pd.DataFrame:
    """``area, area_name, iso3, year, value``: persons born in each country living in another
    (countries of destination summed), one stock edition."""
    return con.execute(
        """SELECT s.origin AS area, o.name AS area_name, o.iso3, s.year, sum(s.value) AS value
           FROM migrant_stock s
           JOIN areas o ON o.m49 = s.origin AND o.kind = 'country'
           JOIN areas d ON d.m49 = s.destination AND d.kind = 'country'
           WHERE s.source = 'undesa_stock' AND s.edition = ? AND s.sex = 'total'
           GROUP BY ALL ORDER BY 1, 4""",
        [edition],
    ).df()


def projection_years(con: duckdb.DuckDBPyConnection, variable: str) -> list[int]:
    """Years of a ``series`` variable (newest edition) read from a projection sheet (WPP's
    ``MEDIUM VARIANT`` and the other variants), oldest first."""
    rows = con.execute(
        """SELECT DISTINCT year FROM series
           WHERE variable = ? AND sheet ILIKE '%variant%'
             AND edition = (SELECT max(edition) FROM series WHERE variable = ?)
           ORDER BY year""",
        [variable, variable],
    ).fetchall()
    return [int(year) for (year,) in rows]
