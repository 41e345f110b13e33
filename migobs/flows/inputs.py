"""What a period's flows are estimated from, read from the warehouse: both stock tables,
births and deaths, and every value assumed where a source has none.

Load the origin x destination stock of an edition and WPP population, deaths and net
migrants; build both stock tables of each period (native-born = WPP population minus the
foreign-born) and derive births by the balancing equation (WPP files here hold no births).
Where WPP has no deaths or net migrants for an area (32 small areas of the 2017 edition, such
as Andorra or Tokelau), zero is assumed, and where the balancing equation gives negative
births, zero births: each such value is listed per area in :attr:`PeriodInputs.imputations`,
which the run's diagnostics carry (docs/methods/flows.md, "Assumptions").

Periods are any two stock years of the edition (default: each consecutive pair). Only sex
``total`` can be estimated: the WPP series loaded have no sex, so a male or female stock table
would be paired with both-sexes population and deaths. :func:`sexes` says why a sex cannot be
run before anything is estimated.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from migobs.errors import EstimationError
from migobs.m49 import m49_text
from migobs.warehouse.read import open_warehouse
from migobs.warehouse.read.flows import country_names, od_sexes, od_stock, wpp_series

PERIOD_YEARS = 5
SEXES = ("total", "male", "female")


@dataclass(frozen=True)
class PeriodInputs:
    """What one period's estimate is computed from (persons; rows and columns in ``codes``).

    ``names`` maps each code to the area's name; ``imputations`` lists every value assumed
    where a source has none (``area``, ``name``, ``input``, ``value``, ``reason``).
    """

    year0: int
    year1: int
    codes: list[int]
    start: np.ndarray
    end: np.ndarray
    births: np.ndarray
    deaths: np.ndarray
    world_pop: float
    names: dict[int, str] = field(default_factory=dict)
    imputations: list[dict[str, Any]] = field(default_factory=list)


def sexes(warehouse: Path, edition: str) -> dict[str, str | None]:
    """For each sex, None if it can be estimated for ``edition``, else the reason it cannot."""
    with open_warehouse(warehouse) as con:
        held = od_sexes(con, edition)
    no_sex = (
        "the WPP series loaded have no sex, so a by-sex run would pair a {sex} stock with "
        "both-sexes population and deaths: by-sex flows need by-sex WPP population and deaths, "
        "which are not loaded"
    )
    reasons: dict[str, str | None] = {}
    for sex in SEXES:
        problems = [] if sex == "total" else [no_sex.format(sex=sex)]
        if sex not in held:
            problems.insert(
                0,
                f"undesa_stock {edition} has no {sex} origin x destination table in "
                f"{warehouse} (it holds: {', '.join(held) or 'none'})",
            )
        reasons[sex] = "; and ".join(problems) or None
    return reasons


def load_periods(
    warehouse: Path,
    edition: str,
    sex: str = "total",
    wpp_edition: str = "2019",
    periods: list[tuple[int, int]] | None = None,
) -> list[PeriodInputs]:
    """The stock tables, births and deaths of each period, from the warehouse.

    Parameters and errors as :func:`migobs.flows.estimate.estimate_edition`, which calls it;
    nothing is written.
    """
    reason = sexes(warehouse, edition).get(sex, f"unknown sex {sex!r}: use one of {SEXES}")
    if reason is not None:
        raise EstimationError(f"cannot estimate sex {sex}: {reason}")
    with open_warehouse(warehouse) as con:
        stock = od_stock(con, edition, sex)
        demography = {
            v: wpp_series(con, wpp_edition, v) for v in ("population", "deaths", "net_migrants")
        }
        names = country_names(con)
    pairs = _periods(sorted(int(y) for y in stock["year"].unique()), periods, edition)
    held = set(demography["population"]["year"])
    missing = sorted({y for pair in pairs for y in pair} - held)
    if missing:
        raise EstimationError(
            f"WPP {wpp_edition} population in {warehouse} has no values for "
            f"{', '.join(map(str, missing))}: native-born and births need the population at "
            "both ends of each period; build the warehouse with a WPP edition that has them"
        )
    return [_inputs(stock, demography, names, wpp_edition, pair) for pair in pairs]


def _periods(
    years: list[int], periods: list[tuple[int, int]] | None, edition: str
) -> list[tuple[int, int]]:
    """The periods asked for, checked against the stock years; default consecutive pairs."""
    if periods is None:
        return list(zip(years, years[1:], strict=False))
    for y0, y1 in periods:
        missing = [y for y in (y0, y1) if y not in years]
        if missing or y0 >= y1:
            problem = (
                f"{', '.join(map(str, missing))} not a stock year" if missing else "not increasing"
            )
            raise EstimationError(
                f"period {y0}-{y1}: {problem} of undesa_stock {edition}; stock years are "
                f"{', '.join(map(str, years))}"
            )
    return periods


def _inputs(
    stock: pd.DataFrame,
    demo: dict[str, pd.DataFrame],
    names: dict[int, str],
    wpp: str,
    period: tuple[int, int],
) -> PeriodInputs:
    y0, y1 = period
    pop = demo["population"].pivot_table(index="area", columns="year", values="value")
    codes = sorted(
        set(stock["destination"])
        & set(stock["origin"])
        & set(pop.index[pop[[y0, y1]].notna().all(axis=1)])
    )
    start = _table(stock, y0, codes, pop[y0])
    end = _table(stock, y1, codes, pop[y1])
    chosen = {code: names.get(code, str(code)) for code in codes}
    births, deaths, imputations = _births_deaths(demo, pop, chosen, wpp, period)
    world = float(pop[y0].loc[codes].sum())
    return PeriodInputs(y0, y1, codes, start, end, births, deaths, world, chosen, imputations)


def _table(stock: pd.DataFrame, year: int, codes: list[int], pop: pd.Series) -> np.ndarray:
    """Birthplace x residence stock with the native-born on the diagonal."""
    rows = stock[stock["year"] == year]
    table = rows.pivot_table(index="origin", columns="destination", values="value", aggfunc="sum")
    matrix = (
        table.reindex(index=codes, columns=codes, fill_value=0.0)
        .fillna(0.0)
        .to_numpy(dtype=np.float64, copy=True)
    )
    np.fill_diagonal(matrix, 0.0)
    native = pop.loc[codes].to_numpy() - matrix.sum(axis=0)
    np.fill_diagonal(matrix, native)
    return np.round(matrix)


def _births_deaths(
    demo: dict[str, pd.DataFrame],
    pop: pd.DataFrame,
    names: dict[int, str],
    wpp: str,
    period: tuple[int, int],
) -> tuple[np.ndarray, np.ndarray, list[dict[str, Any]]]:
    """Deaths and net migrants of the WPP period(s) covering [y0, y1] (pro rata for part of a
    five-year period); births = P(y1) - P(y0) + deaths - net migrants, floored at 0. Returns
    the values assumed, per area, beside them."""
    y0, y1 = period
    codes = list(names)
    imputations: list[dict[str, Any]] = []
    deaths = _over_years(demo["deaths"], codes, period)
    net = _over_years(demo["net_migrants"], codes, period)
    for label, (_, absent) in (("deaths", deaths), ("net migrants", net)):
        reason = f"not in WPP {wpp} {label}; zero assumed"
        imputations += [_imputed(code, names, label, 0.0, reason) for code in absent]
    change = (pop[y1] - pop[y0]).loc[codes].to_numpy()
    computed = change + deaths[0] - net[0]
    for at in np.flatnonzero(computed < 0):
        reason = f"the balancing equation gives {computed[at]:,.0f} births; zero used"
        imputations.append(_imputed(codes[at], names, "births", 0.0, reason))
    return np.round(np.maximum(computed, 0.0)), np.round(deaths[0]), imputations


def _imputed(
    code: int, names: dict[int, str], label: str, value: float, reason: str
) -> dict[str, Any]:
    return {
        "area": m49_text(code), "name": names[code], "input": label, "value": value, "reason": reason
    }  # fmt: skip


def _over_years(
    series: pd.DataFrame, codes: list[int], period: tuple[int, int]
) -> tuple[np.ndarray, list[int]]:
    """A WPP five-year series summed over ``period`` (pro rata), and the codes it lacks."""
    y0, y1 = period
    total = np.zeros(len(codes))
    absent: set[int] = set()
    for first in range(y0 - y0 % PERIOD_YEARS, y1, PERIOD_YEARS):
        overlap = min(y1, first + PERIOD_YEARS) - max(y0, first)
        values = series[series["year"] == first].set_index("area")["value"]
        absent |= set(codes) - set(values.index)
        total += values.reindex(codes, fill_value=0.0).to_numpy() * overlap / PERIOD_YEARS
    return total, sorted(absent)
