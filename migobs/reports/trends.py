"""The series a report draws as charts: the area's immigrants and emigrants, their share of the
population, and remittances against official aid, over every year the warehouse holds."""

from __future__ import annotations

from dataclasses import dataclass, replace

import duckdb
import pandas as pd

from migobs.charts.svg import Series
from migobs.i18n.messages import N_, Said
from migobs.warehouse.read import listing, profile

STOCK = N_("UN DESA International Migrant Stock")
WDI = N_("World Bank World Development Indicators")
EDITION = N_("%(source)s, %(edition)s edition")


@dataclass(frozen=True)
class Trend:
    """One chart of the report: its lines (labels still to be translated), unit and source.

    Attributes
    ----------
    ident: a short name, unique in the report (``stock``, ``share``, ``remittances``).
    title: the chart's title, in English (translated when drawn).
    unit: the unit of the y axis, in English (translated when drawn).
    lines: one :class:`Series` per line, its label in English.
    source: the publisher and edition the values were read from (English, said in the report's
        language: :class:`~migobs.i18n.messages.Said`).
    """

    ident: str
    title: str
    unit: str
    lines: tuple[Series, ...]
    source: str


def trends(con: duckdb.DuckDBPyConnection, m49: int) -> tuple[Trend, ...]:
    """The report's charts for area ``m49``, only those with values in two years or more (one
    year is a figure, not a line)."""
    drawn = (*_stock(con, m49), _share(con, m49), _remittances(con, m49))
    held = (replace(t, lines=tuple(s for s in t.lines if s.points)) for t in drawn)
    return tuple(t for t in held if len({y for s in t.lines for y, _ in s.points}) > 1)


def _stock(con: duckdb.DuckDBPyConnection, m49: int) -> tuple[Trend, ...]:
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    if not editions:
        return ()
    with_origins = listing.stock_editions_with_origins(con, "undesa_stock") or editions
    stock = profile.stock_over_time(con, area=m49, edition=editions[-1])
    emigrants = profile.emigrants_over_time(con, area=m49, edition=with_origins[-1])
    lines = (
        _series(N_("Immigrants"), stock[stock["sex"] == "total"]),
        _series(N_("Emigrants"), emigrants),
    )
    source = Said(
        N_("%(source)s; emigrants: %(edition)s edition, summed over countries of destination"),
        source=Said(EDITION, source=Said(STOCK), edition=editions[-1]),
        edition=with_origins[-1],
    )
    return (Trend("stock", N_("Immigrants and emigrants"), N_("persons"), lines, source),)


def _share(con: duckdb.DuckDBPyConnection, m49: int) -> Trend:
    frame = profile.stock_share(con, area=m49)
    edition = str(frame["edition"].iloc[0]) if not frame.empty else ""
    return Trend(
        "share",
        N_("Immigrants as a share of the population"),
        N_("percent"),
        (_series(N_("Immigrants as a share of the population"), frame),),
        Said(EDITION, source=Said(STOCK), edition=edition),
    )


def _remittances(con: duckdb.DuckDBPyConnection, m49: int) -> Trend:
    variables = {
        "remittances_received": N_("Remittances received"),
        "remittances_paid": N_("Remittances paid"),
        "oda_received": N_("Official aid received"),
    }
    frame = profile.series_values(con, area=m49, variables=list(variables))
    editions = sorted(set(frame["edition"].astype(str))) if not frame.empty else []
    return Trend(
        "remittances",
        N_("Remittances and official aid"),
        N_("US dollars (current)"),
        tuple(_series(label, frame[frame["variable"] == key]) for key, label in variables.items()),
        Said.joined([Said(WDI), *editions], separator=", "),
    )


def _series(label: str, frame: pd.DataFrame) -> Series:
    """The ``year, value`` rows of ``frame`` that have a value, as a line labelled ``label``."""
    rows = frame.dropna(subset=["value"]).sort_values("year")
    points = zip(rows["year"], rows["value"], strict=True)
    return Series(label, tuple((int(year), float(value)) for year, value in points))
