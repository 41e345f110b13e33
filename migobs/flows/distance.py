"""Mean, median and distance decay of migration over an origin-destination distance table."""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray
from scipy import optimize

from migobs.errors import EstimationError
from migobs.flows.connectivity import independence_fit
from migobs.flows.ipf import FloatArray


def weighted_median(values: FloatArray, weights: FloatArray) -> float:
    """Interpolated weighted median (as R's ``matrixStats::weightedMedian`` by default).

    Values with non-positive weight are dropped and equal values are merged, their weights
    added. The distinct values, in increasing order, are placed at the midpoints of their
    cumulative weight shares and the median is read off by linear interpolation at 0.5 (the
    first or last value beyond the ends).

    matrixStats does not merge equal values: it interpolates between neighbours in the order
    its quicksort leaves them, so with tied values near the median its result depends on that
    order. Merging makes the median independent of the order of the input; without ties the
    two agree.
    """
    keep = weights > 0
    if not keep.any():
        raise EstimationError("a weighted median needs at least one positive weight")
    x, where = np.unique(values[keep], return_inverse=True)
    w = np.bincount(where, weights[keep]) / weights[keep].sum()
    mid = np.cumsum(w) - w / 2
    return float(np.interp(0.5, mid, x))


def distance_indices(od: FloatArray, dist: FloatArray) -> dict[str, float]:
    """Flow-weighted mean and median distance, and the distance-decay parameter.

    Parameters
    ----------
    od : ndarray, shape (n, n)
        Flows, origin x destination (diagonal ignored).
    dist : ndarray, shape (n, n)
        Distances, positive off the diagonal.

    Returns
    -------
    dict
        ``mean`` and ``median`` (interpolated weighted median) of the distance moved, and
        ``decay``: the coefficient of ``log(dist)`` in the Poisson model
        ``round(flow) ~ orig + dest + log(dist)`` over the off-diagonal cells. For a given
        coefficient the origin and destination effects are an IPF fit, so the coefficient is
        the root of the profile score ``sum (y - mu) log(dist)``, found by Brent's method.

    Raises
    ------
    EstimationError
        Shapes differ, NaN or negative flows, a non-positive off-diagonal distance, or no
        flows.

    References
    ----------
    Bell, M. et al. (2002). Cross-national comparison of internal migration. *JRSS A* 165(3).
    """
    m, d = np.asarray(od, dtype=np.float64), np.asarray(dist, dtype=np.float64)
    n = m.shape[0]
    if m.ndim != 2 or m.shape != (n, n) or d.shape != m.shape:
        raise EstimationError(f"flows {m.shape} and distances {d.shape} must be one square shape")
    off = ~np.eye(n, dtype=bool)
    if not np.all(np.isfinite(m)) or np.any(m[off] < 0) or m[off].sum() <= 0:
        raise EstimationError("flows must be finite, non-negative and not all zero")
    if not np.all(np.isfinite(d[off])) or np.any(d[off] <= 0):
        raise EstimationError("off-diagonal distances must be positive: log(dist) is undefined")
    flows, distances = m[off], d[off]
    return {
        "mean": float((flows * distances).sum() / flows.sum()),
        "median": weighted_median(distances, flows),
        "decay": _decay(np.where(off, np.round(m), 0.0), np.log(np.where(off, d, 1.0)), off),
    }


def _decay(counts: FloatArray, log_dist: FloatArray, off: NDArray[np.bool_]) -> float:
    """Root of the profile score of the log-distance coefficient (off-diagonal cells)."""
    observed = float((counts * log_dist).sum())
    lowest, highest = float(log_dist[off].min()), float(log_dist[off].max())

    def score(gamma: float) -> float:
        # Shifted so that no offset exceeds 1: the shift is absorbed by the origin effects.
        exponent = gamma * (log_dist - (highest if gamma > 0 else lowest))
        fitted = independence_fit(counts, np.where(off, np.exp(np.where(off, exponent, 0.0)), 0.0))
        return observed - float((fitted * log_dist).sum())

    low, high = -1.0, 1.0
    for _ in range(12):
        if score(low) < 0:  # the score falls as the coefficient rises
            low, high = 2 * low, low
        elif score(high) > 0:
            low, high = high, 2 * high
        else:
            break
    else:
        raise EstimationError(
            "no distance-decay parameter within +-4096: flows do not vary with distance"
        )
    return float(optimize.brentq(score, low, high, xtol=1e-12, rtol=1e-12))
