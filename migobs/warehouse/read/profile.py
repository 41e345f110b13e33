"""Reads for a country profile and a corridor: stocks over time, top partners, refugees,
remittances, Missing Migrants in the region. Each returns a small DataFrame, by year or value."""

from __future__ import annotations

import json

import duckdb
import pandas as pd

from migobs.m49 import m49_text
from migobs.warehouse.read.listing import TOTAL_ORIGIN


def stock_over_time(
    con: duckdb.DuckDBPyConnection, *, area: int, edition: str, source: str = "undesa_stock"
) -> pd.DataFrame:
    """``year, sex, value, sheet, cell`` of immigrants (all origins) in ``area``."""
    return con.execute(
        """SELECT year, sex, value, sheet, cell FROM migrant_stock
           WHERE source = ? AND edition = ? AND destination = ? AND origin = ?
           ORDER BY year, sex""",
        [source, edition, area, TOTAL_ORIGIN],
    ).df()


def emigrants_over_time(
    con: duckdb.DuckDBPyConnection, *, area: int, edition: str, source: str = "undesa_stock"
) -> pd.DataFrame:
    """``year, value``: persons born in ``area`` living in any country (countries summed)."""
    return con.execute(
        """SELECT s.year, sum(s.value) AS value FROM migrant_stock s
           JOIN areas d ON d.m49 = s.destination AND d.kind = 'country'
           WHERE s.source = ? AND s.edition = ? AND s.origin = ? AND s.sex = 'total'
           GROUP BY s.year ORDER BY s.year""",
        [source, edition, area],
    ).df()


def partners(
    con: duckdb.DuckDBPyConnection,
    *,
    area: int,
    edition: str,
    year: int,
    role: str,
    limit: int = 10,
    source: str = "undesa_stock",
) -> pd.DataFrame:
    """Largest countries of origin (``role='origin'``) or destination (``'destination'``).

    Returns ``partner, name, value`` for ``area`` as destination (its immigrants' origins) or
    as origin (its emigrants' destinations), largest first, countries only.
    """
    own, other = ("destination", "origin") if role == "origin" else ("origin", "destination")
    return con.execute(
        f"""SELECT s.{other} AS partner, a.name, s.value FROM migrant_stock s
            JOIN areas a ON a.m49 = s.{other} AND a.kind = 'country'
            WHERE s.source = ? AND s.edition = ? AND s.year = ? AND s.{own} = ?
              AND s.sex = 'total' AND s.value IS NOT NULL
            ORDER BY s.value DESC, s.{other} LIMIT ?""",
        [source, edition, year, area, limit],
    ).df()


def corridor(con: duckdb.DuckDBPyConnection, *, origin: int, destination: int) -> pd.DataFrame:
    """``source, edition, year, value`` of one corridor's stock in every edition and source."""
    return con.execute(
        """SELECT source, edition, year, value FROM migrant_stock
           WHERE origin = ? AND destination = ? AND sex = 'total'
           ORDER BY source, edition, year""",
        [origin, destination],
    ).df()


def stock_share(con: duckdb.DuckDBPyConnection, *, area: int) -> pd.DataFrame:
    """``edition, year, value`` of the migrant share of population (percent), newest edition."""
    return con.execute(
        """SELECT edition, year, value FROM stock_tables
           WHERE variable = 'migrant_share_pct' AND area = ? AND sex = 'total'
             AND edition = (SELECT max(edition) FROM stock_tables
                            WHERE variable = 'migrant_share_pct')
           ORDER BY year""",
        [area],
    ).df()


def series_values(
    con: duckdb.DuckDBPyConnection, *, area: int, variables: list[str]
) -> pd.DataFrame:
    """``variable, year, value, unit`` of country-year series (newest edition of each source)."""
    marks = ", ".join("?" for _ in variables)
    return con.execute(
        f"""SELECT variable, year, value, unit, source, edition FROM series s
            WHERE area = ? AND variable IN ({marks})
              AND edition = (SELECT max(edition) FROM series t
                             WHERE t.source = s.source AND t.variable = s.variable)
            ORDER BY variable, year""",
        [area, *variables],
    ).df()


def refugees_over_time(con: duckdb.DuckDBPyConnection, *, area: int) -> pd.DataFrame:
    """``year, hosted, from_here``: refugees in ``area`` and refugees from it, newest edition."""
    return con.execute(
        """SELECT year,
                  sum(CASE WHEN asylum = ? THEN refugees END) AS hosted,
                  sum(CASE WHEN origin = ? THEN refugees END) AS from_here
           FROM refugees WHERE (asylum = ? OR origin = ?)
             AND edition = (SELECT max(edition) FROM refugees)
           GROUP BY year ORDER BY year""",
        [area, area, area, area],
    ).df()


def corridor_refugees(
    con: duckdb.DuckDBPyConnection, *, origin: int, destination: int
) -> pd.DataFrame:
    """``year, refugees`` from ``origin`` hosted in ``destination``, newest edition."""
    return con.execute(
        """SELECT year, sum(refugees) AS refugees FROM refugees
           WHERE origin = ? AND asylum = ? AND edition = (SELECT max(edition) FROM refugees)
           GROUP BY year ORDER BY year""",
        [origin, destination],
    ).df()


def corridor_remittances(
    con: duckdb.DuckDBPyConnection, *, origin: int, destination: int
) -> pd.DataFrame:
    """``edition, year, value`` (US$) sent from ``destination`` to ``origin`` (KNOMAD)."""
    return con.execute(
        """SELECT edition, year, value FROM bilateral_remittances
           WHERE sending = ? AND receiving = ? ORDER BY edition, year""",
        [destination, origin],
    ).df()


def corridor_prices(
    con: duckdb.DuckDBPyConnection, *, origin: int, destination: int
) -> pd.DataFrame:
    """``period, year, quarter, series_code, value`` (percent) of sending money to ``origin``."""
    return con.execute(
        """SELECT period, year, quarter, series_code, value FROM remittance_prices
           WHERE sending = ? AND receiving = ? ORDER BY year, quarter, series_code""",
        [destination, origin],
    ).df()


def subregion_of(con: duckdb.DuckDBPyConnection, area: int) -> str | None:
    """The smallest M49 region of a country: its intermediate region, else its subregion."""
    row = con.execute(
        """SELECT a.name FROM area_groups g JOIN areas a ON a.m49 = g.group_m49
           WHERE g.member_m49 = ? AND g.scheme = 'm49'
             AND a.kind IN ('intermediate_region', 'subregion')
           ORDER BY a.kind = 'subregion', a.m49 LIMIT 1""",
        [area],
    ).fetchone()
    return str(row[0]) if row else None


def missing_migrants_in(con: duckdb.DuckDBPyConnection, grouping: str) -> pd.DataFrame:
    """``year, dead_and_missing, incidents`` in one UNSD grouping, newest vintage.

    An incident listed under several groupings (``"Central America,Northern America"``)
    counts in each.
    """
    return con.execute(
        """SELECT year, sum(dead_and_missing) AS dead_and_missing, count(*) AS incidents
           FROM missing_migrants
           WHERE list_contains(string_split(unsd_grouping, ','), ?) AND year IS NOT NULL
             AND edition = (SELECT max(edition) FROM missing_migrants)
           GROUP BY year ORDER BY year""",
        [grouping],
    ).df()


def missing_migrants_above_grouping(con: duckdb.DuckDBPyConnection, area: int) -> pd.DataFrame:
    """Years the newest vintage records more dead and missing in ``area`` than in its grouping.

    From the build's ``part-exceeds-whole`` findings (check family ``incident_groupings``):
    ``year, grouping, in_country, in_grouping, outside`` (the dead and missing in ``area`` that
    IOM files under another grouping) and ``listed_under`` (those groupings, as one text).
    """
    found = con.execute(
        """SELECT rows FROM findings WHERE type = 'part-exceeds-whole' AND source = 'iom_mmp'
             AND edition = (SELECT max(edition) FROM missing_migrants)"""
    ).fetchall()
    code = m49_text(area)  # the rows write it as text
    years = [row for (rows,) in found for row in json.loads(rows) if row["area"] == code]
    frame = pd.DataFrame(
        years,
        columns=["year", "grouping", "in_country", "in_grouping", "outside", "listed_under"],
    )
    return frame.assign(listed_under=frame["listed_under"].map(" / ".join))


def aggregate_mismatches(
    con: duckdb.DuckDBPyConnection, area: int, source: str, edition: str
) -> pd.DataFrame:
    """Why ``source`` ``edition``'s published figures for the aggregate ``area`` are not the sum
    of its members.

    From the build's ``aggregate-mismatch`` findings (check family ``aggregates``, one per
    source, edition and aggregate, which names the aggregate's code in its title):
    ``message, observed`` (the largest published figure that differs) and ``expected`` (the sum
    of the members the file lists); no rows when they agree.
    """
    return con.execute(
        """SELECT message, observed, expected FROM findings
           WHERE type = 'aggregate-mismatch' AND source = ? AND edition = ?
             AND title LIKE ?""",
        [source, edition, f"%({m49_text(area)}) is not the sum of%"],
    ).df()


def largest_corridors(
    con: duckdb.DuckDBPyConnection,
    *,
    group: int | None,
    edition: str,
    year: int,
    limit: int = 12,
) -> pd.DataFrame:
    """``origin, origin_name, destination, destination_name, value``: the largest corridors
    between countries with one end in the grouping ``group`` (any when ``None``), largest first."""
    return con.execute(
        """SELECT s.origin, o.name AS origin_name, s.destination, d.name AS destination_name,
                  s.value
           FROM migrant_stock s
           JOIN areas o ON o.m49 = s.origin AND o.kind = 'country'
           JOIN areas d ON d.m49 = s.destination AND d.kind = 'country'
           WHERE s.source = 'undesa_stock' AND s.edition = ? AND s.year = ? AND s.sex = 'total'
             AND s.value IS NOT NULL
             AND (CAST(? AS INTEGER) IS NULL
               OR s.origin IN (SELECT member_m49 FROM area_groups WHERE group_m49 = ?)
               OR s.destination IN (SELECT member_m49 FROM area_groups WHERE group_m49 = ?))
           ORDER BY s.value DESC, s.origin, s.destination LIMIT ?""",
        [edition, year, group, group, group, limit],
    ).df()
