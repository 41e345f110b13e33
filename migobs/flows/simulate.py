"""A synthetic world where the true flows are known, to check the ensemble's intervals.

The true stocks, births and deaths are drawn; the true flows are what the default method gives
on them (the world follows the method's own assumptions, so what is measured is how well the
intervals carry the noise of the inputs, not the method's bias). The observed inputs are the
true ones redrawn with the noise the ensemble assumes (:func:`migobs.flows.perturb.perturbed`),
from each destination's type of data. Coverage is the share of true values inside the 90%
intervals; bias the mean error of the point estimate (docs/methods/flows.md, "Simulation").
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migobs.flows.demographic import demographic_accounting
from migobs.flows.ensemble import PeriodData
from migobs.flows.ensemble_run import EnsembleSettings, run_ensemble
from migobs.flows.perturb import NoiseScales, destination_sigmas, perturbed

TYPES = ("B", "B R", "C", "C R", "I")


def true_world(n: int, rng: np.random.Generator) -> PeriodData:
    """Stocks of ``n`` regions (sparse foreign-born, large native-born), births, deaths and
    each destination's type of data, drawn from ``rng``."""
    pop = rng.lognormal(13, 1.2, n).round()
    start = (rng.lognormal(7, 2.0, (n, n)) * (rng.random((n, n)) < 0.5)).round()
    np.fill_diagonal(start, pop)
    end = (start * rng.lognormal(0.05, 0.25, (n, n))).round()

    births, deaths = (pop * 0.08).round(), (pop * 0.04).round()
    types: list[str | None] = [str(rng.choice(TYPES)) for _ in range(n)]
    names = [f"R{i:02d}" for i in range(n)]
    return PeriodData("1-2", names, start, end, births, deaths, types)


@dataclass(frozen=True)
class Coverage:
    """Share of true corridor flows (above ``floor`` persons) and of true totals inside their
    intervals, mean relative error of the point estimate of the total, replicates run."""

    corridors: float
    totals: float
    total_bias: float
    corridor_bias: float
    replicates: int


def coverage(
    n: int,
    replicates: int,
    draws: int,
    seed: int,
    scales: NoiseScales | None = None,
    floor: float = 100.0,
) -> Coverage:
    """Redraw the observed inputs ``replicates`` times, run an ensemble of ``draws`` on each,
    and count the true values inside the intervals (one process)."""
    scales = scales or NoiseScales()
    rng = np.random.default_rng(seed)
    truth = true_world(n, rng)
    true_od = demographic_accounting(
        truth.start, truth.end, truth.births, truth.deaths, truth.names
    ).od
    sigmas = destination_sigmas(truth.types, scales)
    inside, cells, totals_in, total_errors, cell_errors = 0, 0, 0, [], []
    for r in range(replicates):
        observed = PeriodData(
            truth.label,
            truth.names,
            *perturbed(truth.start, truth.end, truth.births, truth.deaths, sigmas, scales, rng),
            truth.types,
        )
        result = run_ensemble(
            [observed], EnsembleSettings(draws=draws, seed=seed + r, scales=scales)
        )
        found = result.corridors
        index = {name: i for i, name in enumerate(truth.names)}
        orig = found["origin"].map(index).to_numpy()
        dest = found["destination"].map(index).to_numpy()
        true = true_od[orig, dest]
        big = true >= floor
        inside += int(((found["lower"] <= true) & (true <= found["upper"]))[big].sum())
        cells += int(big.sum())
        cell_errors.append(float(np.mean((found["flow"].to_numpy() - true)[big] / true[big])))
        total = result.totals.iloc[0]
        true_total = float(true_od.sum())
        totals_in += int(total["lower"] <= true_total <= total["upper"])
        total_errors.append((float(total["flow"]) - true_total) / true_total)
    return Coverage(
        inside / max(cells, 1),
        totals_in / replicates,
        float(np.mean(total_errors)),
        float(np.mean(cell_errors)),
        replicates,
    )
