"""Conditional maximisation (EM form) of the log-linear model ``y = a_i b_j m_ij``."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray, check_array
from migobs.numbers import plain


@dataclass(frozen=True)
class CmResult:
    """A fitted table, its parameters and how the fit went.

    Attributes
    ----------
    fitted : ndarray, shape (n, m) or (n, m, K)
        ``alpha_i beta_j m_ij`` (persons), with a type axis for :func:`cm3`.
    alpha, beta : ndarray
        Row and column parameters (identified only up to a common factor).
    iterations : int
    converged : bool
    """

    fitted: FloatArray
    alpha: FloatArray
    beta: FloatArray
    iterations: int
    converged: bool


def cm2(
    row_totals: FloatArray,
    col_totals: FloatArray,
    offset: FloatArray | None = None,
    *,
    tol: float = 1e-6,
    max_iterations: int = 500,
) -> CmResult:
    """Fit row and column totals by conditional maximisation of the parameters.

    Each iteration sets ``alpha = r / (m @ beta)`` then ``beta = c / (m.T @ alpha)``, and stops
    once the largest absolute change of a parameter is at most ``tol``.

    Parameters
    ----------
    row_totals : ndarray, shape (n,)
    col_totals : ndarray, shape (m,)
    offset : ndarray, shape (n, m), optional
        Prior pattern ``m`` (default all ones); zeros stay zero.
    tol : float
        Stopping tolerance on the parameters.
    max_iterations : int
        Iteration limit (migest stops after ``maxit - 1``; pass 499 for its default).

    Returns
    -------
    CmResult

    Raises
    ------
    EstimationError
        Negative or NaN input, shapes that disagree, or totals that differ after rounding.

    References
    ----------
    Willekens, F. (1999). Modelling approaches to the indirect estimation of migration flows.
    Meng, X.-L. and Rubin, D. B. (1993). Maximum likelihood estimation via the ECM algorithm.
    *Biometrika* 80(2).
    """
    rows, cols = np.asarray(row_totals, float), np.asarray(col_totals, float)
    m = np.ones((rows.size, cols.size)) if offset is None else np.asarray(offset, float)
    if m.shape != (rows.size, cols.size):
        raise EstimationError(
            f"offset of shape {m.shape} does not fit totals {rows.size} x {cols.size}"
        )
    for name, values in (("offset", m), ("row totals", rows), ("column totals", cols)):
        check_array(name, values)
    if round(rows.sum()) != round(cols.sum()):
        raise EstimationError(
            f"row totals sum to {plain(rows.sum())}, column totals to {plain(cols.sum())}: they must agree"
        )
    alpha, beta = np.ones(rows.size), np.ones(cols.size)
    iterations, converged = 0, False
    while iterations < max_iterations and not converged:
        new_alpha = rows / (m @ beta)
        new_beta = cols / (m.T @ new_alpha)
        change = max(np.abs(new_alpha - alpha).max(), np.abs(new_beta - beta).max())
        alpha, beta = new_alpha, new_beta
        iterations += 1
        converged = bool(change <= tol)
    return CmResult(np.outer(alpha, beta) * m, alpha, beta, iterations, converged)


def cm3(
    row_totals: FloatArray,
    col_totals: FloatArray,
    offset: FloatArray,
    *,
    tol: float = 1e-6,
    max_iterations: int = 500,
) -> CmResult:
    """Fit origin and destination totals of a table split by type, ``y = a_i b_j m_ijk``.

    Only the totals over types are constrained: this is :func:`cm2` on ``sum_k m``, with the
    fitted ``a_i b_j`` applied to every type. One iteration is O(n^2 K), where migest
    recomputes the full sum for every parameter.

    Parameters
    ----------
    row_totals : ndarray, shape (n,)
        Origin totals over all types.
    col_totals : ndarray, shape (m,)
        Destination totals over all types.
    offset : ndarray, shape (n, m, K)
        Prior pattern per type (e.g. migrant groups); zeros stay zero.
    tol, max_iterations : float, int
        As in :func:`cm2`.

    Returns
    -------
    CmResult
        ``fitted`` has shape (n, m, K).

    Raises
    ------
    EstimationError
        Totals whose lengths do not match the table (migest silently uses the first
        elements), totals that differ, negative or NaN input.

    References
    ----------
    Abel, G. J. migest 2.0.5 ``cm3``; Willekens, F. (1999).
    """
    m = np.asarray(offset, dtype=np.float64)
    if m.ndim != 3:
        raise EstimationError(f"offset must be origin x destination x type, got {m.ndim} axes")
    rows, cols = np.asarray(row_totals, float), np.asarray(col_totals, float)
    if rows.shape != m.shape[:1] or cols.shape != m.shape[1:2]:
        raise EstimationError(
            f"{rows.size} origin and {cols.size} destination totals do not fit a table of "
            f"{m.shape[0]} x {m.shape[1]} (x {m.shape[2]} types): give one total per region"
        )
    check_array("offset", m)
    fit = cm2(rows, cols, m.sum(axis=2), tol=tol, max_iterations=max_iterations)
    fitted = np.outer(fit.alpha, fit.beta)[:, :, None] * m
    return CmResult(fitted, fit.alpha, fit.beta, fit.iterations, fit.converged)
