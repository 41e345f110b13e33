"""What the world map can show: each variable's code, title, unit and how to read it.

A variable reads every year at once from the warehouse as a tidy frame (``area, area_name,
iso3, year, value`` plus provenance columns); the page picks the year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd
from fastapi import Request

from migobs.api.routes.indicators import indicator_table
from migobs.errors import MigobsError
from migobs.indicators import registry
from migobs.indicators.definitions import definitions
from migobs.sources.catalog import catalog
from migobs.warehouse.read import atlas, listing
from migobs.web.errors import PageInputError

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


UNITS = {"current_usd": "current US$", "per_100000": "per 100,000"}


@dataclass(frozen=True)
class MapChoice:
    """A variable or indicator the world map can show."""

    code: str
    title: str
    unit: str
    source: str


def choices() -> list[MapChoice]:
    """The map's variables, then every indicator about one area (not corridors)."""
    frames = [MapChoice(v.code, v.title, v.unit, v.source) for v in VARIABLES.values()]
    found = definitions()
    indicators = [
        MapChoice(code, f"{d.title} ({code})", UNITS.get(d.unit, d.unit), _sources(d.sources))
        for code, d in found.items()
        if code in registry.REGISTRY and not code.endswith(".corridor")
    ]
    return frames + indicators


def map_rows(
    request: Request, con: duckdb.DuckDBPyConnection, code: str, year: int | None
) -> tuple[MapChoice, int | None, list[int], pd.DataFrame]:
    """The choice ``code``, the year shown, every year it has, and that year's rows
    (``area, area_name, iso3, year, value``), largest first.

    Raises
    ------
    PageInputError
        Unknown code or year; the page lists the accepted ones.
    """
    known = {c.code: c for c in choices()}
    if code not in known:
        raise PageInputError("variable", code, list(known))
    if code in VARIABLES:
        frame = VARIABLES[code].read(con)
        years = sorted({int(y) for y in frame["year"]})
    else:
        years = _indicator_years(con, code)
        frame = pd.DataFrame(columns=["area", "area_name", "iso3", "year", "value"])
    if year is None:
        year = years[-1] if years else None
    elif year not in years:
        raise PageInputError("year", year, years)
    if code not in VARIABLES and year is not None:
        frame = _indicator_frame(request, con, code, year)
    rows = frame[(frame["year"] == year) & frame["value"].notna()]
    return known[code], year, years, rows.sort_values("value", ascending=False, kind="stable")


def _indicator_years(con: duckdb.DuckDBPyConnection, code: str) -> list[int]:
    try:
        return registry.years(con, code)
    except MigobsError:  # the source is not in this warehouse: no years to show
        return []


def _indicator_frame(
    request: Request, con: duckdb.DuckDBPyConnection, code: str, year: int
) -> pd.DataFrame:
    values = indicator_table(request, con, code, year, None)
    frame = pd.DataFrame(
        [(v.area, v.area_name, v.year, v.value) for v in values if v.counterpart is None],
        columns=["area", "area_name", "year", "value"],
    )
    iso3 = atlas.areas(con)[["m49", "iso3"]].rename(columns={"m49": "area"})
    return frame.merge(iso3, on="area", how="left")[["area", "area_name", "iso3", "year", "value"]]


def _sources(names: tuple[str, ...]) -> str:
    return ", ".join(catalog()[n].title if n in catalog() else n for n in names)
