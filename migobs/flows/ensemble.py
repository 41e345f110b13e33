"""Flow ensembles: a period's flows by a stated set of methods (the method range) and by the
default method on many redrawn inputs (the draws), each draw from its own seed.

Every draw's random numbers come from ``SeedSequence(seed, spawn_key=(period, draw))``: the
same stream ``SeedSequence(seed).spawn(periods)[period].spawn(draws)[draw]`` gives, so a draw's
result depends on the seed and its place only, never on which process or machine computes it,
nor in which order (docs/methods/flows.md, "Uncertainty"). The functions here are pure and
importable by a worker process; scheduling is in :mod:`migobs.flows.ensemble_run`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.ipf import FloatArray
from migobs.flows.methods import ACCOUNTING, Decrease, Method
from migobs.flows.perturb import NoiseScales, destination_sigmas, perturbed
from migobs.flows.stock_difference import stock_difference


@dataclass(frozen=True)
class Variant:
    """One member of the method ensemble."""

    name: str
    method: Method = ACCOUNTING
    options: AccountingOptions = field(default_factory=AccountingOptions)
    decrease: Decrease = "return"


METHOD_ENSEMBLE = (
    Variant("closed, stayers, global balance before (default)"),
    Variant(
        "closed, stayers, global balance after", options=AccountingOptions(global_balance="after")
    ),
    Variant("open, stayers", options=AccountingOptions(birthplace_balance="open")),
    Variant("closed, independence", options=AccountingOptions(stayers=False)),
    Variant("stock difference, reverse negatives", method="stock-difference"),
    Variant("stock difference, drop negatives", method="stock-difference", decrease="zero"),
)
"""Demographic accounting closed and open, with and without stayers, before and after the
global balance, and stock differencing (Abel & Cohen 2019's set without the migration rate,
which needs a global total from elsewhere, and the pseudo-Bayes mix, not in migest)."""


@dataclass(frozen=True)
class PeriodData:
    """What a period's ensemble is computed from: ``label`` (``"2010-2015"``), region
    ``names``, both stock tables (birthplace x residence), births and deaths per residence, and
    each destination's type of data (``None`` where not stated)."""

    label: str
    names: list[str]
    start: FloatArray
    end: FloatArray
    births: FloatArray
    deaths: FloatArray
    types: list[str | None]


def estimate_variant(data: PeriodData, variant: Variant) -> FloatArray:
    """Origin-destination flows of one ensemble member on the period's inputs as given."""
    if variant.method == "stock-difference":
        return stock_difference(
            data.start, data.end, decrease=variant.decrease, names=data.names
        ).od
    return demographic_accounting(
        data.start, data.end, data.births, data.deaths, data.names, variant.options
    ).od


def draw_seed(seed: int, period: int, draw: int) -> np.random.SeedSequence:
    """The seed of draw ``draw`` of period ``period`` (see the module docstring)."""
    return np.random.SeedSequence(seed, spawn_key=(period, draw))


@dataclass(frozen=True)
class DrawResult:
    """One draw: its number, its flows as non-zero ``(orig, dest, flow)`` cells, or the reason
    the estimate failed on these inputs (e.g. more deaths than people in a redrawn cell)."""

    draw: int
    orig: np.ndarray
    dest: np.ndarray
    flow: np.ndarray
    failed: str | None = None


def run_draws(
    data: PeriodData,
    scales: NoiseScales,
    options: AccountingOptions,
    seed: int,
    period: int,
    draws: list[int],
) -> list[DrawResult]:
    """Draws ``draws`` of period number ``period``: redraw the inputs, estimate, keep the
    non-zero flows (float32). A worker's task; the result is small (the non-zero cells)."""
    sigmas = destination_sigmas(data.types, scales)
    results = []
    for draw in draws:
        rng = np.random.default_rng(draw_seed(seed, period, draw))
        start, end, births, deaths = perturbed(
            data.start, data.end, data.births, data.deaths, sigmas, scales, rng
        )
        try:
            od = demographic_accounting(start, end, births, deaths, data.names, options).od
        except EstimationError as error:
            empty = np.empty(0, dtype=np.int32)
            results.append(DrawResult(draw, empty, empty, empty.astype(np.float32), str(error)))
            continue
        orig, dest = np.nonzero(od)
        cells = od[orig, dest].astype(np.float32)
        results.append(DrawResult(draw, orig.astype(np.int32), dest.astype(np.int32), cells))
    return results


def method_range(data: PeriodData) -> tuple[FloatArray, FloatArray, list[float], list[str]]:
    """Smallest and largest flow of each corridor over :data:`METHOD_ENSEMBLE`, each member's
    world total, and the members that could not estimate the period (with the reason)."""
    low = high = None
    totals: list[float] = []
    failed = []
    for variant in METHOD_ENSEMBLE:
        try:
            od = estimate_variant(data, variant)
        except EstimationError as error:
            failed.append(f"{variant.name}: {error}")
            continue
        totals.append(float(od.sum() - np.trace(od)))
        low = od if low is None else np.minimum(low, od)
        high = od if high is None else np.maximum(high, od)
    if low is None or high is None:
        raise EstimationError(f"{data.label}: no method of the ensemble could estimate the period")
    return low, high, totals, failed
