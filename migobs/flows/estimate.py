"""Flows between stock years of an edition, from the warehouse and back into it.

Read each period's inputs (:mod:`migobs.flows.inputs`), estimate, and store each period's flows
and diagnostics (with the values assumed where a source has none, and the areas a missed
margin concerns named in words) in ``flow_runs`` / ``flows``, written into a copy of the
warehouse that replaces it when complete (:mod:`migobs.warehouse.amend`), so a running server
does not block the run and a failed run changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.diagnostics import Diagnostics, FlowEstimate
from migobs.flows.inputs import PeriodInputs, load_periods
from migobs.flows.methods import ACCOUNTING
from migobs.m49 import m49_text
from migobs.warehouse.amend import amending


@dataclass(frozen=True)
class PeriodFlows:
    """One period's estimate: run id, years, country codes, the estimate, world population."""

    run_id: str
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


def run_key(edition: str, sex: str, wpp_edition: str, opts: AccountingOptions) -> str:
    """``<method>/<edition>/<sex>/{period}/wpp-<edition>/<option=value,...>``: the run id
    with ``{period}`` left to fill (``1990-1995``)."""
    values = ",".join(
        f"{name.replace('_', '-')}={_word(value)}" for name, value in asdict(opts).items()
    )
    return f"{ACCOUNTING}/{edition}/{sex}/{{period}}/wpp-{wpp_edition}/{values}"


def _word(value: object) -> str:
    return ("yes" if value else "no") if isinstance(value, bool) else str(value)


def _estimate(period: PeriodInputs, opts: AccountingOptions, key: str) -> PeriodFlows:
    names = [m49_text(code) for code in period.codes]
    estimate = demographic_accounting(
        period.start, period.end, period.births, period.deaths, names, opts
    )
    name_areas(estimate.diagnostics, period.names)
    estimate.diagnostics.imputations = period.imputations
    run_id = key.format(period=f"{period.year0}-{period.year1}")
    return PeriodFlows(run_id, period.year0, period.year1, period.codes, estimate, period.world_pop)


def name_areas(diagnostics: Diagnostics, names: dict[int, str]) -> None:
    """Name the areas of each missed margin in words beside their codes (``area_name``,
    ``birthplace_name``: "South Sudan" beside "728")."""
    worsts = [diagnostics.worst_margin, *(fit["worst"] for fit in diagnostics.fits.values())]
    for worst in worsts:
        if worst is None:
            continue
        for key, words in (("name", "area_name"), ("birthplace", "birthplace_name")):
            if key in worst:
                worst[words] = names.get(int(worst[key]), worst[key])


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
                    ACCOUNTING,
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
