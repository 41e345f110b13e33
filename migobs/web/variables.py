"""What the world map can show: each variable's code, title, unit and how to read it, and the
years it can be shown in.

A variable reads every year at once from the warehouse as a tidy frame (``area, area_name,
iso3, year, value`` plus provenance columns); an indicator is computed one year at a time, as
the API does. Only years with a value for some area are offered; projections are marked; the
page opens on the newest observed (not projected) year with values for nearly as many areas as
the best-covered year (:data:`COVERAGE`), so a year that only a few sources have reached yet
does not give a blank map.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

import duckdb
import pandas as pd
from fastapi import Request

from migobs.charts.format import unit_words
from migobs.errors import MigobsError
from migobs.http.memo import per_build
from migobs.http.results import indicator_table
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.indicators import registry
from migobs.indicators.definitions import definitions
from migobs.indicators.values import Value
from migobs.sources.catalog import catalog
from migobs.warehouse.read import atlas, listing
from migobs.web.errors import PageInputError
from migobs.web.texts import indicator_caveats, indicator_title

Reader = Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]
COLUMNS = ("area", "area_name", "iso3", "year", "value")


@dataclass(frozen=True)
class MapVariable:
    """One variable of the world map."""

    code: str
    title: str
    unit: str
    source: str
    read: Reader
    projections: Callable[[duckdb.DuckDBPyConnection], list[int]] | None = None


def _newest_stock(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    if not editions:
        return pd.DataFrame(columns=list(COLUMNS))
    return atlas.stock_by_destination(con, edition=editions[-1])


def _emigrants(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    editions = listing.stock_editions_with_origins(con, "undesa_stock")
    if not editions:
        return pd.DataFrame(columns=list(COLUMNS))
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
            N_("International migrants living in the country"),
            "persons",
            STOCK,
            _newest_stock,
        ),
        MapVariable(
            "emigrants",
            N_("Emigrants: people born in the country living abroad"),
            "persons",
            "UN DESA International Migrant Stock, newest edition with origins",
            _emigrants,
        ),
        MapVariable(
            "migrant_share",
            N_("Immigrants as a share of the population"),
            "percent",
            STOCK,
            _stock_table("migrant_share_pct"),
        ),
        MapVariable(
            "female_share",
            N_("Women among immigrants"),
            "percent",
            STOCK,
            _stock_table("female_share_pct"),
        ),
        MapVariable(
            "refugees",
            N_("Refugees hosted (UNHCR)"),
            "persons",
            "UNHCR Refugee Population Statistics",
            atlas.refugees_hosted_map,
        ),
        MapVariable(
            "net_migrants",
            N_("Net migrants in the five years from the year shown"),
            "persons",
            "UN World Population Prospects 2019 (estimates; medium-variant projections)",
            _series("net_migrants"),
            lambda con: atlas.projection_years(con, "net_migrants"),
        ),
        MapVariable(
            "remittances_received",
            N_("Remittances received"),
            "current US$",
            WDI,
            _series("remittances_received"),
        ),
        MapVariable(
            "remittances_paid",
            N_("Remittances paid"),
            "current US$",
            WDI,
            _series("remittances_paid"),
        ),
    )
}


@dataclass(frozen=True)
class MapChoice:
    """A variable or indicator the world map can show; ``note`` is an indicator's caveats (what
    the figure is not, e.g. SDG 10.c.1 against the World Bank's Global Average)."""

    code: str
    title: str
    unit: str
    source: str
    note: str = ""


def choices() -> list[MapChoice]:
    """The map's variables, then every indicator about one area (not corridors)."""
    frames = [MapChoice(v.code, _(v.title), v.unit, v.source) for v in VARIABLES.values()]
    found = definitions()
    indicators = [
        MapChoice(
            code,
            f"{indicator_title(code)} ({code})",
            unit_words(d.unit),
            _sources(d.sources),
            indicator_caveats(code),
        )
        for code, d in found.items()
        if code in registry.REGISTRY and not code.endswith(".corridor")
    ]
    return frames + indicators


COVERAGE = 0.9
"""The default year has values for at least this share of the areas of the best-covered year."""


@dataclass(frozen=True)
class YearChoice:
    """A year the map can show: how many areas have a value, whether it is a projection, and
    the period the world's value covers when it is not the year (``2020, Q1–Q3``, ``2000–2020``).
    """

    year: int
    areas: int
    projection: bool = False
    period: str = ""

    @property
    def label(self) -> str:
        """``2095 (projection)``, ``2020, Q1–Q3`` (a partial year), or ``2020``."""
        if self.projection:
            return _("%(year)s (projection)") % {"year": self.year}
        return self.period or str(self.year)


def default_year(years: Sequence[YearChoice]) -> YearChoice | None:
    """The newest year that is not a projection and has values for at least :data:`COVERAGE`
    of the areas of the best-covered such year (projections only if there is nothing else)."""
    observed = [y for y in years if not y.projection] or list(years)
    if not observed:
        return None
    best = max(y.areas for y in observed)
    return [y for y in observed if y.areas >= COVERAGE * best][-1]


def pick_year(years: Sequence[YearChoice], asked: str | None) -> YearChoice | None:
    """The year ``asked`` (as typed in the query), or :func:`default_year` when none is.

    Raises
    ------
    PageInputError
        ``asked`` is not a year (422) or a year without data (404); the page lists the years.
    """
    if asked is None or not asked.strip():
        return default_year(years)
    for choice in years:
        if str(choice.year) == asked.strip():
            return choice
    status = 404 if asked.strip().isdigit() else 422
    raise PageInputError("year", asked, [y.label for y in years], status=status)


def map_rows(
    request: Request, con: duckdb.DuckDBPyConnection, code: str, year: str | None
) -> tuple[MapChoice, YearChoice | None, list[YearChoice], pd.DataFrame]:
    """The choice ``code``, the year shown, every year with data, and that year's rows
    (``area, area_name, iso3, year, value``), largest first.

    Raises
    ------
    PageInputError
        Unknown code or year; the page lists the accepted ones.
    """
    known = {c.code: c for c in choices()}
    if code not in known:
        raise PageInputError("variable", code, list(known))
    years = per_build(request, ("map-years", code), lambda: year_choices(con, code))
    shown = pick_year(years, year)
    if shown is None:
        return known[code], None, years, pd.DataFrame(columns=list(COLUMNS))
    if code in VARIABLES:
        frame = VARIABLES[code].read(con)
    else:
        frame = _indicator_frame(request, con, code, shown.year)
    rows = frame[(frame["year"] == shown.year) & frame["value"].notna()]
    return known[code], shown, years, rows.sort_values("value", ascending=False, kind="stable")


def year_choices(con: duckdb.DuckDBPyConnection, code: str) -> list[YearChoice]:
    """Every year of ``code`` with a value for at least one area, oldest first.

    An indicator is computed for each of its years (as ``/api/indicators/{code}/values`` does):
    a few seconds for the slowest, once per build.
    """
    if code in VARIABLES:
        variable = VARIABLES[code]
        frame = variable.read(con)
        counts = frame[frame["value"].notna()].groupby("year")["area"].nunique()
        projected = set(variable.projections(con)) if variable.projections else set()
        return [
            YearChoice(int(y), int(n), int(y) in projected)
            for y, n in zip(counts.index, counts.to_numpy(), strict=True)
        ]
    try:
        listed = registry.listed_per_year(con, code)
    except MigobsError:  # the source is not in this warehouse: no years to show
        return []
    return [YearChoice(year, areas, period=world) for year, areas, world in listed]


def _last_period(values: Iterable[Value]) -> list[Value]:
    """One value per area and counterpart: of an indicator listed per quarter, the year's last
    quarter held (the map draws one value per area)."""
    return list({(v.area, v.counterpart): v for v in values}.values())


def _indicator_frame(
    request: Request, con: duckdb.DuckDBPyConnection, code: str, year: int
) -> pd.DataFrame:
    values = _last_period(v for v in indicator_table(request, con, code, year, None))
    frame = pd.DataFrame(
        [(v.area, v.area_name, v.year, v.value) for v in values if v.counterpart is None],
        columns=["area", "area_name", "year", "value"],
    )
    iso3 = atlas.areas(con)[["m49", "iso3"]].rename(columns={"m49": "area"})
    return frame.merge(iso3, on="area", how="left")[list(COLUMNS)]


SOURCE_WORDS = (
    N_("UN DESA International Migrant Stock"),
    N_("World Bank World Development Indicators"),
    N_("UNHCR Refugee Population Statistics"),
    N_("UN World Population Prospects 2019 (estimates; medium-variant projections)"),
    N_("newest edition with origins"),
    N_("newest edition"),
    N_("newest vintage"),
)
"""The words of the map variables' sources, longest first within each title."""
EDITION = re.compile(r"\b(\d{4}(?:-\d\d){0,2}) edition\b")


def source_words(source: str) -> str:
    """A map variable's source in the current language (``UN DESA International Migrant Stock,
    2024 edition`` → ``… , édition 2024``); publishers' titles it does not list stay as they are."""
    for words in SOURCE_WORDS:
        source = source.replace(words, _(words))
    return EDITION.sub(lambda m: _("%(edition)s edition") % {"edition": m.group(1)}, source)


def _sources(names: tuple[str, ...]) -> str:
    return ", ".join(catalog()[n].title if n in catalog() else n for n in names)
