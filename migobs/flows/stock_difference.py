"""Flows as differences of two stock tables (the economists' approach)."""

from __future__ import annotations

from typing import Literal

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray

Decrease = Literal["zero", "return"]


def stock_difference(
    start: FloatArray,
    end: FloatArray,
    *,
    decrease: Decrease = "return",
    include_native_born: bool = False,
) -> FloatArray:
    """Origin-destination flows from the change in stocks by birthplace.

    Parameters
    ----------
    start, end : ndarray, shape (n, n)
        Stocks, birthplace (taken as origin) x residence (persons).
    decrease : {"zero", "return"}
        ``"zero"`` drops falls in stock; ``"return"`` counts a fall of the ``k``-born stock in
        ``j`` as a return flow from ``j`` to ``k``.
    include_native_born : bool
        Keep the diagonal (native-born) in the difference.

    Returns
    -------
    ndarray, shape (n, n)
        Flows (persons), origin x destination, all non-negative.

    Raises
    ------
    EstimationError
        Non-square or mismatched matrices, or NaN.

    References
    ----------
    Beine, M., Bertoli, S. and Fernández-Huertas Moraga, J. (2016). A practitioners' guide to
    gravity models of international migration. *The World Economy* 39(4).
    Abel, G. J. and Cohen, J. E. (2019). Bilateral international migration flow estimates for
    200 countries. *Scientific Data* 6(82).
    """
    if start.ndim != 2 or start.shape[0] != start.shape[1] or end.shape != start.shape:
        raise EstimationError(
            f"stocks must be square matrices of one shape, got {start.shape} and {end.shape}"
        )
    if not (np.all(np.isfinite(start)) and np.all(np.isfinite(end))):
        raise EstimationError("stocks hold NaN or infinite values: fill or drop them first")
    change = np.asarray(end, dtype=np.float64) - start
    if not include_native_born:
        np.fill_diagonal(change, 0.0)
    flows = np.maximum(change, 0.0)
    if decrease == "return":
        flows = flows + np.maximum(-change, 0.0).T
    return flows
