"""Flows between stock years of an edition, from the warehouse and back into it.

Load the origin x destination stock of an edition and WPP population, deaths and net
migrants; build both stock tables of each period (native-born = WPP population minus the
foreign-born), derive births by the balancing equation (WPP files here hold no births),
estimate, and store each period's flows and diagnostics in ``flow_runs`` / ``flows``, written
into a copy of the warehouse that replaces it when complete (:mod:`migobs.warehouse.amend`), so
a running server does not block the run and a failed run changes nothing.

Periods are any two stock years of the edition (default: each consecutive pair). Only sex
``total`` can be estimated: the WPP series loaded have no sex, so a male or female stock table
would be paired with both-sexes population and deaths. :func:`sexes` says why a sex cannot be
run before anything is estimated.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from migobs.errors import EstimationError
from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.diagnostics import FlowEstimate
from migobs.warehouse.amend import amending
from migobs.warehouse.read import open_warehouse
from migobs.warehouse.read.flows import od_sexes, od_stock, wpp_series

METHOD = "demographic-accounting"
PERIOD_YEARS = 5
SEXES = ("total", "male", "female")


@dataclass(frozen=True)
class PeriodFlows:
    """One period's estimate: run id, years, country codes, the estimate, world population."""

    run_id: str
    year0: int
    year1: int
    codes: list[int]
    estimate: FlowEstimate
    world_pop: float


@dataclass(frozen=True)
class PeriodInputs:
    """What one period's estimate is computed from (persons; rows and columns in ``codes``)."""

    year0: int
    year1: int
    codes: list[int]
    start: np.ndarray
    end: np.ndarray
    births: np.ndarray
    deaths: np.ndarray
    world_pop: float


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


def estimate_edition(
    warehouse: Path,
    edition: str,
    sex: str = "total",
    wpp_edition: str = "2019",
    options: AccountingOptions | None = None,
    periods: list[tuple[int, int]] | None = None,
) -> list[PeriodFlows]:
    """Estimate and store demographic-accounting flows between stock years of ``edition``.

    Parameters
    ----------
    warehouse : Path
        The DuckDB warehouse, read and written.
    edition : str
        undesa_stock edition of the origin x destination table, e.g. ``"2017"``.
    sex : {"total", "male", "female"}
        Only ``total`` can be estimated today (see :func:`sexes`).
    wpp_edition : str
        WPP edition of population, deaths and net migrants.
    options : AccountingOptions, optional
        Method options; the closed minimum-migration method by default.
    periods : list of (int, int), optional
        ``(year0, year1)`` pairs of stock years, ``year0 < year1``; default every
        consecutive pair.

    Returns
    -------
    list of PeriodFlows
        One estimate per period, stored under run ids that name the method, edition, sex,
        period, WPP edition and options (so other settings do not overwrite them).

    Raises
    ------
    EstimationError
        A sex that cannot be estimated, a year that is not a stock year, or bad input.
    """
    opts = options or AccountingOptions()
    inputs = load_periods(warehouse, edition, sex, wpp_edition, periods)
    key = run_key(edition, sex, wpp_edition, opts)
    results = [_estimate(period, opts, key) for period in inputs]
    _store(warehouse, results, edition, sex, wpp_edition, opts)
    return results


def load_periods(
    warehouse: Path,
    edition: str,
    sex: str = "total",
    wpp_edition: str = "2019",
    periods: list[tuple[int, int]] | None = None,
) -> list[PeriodInputs]:
    """The stock tables, births and deaths of each period, from the warehouse.

    Parameters and errors as :func:`estimate_edition`, which calls it; nothing is written.
    """
    reason = sexes(warehouse, edition).get(sex, f"unknown sex {sex!r}: use one of {SEXES}")
    if reason is not None:
        raise EstimationError(f"cannot estimate sex {sex}: {reason}")
    with open_warehouse(warehouse) as con:
        stock = od_stock(con, edition, sex)
        demography = {
            v: wpp_series(con, wpp_edition, v) for v in ("population", "deaths", "net_migrants")
        }
    pairs = _periods(sorted(int(y) for y in stock["year"].unique()), periods, edition)
    held = set(demography["population"]["year"])
    missing = sorted({y for pair in pairs for y in pair} - held)
    if missing:
        raise EstimationError(
            f"WPP {wpp_edition} population in {warehouse} has no values for "
            f"{', '.join(map(str, missing))}: native-born and births need the population at "
            "both ends of each period; build the warehouse with a WPP edition that has them"
        )
    return [_inputs(stock, demography, y0, y1) for y0, y1 in pairs]


def run_key(edition: str, sex: str, wpp_edition: str, opts: AccountingOptions) -> str:
    """``<method>/<edition>/<sex>/{period}/wpp-<edition>/<option=value,...>``: the run id
    with ``{period}`` left to fill (``1990-1995``)."""
    values = ",".join(
        f"{name.replace('_', '-')}={_word(value)}" for name, value in asdict(opts).items()
    )
    return f"{METHOD}/{edition}/{sex}/{{period}}/wpp-{wpp_edition}/{values}"


def _word(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


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


def _inputs(stock: pd.DataFrame, demo: dict[str, pd.DataFrame], y0: int, y1: int) -> PeriodInputs:
    pop = demo["population"].pivot_table(index="area", columns="year", values="value")
    codes = sorted(
        set(stock["destination"])
        & set(stock["origin"])
        & set(pop.index[pop[[y0, y1]].notna().all(axis=1)])
    )
    start = _table(stock, y0, codes, pop[y0])
    end = _table(stock, y1, codes, pop[y1])
    births, deaths = _births_deaths(demo, pop, codes, y0, y1)
    world = float(pop[y0].loc[codes].sum())
    return PeriodInputs(y0, y1, codes, start, end, births, deaths, world)


def _estimate(period: PeriodInputs, opts: AccountingOptions, key: str) -> PeriodFlows:
    names = [str(code) for code in period.codes]
    estimate = demographic_accounting(
        period.start, period.end, period.births, period.deaths, names, opts
    )
    run_id = key.format(period=f"{period.year0}-{period.year1}")
    return PeriodFlows(run_id, period.year0, period.year1, period.codes, estimate, period.world_pop)


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
    demo: dict[str, pd.DataFrame], pop: pd.DataFrame, codes: list[int], y0: int, y1: int
) -> tuple[np.ndarray, np.ndarray]:
    """Deaths and net migrants of the WPP period(s) covering [y0, y1] (pro rata for part of a
    five-year period); births = P(y1) - P(y0) + deaths - net migrants, floored at 0."""
    deaths = _over_years(demo["deaths"], codes, y0, y1)
    net = _over_years(demo["net_migrants"], codes, y0, y1)
    change = (pop[y1] - pop[y0]).loc[codes].to_numpy()
    births = np.maximum(change + deaths - net, 0.0)
    return np.round(births), np.round(deaths)


def _over_years(series: pd.DataFrame, codes: list[int], y0: int, y1: int) -> np.ndarray:
    total = np.zeros(len(codes))
    for first in range(y0 - y0 % PERIOD_YEARS, y1, PERIOD_YEARS):
        overlap = min(y1, first + PERIOD_YEARS) - max(y0, first)
        values = series[series["year"] == first].set_index("area")["value"]
        total += values.reindex(codes, fill_value=0.0).to_numpy() * overlap / PERIOD_YEARS
    return total


_INSERT_RUN = """
INSERT INTO flow_runs (run_id, method, options, edition, demography, sex, year0, year1,
    countries, total_flow, world_pop, diagnostics, converged, margins_met)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


def _store(
    warehouse: Path,
    results: list[PeriodFlows],
    edition: str,
    sex: str,
    wpp: str,
    opts: AccountingOptions,
) -> None:
    with amending(warehouse) as con:
        for result in results:
            run_id = result.run_id
            con.execute("DELETE FROM flows WHERE run_id = ?", [run_id])
            con.execute("DELETE FROM flow_runs WHERE run_id = ?", [run_id])
            od = result.estimate.od
            diagnostics = result.estimate.diagnostics
            con.execute(
                _INSERT_RUN,
                [
                    run_id,
                    METHOD,
                    json.dumps(asdict(opts)),
                    edition,
                    f"wpp/{wpp}",
                    sex,
                    result.year0,
                    result.year1,
                    len(result.codes),
                    float(od.sum()),
                    result.world_pop,
                    json.dumps(diagnostics.as_dict()),
                    diagnostics.converged,
                    diagnostics.margins_met,
                ],
            )
            orig, dest = np.nonzero(od)
            codes = np.array(result.codes)
            frame = pd.DataFrame(
                {"run_id": run_id, "orig": codes[orig], "dest": codes[dest], "flow": od[orig, dest]}
            )
            con.register("new_flows", frame)
            con.execute("INSERT INTO flows SELECT run_id, orig, dest, flow FROM new_flows")
            con.unregister("new_flows")
