"""Flows as differences of two stock tables (the economists' approach)."""

from __future__ import annotations

import numpy as np

from migobs.flows.diagnostics import Diagnostics, FlowEstimate, finish
from migobs.flows.ipf import FloatArray
from migobs.flows.methods import Decrease
from migobs.flows.validate import check_stock_pair, negative_native_born

TREATMENT = {"zero": "dropped", "return": "reversed as return flows"}


def stock_difference(
    start: FloatArray,
    end: FloatArray,
    *,
    decrease: Decrease = "return",
    include_native_born: bool = False,
    names: list[str] | None = None,
) -> FlowEstimate:
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
    names : list of str, optional
        Region names, for error messages.

    Returns
    -------
    FlowEstimate
        Flows (persons), origin x destination, all non-negative; the diagnostics count the
        cells whose stock fell, the persons they lost and how they were treated
        (``stock_decreases``), and the total flow.

    Raises
    ------
    EstimationError
        Non-square or mismatched matrices, NaN or negative cells (naming the first; a
        negative native-born cell only with ``include_native_born``, since it is not used
        otherwise and is listed in the diagnostics' ``negative_native_born``).

    References
    ----------
    Beine, M., Bertoli, S. and Fernández-Huertas Moraga, J. (2016). A practitioners' guide to
    gravity models of international migration. *The World Economy* 39(4).
    Abel, G. J. and Cohen, J. E. (2019). Bilateral international migration flow estimates for
    200 countries. *Scientific Data* 6(82).
    """
    check_stock_pair(start, end, names, negative_native_born=not include_native_born)
    change = np.asarray(end, dtype=np.float64) - start
    if not include_native_born:
        np.fill_diagonal(change, 0.0)
    falls = np.maximum(-change, 0.0)
    flows = np.maximum(change, 0.0)
    if decrease == "return":
        flows += falls.T
    diag = Diagnostics()
    if not include_native_born:
        diag.negative_native_born = sorted(
            set(negative_native_born(start, names)) | set(negative_native_born(end, names))
        )
    diag.stock_decreases = {
        "cells": int(np.count_nonzero(falls)),
        "persons": float(falls.sum()),
        "treatment": TREATMENT[decrease],
    }
    return finish(flows, diag)
