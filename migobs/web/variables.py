"""What the world map can show: each variable's code, title, unit and how to read it.

A variable reads every year at once from the warehouse as a tidy frame (``area, area_name,
iso3, year, value`` plus provenance columns); the page picks the year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from migobs.warehouse.read import atlas, listing

Reader = Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]


@dataclass(frozen=True)
class MapVariable:
    """One variable of the world map."""

    code: str
    title: str
    unit: str
    source: str
    read: Reader


def _newest_stock(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    if not editions:
        return pd.DataFrame(columns=["area", "area_name", "iso3", "year", "value"])
    return atlas.stock_by_destination(con, edition=editions[-1])


def _emigrants(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    editions = listing.stock_editions_with_origins(con, "undesa_stock")
    if not editions:
        return pd.DataFrame(columns=["area", "area_name", "iso3", "year", "value"])
    return atlas.emigrants_map(con, edition=editions[-1])


def _stock_table(variable: str) -> Reader:
    return lambda con: atlas.stock_table_map(con, variable)


def _series(variable: str, last_year: int = 9999) -> Reader:
    def read(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
        frame = atlas.series_map(con, variable)
        return frame[frame["year"] <= last_year]

    return read


STOCK = "UN DESA International Migrant Stock, newest edition"
WDI = "World Bank World Development Indicators, newest vintage"

VARIABLES: dict[str, MapVariable] = {
    v.code: v
    for v in (
        MapVariable(
            "immigrants",
            "International migrants living in the country",
            "persons",
            STOCK,
            _newest_stock,
        ),
        MapVariable(
            "emigrants",
            "Emigrants: people born in the country living abroad",
            "persons",
            "UN DESA International Migrant Stock, newest edition with origins",
            _emigrants,
        ),
        MapVariable(
            "migrant_share",
            "Immigrants as a share of the population",
            "percent",
            STOCK,
            _stock_table("migrant_share_pct"),
        ),
        MapVariable(
            "female_share",
            "Women among immigrants",
            "percent",
            STOCK,
            _stock_table("female_share_pct"),
        ),
        MapVariable(
            "refugees",
            "Refugees hosted (UNHCR)",
            "persons",
            "UNHCR Refugee Population Statistics",
            atlas.refugees_hosted_map,
        ),
        MapVariable(
            "net_migrants",
            "Net migrants (five-year period)",
            "persons",
            "UN World Population Prospects 2019",
            _series("net_migrants"),
        ),
        MapVariable(
            "remittances_received",
            "Remittances received",
            "current US$",
            WDI,
            _series("remittances_received"),
        ),
        MapVariable(
            "remittances_paid", "Remittances paid", "current US$", WDI, _series("remittances_paid")
        ),
    )
}
