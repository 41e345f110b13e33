"""The 3-way quasi-independence fit with fixed stayers (migest ``ipf3_qi``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray, IpfResult, check_array, ipf2


def quasi_independence(
    start_t: FloatArray,
    end: FloatArray,
    *,
    tol: float = 1e-5,
    max_sweeps: int = 500,
) -> IpfResult:
    """Fit ``f[orig, dest, pob]`` to start and end stocks with the stayers held at their maximum.

    The stayers ``f[i, i, k] = min(S[k, i], E[k, i])`` are fixed; the movers are an
    origin x destination independence fit per birthplace with the diagonal as a structural
    zero, to the stocks less the stayers. Each sweep fits the ``[orig, pob]`` then the
    ``[dest, pob]`` margin and the fit stops once the largest margin gap, measured before
    each margin's update, is at most ``tol`` (migest's rule).

    Parameters
    ----------
    start_t : ndarray, shape (n, n)
        Start stocks transposed, residence x birthplace (``[orig, pob]`` margin).
    end : ndarray, shape (n, n)
        End stocks, birthplace x residence (``[pob, dest]`` margin).
    tol, max_sweeps : float, int
        Stopping rule (migest defaults 1e-5 and 500).

    Returns
    -------
    IpfResult
        ``fitted`` is the ``[orig, dest, pob]`` array, stayers included.

    Raises
    ------
    EstimationError
        Non-square or mismatched tables, NaN or negative cells, or birthplace totals that
        differ between the two tables.

    References
    ----------
    Abel, G. J. (2013). Estimating global migration flow tables using place of birth data.
    *Demographic Research* 28(18).
    """
    rows = np.asarray(start_t, dtype=np.float64)
    cols = np.asarray(end, dtype=np.float64)
    if rows.ndim != 2 or rows.shape[0] != rows.shape[1] or cols.shape != rows.shape:
        raise EstimationError(
            f"start and end stocks must be square tables of one shape, got {rows.shape} "
            f"and {cols.shape}"
        )
    check_array("start stocks", rows)
    check_array("end stocks", cols)
    stayers = np.minimum(rows, cols.T)  # [region, pob]
    seed = np.broadcast_to(1.0 - np.eye(rows.shape[0]), (rows.shape[0],) * 3)
    fit = ipf2(
        seed,
        (rows - stayers).T,
        cols - stayers.T,
        tol=tol,
        max_sweeps=max_sweeps,
        criterion="margin",
    )
    region = np.arange(rows.shape[0])
    fitted = fit.fitted.copy()
    fitted[:, region, region] = stayers.T
    return replace(fit, fitted=fitted.transpose(1, 2, 0))
