"""Flows from net migration totals: ``y[i, j] = alpha_i m[i, j] / alpha_j`` with given nets."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray, check_array


@dataclass(frozen=True)
class NetFit:
    """Flows fitted to net totals.

    Attributes
    ----------
    fitted : ndarray, shape (n, n)
        Flows, origin x destination (persons).
    alpha : ndarray, shape (n,)
    iterations : int
    net_error : float
        Largest absolute gap between fitted net (in - out) and target (persons).
    converged : bool
    scale : float
        Overall factor ``lambda`` of :func:`flows_from_net_and_total` (1 otherwise).
    """

    fitted: FloatArray
    alpha: FloatArray
    iterations: int
    net_error: float
    converged: bool
    scale: float = 1.0


def _roots(a: FloatArray, b: FloatArray, c: FloatArray) -> FloatArray:
    """Positive root of ``a x^2 + b x + c = 0`` (1 where there is none or it is not finite)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        root = (-b + np.sqrt(b * b - 4 * a * c)) / (2 * a)
    return np.where(np.isfinite(root) & (root > 0), root, 1.0)


def checked_net_problem(
    net: FloatArray, prior: FloatArray, tol_sum: float
) -> tuple[FloatArray, FloatArray]:
    """Net totals and a copy of the prior as float arrays, after checking they fit.

    Raises
    ------
    EstimationError
        The prior is not n x n for n totals, holds NaN or negative cells, or the totals are
        not finite or do not sum to 0 within ``tol_sum``.
    """
    target = np.asarray(net, dtype=np.float64)
    m = np.array(prior, dtype=np.float64)
    if target.ndim != 1 or m.shape != (target.size, target.size):
        raise EstimationError(f"prior of shape {m.shape} does not fit {target.size} net totals")
    check_array("prior", m)
    if not np.all(np.isfinite(target)) or abs(target.sum()) > tol_sum:
        raise EstimationError(
            f"net totals must be finite and sum to 0, they sum to {target.sum():.6g}: "
            "rescale them first (net_rescale.rescale_net)"
        )
    return target, m


def flows_from_net(
    net: FloatArray,
    prior: FloatArray,
    *,
    zero_diagonal: bool = False,
    tol: float = 1e-6,
    max_iterations: int = 500,
    tol_sum: float = 1e-6,
) -> NetFit:
    """Fit flows whose net totals (in minus out) equal ``net``, starting from ``prior``.

    Each iteration solves, for every region with the previous ``alpha``, the quadratic
    ``(sum_j m_ij / alpha_j) x^2 + net_i x - sum_j alpha_j m_ji = 0`` and keeps its positive
    root; it stops when no ``alpha`` changes by more than ``tol``.

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons), summing to 0.
    prior : ndarray, shape (n, n)
        Non-negative prior pattern of flows, origin x destination.
    zero_diagonal : bool
        Set the prior's diagonal to 0 first (migest ``net_matrix_ipf``).
    tol, max_iterations : float, int
        Stopping rule on the parameters.
    tol_sum : float
        Largest allowed ``|sum(net)|``.

    Returns
    -------
    NetFit

    Raises
    ------
    EstimationError
        Net totals that do not sum to 0 (migest only checks that the sum is an integer),
        shapes that disagree, negative or NaN prior.

    References
    ----------
    Abel, G. J. (2013). Estimating global migration flow tables using place of birth data,
    appendix; Willekens, F. (1999); migest ``cm_net`` and ``net_matrix_ipf``.
    """
    target, m = checked_net_problem(net, prior, tol_sum)
    if zero_diagonal:
        np.fill_diagonal(m, 0.0)
    alpha = np.ones(target.size)
    iterations, converged = 0, False
    while iterations < max_iterations and not converged:
        new = _roots(m @ (1 / alpha), target, -(m.T @ alpha))
        converged = bool(np.abs(new - alpha).max() <= tol)
        alpha, iterations = new, iterations + 1
    fitted = alpha[:, None] * m / alpha[None, :]
    return NetFit(fitted, alpha, iterations, net_error(fitted, target), converged)


def net_error(fitted: FloatArray, net: FloatArray) -> float:
    """Largest absolute gap between the net totals (in - out) of ``fitted`` and ``net``."""
    return float(np.abs(fitted.sum(axis=0) - fitted.sum(axis=1) - net).max(initial=0.0))


def flows_from_net_and_total(
    net: FloatArray,
    total: float,
    prior: FloatArray,
    *,
    tol: float = 1e-6,
    max_iterations: int = 500,
    tol_sum: float = 1e-6,
) -> NetFit:
    """Fit flows ``y[i, j] = lambda alpha_i m[i, j] / alpha_j`` to net totals and a grand total.

    ``alpha_1`` is fixed at 1. Each iteration solves, with the previous parameters, the
    quadratic ``lambda (sum_j m_ij / alpha_j) x^2 + net_i x - lambda sum_j alpha_j m_ji = 0``
    for every other region and sets ``lambda = total / sum(alpha_i m_ij / alpha_j)`` with the
    previous ``alpha``; it stops when no parameter changes by more than ``tol``.

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons), summing to 0.
    total : float
        Sum of all cells of the fitted table, diagonal included (persons).
    prior : ndarray, shape (n, n)
        Non-negative prior pattern, origin x destination.
    tol, max_iterations : float, int
        Stopping rule on the parameters.
    tol_sum : float
        Largest allowed ``|sum(net)|``.

    Returns
    -------
    NetFit
        With ``scale`` the fitted ``lambda``.

    Raises
    ------
    EstimationError
        As :func:`flows_from_net`, or a total that is not positive and finite.

    References
    ----------
    Abel, G. J. and Smith, P. W. F., migest ``cm_net_tot``.
    """
    target, m = checked_net_problem(net, prior, tol_sum)
    if not np.isfinite(total) or total <= 0:
        raise EstimationError(f"the grand total must be positive and finite, got {total:.6g}")
    alpha, scale = np.ones(target.size), 1.0
    iterations, converged = 0, False
    while iterations < max_iterations and not converged:
        new = _roots(scale * (m @ (1 / alpha)), target, -scale * (m.T @ alpha))
        new[0] = 1.0
        new_scale = total / (alpha[:, None] * m / alpha[None, :]).sum()
        change = max(float(np.abs(new - alpha).max()), abs(new_scale - scale))
        alpha, scale, iterations = new, new_scale, iterations + 1
        converged = change <= tol
    fitted = scale * alpha[:, None] * m / alpha[None, :]
    return NetFit(fitted, alpha, iterations, net_error(fitted, target), converged, scale)
