"""Make net migration figures sum to zero (migest ``rescale_net``), deterministically."""

from __future__ import annotations

from typing import Literal

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray

RescaleMethod = Literal["no-switches", "switches"]


def rescale_net(
    net: FloatArray,
    method: RescaleMethod = "no-switches",
    *,
    weights: FloatArray | float = 1.0,
    integer: bool = True,
) -> FloatArray:
    """Adjust net migration figures so that they sum to zero.

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons); any sum.
    method : {"no-switches", "switches"}
        ``"no-switches"``: with ``P`` the (weighted) sum of the positive figures, ``N`` that of
        the negative ones and ``D = (P + N) / 2``, positives are multiplied by ``(P - D) / P``
        and negatives by ``(N - D) / N``, so no sign changes. ``"switches"``: subtract the
        mean of the weighted figures, which may flip small figures' signs.
    weights : ndarray or float
        Weights applied to the figures first (default 1).
    integer : bool
        Round to whole persons; the rounding remainder (so that the sum stays 0) goes to the
        element of largest absolute value, the first one on ties. migest draws that element
        with R's ``sample()``; this rule is deterministic.

    Returns
    -------
    ndarray, shape (n,)
        Net figures summing to 0.

    Raises
    ------
    EstimationError
        NaN or infinite figures, or (no-switches) figures all of one sign that do not
        already sum to 0, which no sign-keeping scaling can balance.

    References
    ----------
    Abel, G. J. migest 2.0.5 ``rescale_net``.
    """
    x = np.asarray(net, dtype=np.float64) * np.asarray(weights, dtype=np.float64)
    if x.ndim != 1 or not np.all(np.isfinite(x)):
        raise EstimationError("net figures must be a finite vector: fill or drop NaN first")
    y = _no_switches(x) if method == "no-switches" else x - x.mean()
    if not integer:
        return y
    rounded: FloatArray = np.round(y)
    rounded[int(np.argmax(np.abs(y)))] -= rounded.sum()
    return rounded


def _no_switches(x: FloatArray) -> FloatArray:
    positive, negative = x[x > 0].sum(), x[x < 0].sum()
    gap = (positive + negative) / 2
    if gap != 0 and (positive == 0 or negative == 0):
        raise EstimationError(
            f"net figures are all {'positive' if negative == 0 else 'negative'} "
            f"(sum {2 * gap:.6g}): scaling without sign switches cannot make them sum to 0; "
            "use method='switches'"
        )
    # One factor per sign, applied only to its own cells: evaluating both branches for every
    # cell (np.where) overflowed when one side's sum was tiny next to the other's cells.
    scaled: FloatArray = np.zeros_like(x)
    for side, total in ((x > 0, positive), (x < 0, negative)):
        if total:
            scaled[side] = x[side] / total * (total - gap)
    return scaled
