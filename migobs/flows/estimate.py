"""Flows for every period of a stock edition, from the warehouse and back into it.

Load the origin x destination stock of an edition and WPP population, deaths and net
migrants; build both stock tables of each period (native-born = WPP population minus the
foreign-born), derive births by the balancing equation (WPP files here hold no births),
estimate, and store each period's flows and diagnostics in ``flow_runs`` / ``flows``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from migobs.errors import EstimationError
from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.diagnostics import FlowEstimate
from migobs.warehouse.read.flows import od_stock, wpp_series

PERIOD_YEARS = 5


@dataclass(frozen=True)
class PeriodFlows:
    """One period's estimate: years, country codes, the estimate and the world population."""

    year0: int
    year1: int
    codes: list[int]
    estimate: FlowEstimate
    world_pop: float


def estimate_edition(
    warehouse: Path,
    edition: str,
    sex: str = "total",
    wpp_edition: str = "2019",
    options: AccountingOptions | None = None,
) -> list[PeriodFlows]:
    """Estimate and store demographic-accounting flows for every period of ``edition``.

    Returns the estimates, one per consecutive pair of stock years.
    """
    opts = options or AccountingOptions()
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stock = od_stock(con, edition, sex)
        demography = {
            v: wpp_series(con, wpp_edition, v) for v in ("population", "deaths", "net_migrants")
        }
    if stock.empty:
        raise EstimationError(
            f"no origin x destination stock for undesa_stock {edition} sex {sex} in {warehouse}: "
            "run `migobs build` with that edition (the 2017 O-D table has sex total only)"
        )
    years = sorted(stock["year"].unique())
    results = [
        _period(stock, demography, int(y0), int(y1), opts)
        for y0, y1 in zip(years, years[1:], strict=False)
    ]
    _store(warehouse, results, edition, sex, wpp_edition, opts)
    return results


def _period(
    stock: pd.DataFrame, demo: dict[str, pd.DataFrame], y0: int, y1: int, opts: AccountingOptions
) -> PeriodFlows:
    pop = demo["population"].pivot_table(index="area", columns="year", values="value")
    codes = sorted(
        set(stock["destination"])
        & set(stock["origin"])
        & set(pop.index[pop[[y0, y1]].notna().all(axis=1)])
    )
    start = _table(stock, y0, codes, pop[y0])
    end = _table(stock, y1, codes, pop[y1])
    births, deaths = _births_deaths(demo, pop, codes, y0, y1)
    names = [str(code) for code in codes]
    estimate = demographic_accounting(start, end, births, deaths, names, opts)
    return PeriodFlows(y0, y1, codes, estimate, float(pop[y0].loc[codes].sum()))


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


def _store(
    warehouse: Path,
    results: list[PeriodFlows],
    edition: str,
    sex: str,
    wpp: str,
    opts: AccountingOptions,
) -> None:
    with duckdb.connect(str(warehouse)) as con:
        for result in results:
            run_id = f"demographic-accounting/{edition}/{sex}/{result.year0}-{result.year1}"
            con.execute("DELETE FROM flows WHERE run_id = ?", [run_id])
            con.execute("DELETE FROM flow_runs WHERE run_id = ?", [run_id])
            od = result.estimate.od
            con.execute(
                "INSERT INTO flow_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    run_id,
                    "demographic-accounting",
                    json.dumps(asdict(opts)),
                    edition,
                    f"wpp/{wpp}",
                    sex,
                    result.year0,
                    result.year1,
                    len(result.codes),
                    float(od.sum()),
                    result.world_pop,
                    json.dumps(result.estimate.diagnostics.as_dict()),
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
