"""Summaries of an origin-destination flow table and the common migration indices."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray


@dataclass(frozen=True)
class RegionSummary:
    """Per-region totals of a flow table (persons), diagonal ignored.

    Attributes
    ----------
    inflow, outflow, net, turnover : ndarray, shape (n,)
        Arrivals, departures, arrivals minus departures, arrivals plus departures.
    """

    inflow: FloatArray
    outflow: FloatArray
    net: FloatArray
    turnover: FloatArray


def _off_diagonal(od: FloatArray) -> FloatArray:
    if od.ndim != 2 or od.shape[0] != od.shape[1]:
        raise EstimationError(f"a flow table must be square, got shape {od.shape}")
    if not np.all(np.isfinite(od)):
        raise EstimationError("the flow table holds NaN or infinite values")
    off = np.array(od, dtype=np.float64)
    np.fill_diagonal(off, 0.0)
    return off


def region_summary(od: FloatArray) -> RegionSummary:
    """In, out, net and turnover per region of an origin x destination table (persons)."""
    off = _off_diagonal(od)
    inflow, outflow = off.sum(axis=0), off.sum(axis=1)
    return RegionSummary(inflow, outflow, inflow - outflow, inflow + outflow)


def corridor_net(od: FloatArray) -> FloatArray:
    """Net flow of each corridor, ``F[i, j] - F[j, i]`` (persons); the counter-flow is
    ``F[j, i]``. Antisymmetric, zero diagonal."""
    off = _off_diagonal(od)
    net: FloatArray = off - off.T
    return net


def intensity(mig_total: float, pop_total: float, n: int) -> dict[str, float]:
    """Crude migration probability (per 100) and Courgeau's k.

    References
    ----------
    Bell, M. et al. (2002). Cross-national comparison of internal migration. *JRSS A* 165(3).
    Courgeau, D. (1973). Migrations et découpages du territoire. *Population* 28(3).
    """
    cmp = 100 * mig_total / pop_total
    return {"cmp": cmp, "courgeau_k": cmp / np.log(n**2)}


def impact(od: FloatArray, pop: FloatArray) -> dict[str, float]:
    """Migration effectiveness, aggregate net migration rate, preference and velocity.

    Parameters
    ----------
    od : ndarray, shape (n, n)
        Flows, origin x destination (diagonal ignored).
    pop : ndarray, shape (n,)
        Population of each region (any unit; ``anmr`` and ``velocity`` are in its units).

    References
    ----------
    Bell, M. et al. (2002). Cross-national comparison of internal migration. *JRSS A* 165(3).
    """
    summary = region_summary(od)
    off = _off_diagonal(od)
    total, share = off.sum(), pop / pop.sum()
    outer = np.outer(pop, pop)
    return {
        "effectiveness": float(100 * np.abs(summary.net).sum() / summary.turnover.sum()),
        "anmr": float(100 * 0.5 * np.abs(summary.net).sum() / pop.sum()),
        "preference": float((off / (total * np.outer(share, share))).sum()),
        "velocity": float((off * pop.sum() / outer).sum()),
    }
