"""Flows from net migration totals as optimisation problems: least total flow, least squares
to a prior, least discrimination information (entropy) to a prior.

Every method finds non-negative flows ``y`` on the free cells (those outside ``zero_mask``,
by default the diagonal) whose net totals, in minus out, equal ``net``. The least-squares and
entropy problems are solved through their duals, one multiplier per region, so the work per
iteration is O(n^2) and 200 regions are routine.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import optimize, sparse

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray
from migobs.flows.net import checked_net_problem, net_error


@dataclass(frozen=True)
class NetSolution:
    """Flows fitted to net totals by an optimisation method.

    Attributes
    ----------
    fitted : ndarray, shape (n, n)
        Flows, origin x destination (persons); masked cells are 0.
    objective : float
        The method's objective at the solution: ``sum |y - m|`` (least total flow),
        ``sum (y - m)^2`` (least squares) or ``sum y log(y / m) - y + m`` (entropy).
    net_error : float
        Largest absolute gap between fitted net (in - out) and target (persons).
    converged : bool
        The solver reported success and the net totals are met within its tolerance.
    """

    fitted: FloatArray
    objective: float
    net_error: float
    converged: bool


@dataclass(frozen=True)
class _Problem:
    """Free cells ``(orig[c], dest[c])`` with their prior, and the targets."""

    n: int
    orig: NDArray[np.intp]
    dest: NDArray[np.intp]
    prior: FloatArray
    net: FloatArray

    def net_of(self, cells: FloatArray) -> FloatArray:
        """In minus out per region of flows given on the free cells."""
        inflow = np.bincount(self.dest, cells, minlength=self.n)
        outflow = np.bincount(self.orig, cells, minlength=self.n)
        net: FloatArray = np.asarray(inflow - outflow, dtype=np.float64)
        return net

    def table(self, cells: FloatArray) -> FloatArray:
        """The n x n table with ``cells`` on the free cells and 0 elsewhere."""
        full = np.zeros((self.n, self.n))
        full[self.orig, self.dest] = cells
        return full


def _problem(
    net: FloatArray, prior: FloatArray, zero_mask: NDArray[np.bool_] | None, tol_sum: float
) -> _Problem:
    target, m = checked_net_problem(net, prior, tol_sum)
    mask = np.eye(target.size, dtype=bool) if zero_mask is None else np.asarray(zero_mask, bool)
    if mask.shape != m.shape:
        raise EstimationError(f"zero mask of shape {mask.shape} does not fit prior {m.shape}")
    orig, dest = np.nonzero(~mask)
    if orig.size == 0:
        raise EstimationError("the zero mask leaves no free cell: unmask the cells flows may use")
    return _Problem(target.size, orig, dest, m[orig, dest], target)


def _net_matrix(problem: _Problem) -> sparse.csr_array:
    """The n x cells matrix that maps free-cell flows to net totals (in minus out)."""
    cells = problem.orig.size
    rows = np.concatenate([problem.dest, problem.orig])
    values = np.concatenate([np.ones(cells), -np.ones(cells)])
    columns = np.concatenate([np.arange(cells), np.arange(cells)])
    return sparse.csr_array((values, (rows, columns)), shape=(problem.n, cells))


def net_flows_least_total(
    net: FloatArray,
    prior: FloatArray,
    *,
    zero_mask: NDArray[np.bool_] | None = None,
    tol_sum: float = 1e-6,
) -> NetSolution:
    """The smallest total of non-negative flows with the given net totals, closest to a prior.

    First minimises the total flow ``sum y`` subject to the net totals and ``y >= 0`` (a
    transport problem: the minimum is the sum of the positive nets). Its optima are rarely
    unique, so a second linear programme picks, among them, the one with the least
    ``sum |y - m|``. Both are solved with HiGHS (``scipy.optimize.linprog``).

    migest's ``net_matrix_lp`` minimises the same total flow but lets cells go negative and
    leaves the choice among optima to the solver; its documented use of the prior is what the
    second stage does.

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons), summing to 0.
    prior : ndarray, shape (n, n)
        Non-negative prior flows, origin x destination.
    zero_mask : ndarray of bool, shape (n, n), optional
        Cells held at 0 (default: the diagonal).
    tol_sum : float
        Largest allowed ``|sum(net)|``.

    Returns
    -------
    NetSolution
        ``objective`` is ``sum |y - m|`` over all cells.

    Raises
    ------
    EstimationError
        Bad input as for :func:`migobs.flows.net.flows_from_net`, or no flows on the free
        cells can produce the net totals.

    References
    ----------
    Abel, G. J. migest 2.0.5 ``net_matrix_lp``.
    """
    problem = _problem(net, prior, zero_mask, tol_sum)
    a_eq = _net_matrix(problem)
    cells = problem.orig.size
    first = optimize.linprog(np.ones(cells), A_eq=a_eq, b_eq=problem.net, method="highs")
    if first.status != 0:
        raise EstimationError(
            f"no non-negative flows on the free cells meet the nets: {first.message}"
        )
    # Second stage: y = m + p - q with p >= 0 and 0 <= q <= m (so y >= 0), least sum(p + q)
    # among the flows with the nets and the least total.
    shift = sparse.hstack([a_eq, -a_eq])
    ones = np.concatenate([np.ones(cells), -np.ones(cells)])
    second = optimize.linprog(
        np.ones(2 * cells),
        A_eq=sparse.vstack([shift, sparse.csr_array(ones[None, :])]),
        b_eq=np.append(problem.net - a_eq @ problem.prior, first.fun - problem.prior.sum()),
        bounds=np.column_stack(
            [np.zeros(2 * cells), np.concatenate([np.full(cells, np.inf), problem.prior])]
        ),
        method="highs",
    )
    if second.status == 0:
        y = np.maximum(problem.prior + second.x[:cells] - second.x[cells:], 0.0)
    else:
        y = np.maximum(first.x, 0.0)
    fitted = problem.table(y)
    return NetSolution(
        fitted,
        float(np.abs(fitted - np.asarray(prior, dtype=np.float64)).sum()),
        net_error(fitted, problem.net),
        bool(second.status == 0),
    )


Dual = Callable[[FloatArray], tuple[float, FloatArray, FloatArray]]


def _solve_dual(problem: _Problem, dual: Dual, tol: float) -> tuple[FloatArray, float, bool]:
    """Minimise a convex dual over the region multipliers (the first held at 0).

    ``dual(v)`` gives the dual's value, the flows on the free cells and the curvature of each
    cell, for cell potentials ``v = lambda[dest] - lambda[orig]``. The gradient of the dual
    is ``net_of(flows) - net`` and its Hessian the graph Laplacian weighted by the curvature,
    so a trust-region Newton method converges in a few steps. Returns the n x n flow table,
    its largest net gap and whether that gap is within ``tol`` (relative).
    """

    def potentials(free: FloatArray) -> tuple[FloatArray, FloatArray]:
        lam = np.concatenate([[0.0], free])
        return lam, lam[problem.dest] - lam[problem.orig]

    def value(free: FloatArray) -> tuple[float, FloatArray]:
        lam, v = potentials(free)
        total, cells, _ = dual(v)
        return total - float(lam @ problem.net), (problem.net_of(cells) - problem.net)[1:]

    def hessian(free: FloatArray) -> FloatArray:
        _, curvature = dual(potentials(free)[1])[1:]
        weights = np.zeros((problem.n, problem.n))
        np.add.at(weights, (problem.orig, problem.dest), curvature)
        weights += weights.T
        laplacian: FloatArray = np.diag(weights.sum(axis=1)) - weights
        return laplacian[1:, 1:]

    scale = max(float(np.abs(problem.net).max(initial=0.0)), float(problem.prior.max(initial=0.0)))
    result = optimize.minimize(
        value,
        np.zeros(problem.n - 1),
        jac=True,
        hess=hessian,
        method="trust-exact",
        options={"gtol": tol * max(scale, 1.0), "maxiter": 1_000},
    )
    free, gap = _polish(result.x, lambda x: value(x)[1], hessian)
    return problem.table(dual(potentials(free)[1])[1]), gap, gap <= tol * max(scale, 1.0)


def _polish(
    free: FloatArray,
    gradient: Callable[[FloatArray], FloatArray],
    hessian: Callable[[FloatArray], FloatArray],
    steps: int = 20,
) -> tuple[FloatArray, float]:
    """Full Newton steps from near the optimum, kept while they shrink the largest gradient.

    The trust-region method stops on the dual's value, which loses precision once the
    changes are far below its size; the gradient (the net residuals) does not.
    """
    gap = float(np.abs(gradient(free)).max(initial=0.0))
    for _ in range(steps):
        step = np.linalg.lstsq(hessian(free), -gradient(free), rcond=None)[0]
        trial = free + step
        trial_gap = float(np.abs(gradient(trial)).max(initial=0.0))
        if not trial_gap < gap:
            break
        free, gap = trial, trial_gap
    return free, gap


def net_flows_least_squares(
    net: FloatArray,
    prior: FloatArray,
    *,
    zero_mask: NDArray[np.bool_] | None = None,
    tol: float = 1e-9,
    tol_sum: float = 1e-6,
) -> NetSolution:
    """Non-negative flows with the given net totals, closest to the prior in squared distance.

    Minimises ``sum (y - m)^2`` subject to the net totals and ``y >= 0``. The solution is
    ``y[i, j] = max(0, m[i, j] + lambda_j - lambda_i)`` for the multipliers that minimise
    the dual, found by a trust-region Newton method.

    migest's ``net_matrix_optim`` is documented as this problem but minimises only the
    squared net residuals from the prior as a starting point, so its result depends on the
    optimiser's path; it is also O(n^4) per iteration.

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons), summing to 0.
    prior : ndarray, shape (n, n)
        Non-negative prior flows, origin x destination.
    zero_mask : ndarray of bool, shape (n, n), optional
        Cells held at 0 (default: the diagonal).
    tol : float
        Relative tolerance on the net totals (times the largest net or prior cell).
    tol_sum : float
        Largest allowed ``|sum(net)|``.

    Returns
    -------
    NetSolution

    Raises
    ------
    EstimationError
        Bad input as for :func:`migobs.flows.net.flows_from_net`.

    References
    ----------
    Abel, G. J. migest 2.0.5 ``net_matrix_optim`` (documented objective).
    """
    problem = _problem(net, prior, zero_mask, tol_sum)

    def dual(v: FloatArray) -> tuple[float, FloatArray, FloatArray]:
        cells = np.maximum(problem.prior + v, 0.0)
        return 0.5 * float(cells @ cells), cells, (cells > 0).astype(np.float64)

    fitted, gap, converged = _solve_dual(problem, dual, tol)
    squares = float(((fitted - np.asarray(prior, dtype=np.float64)) ** 2).sum())
    return NetSolution(fitted, squares, gap, converged)


def net_flows_entropy(
    net: FloatArray,
    prior: FloatArray,
    *,
    zero_mask: NDArray[np.bool_] | None = None,
    tol: float = 1e-9,
    tol_sum: float = 1e-6,
) -> NetSolution:
    """Flows with the given net totals and the least discrimination information from the prior.

    Minimises ``sum y log(y / m) - y + m`` subject to the net totals. The solution is
    ``y[i, j] = m[i, j] exp(lambda_j - lambda_i)``, the log-linear model of
    :func:`migobs.flows.net.flows_from_net` solved to full convergence; cells with a zero
    prior stay 0 (migest floors the prior at 1e-10 instead).

    Parameters
    ----------
    net : ndarray, shape (n,)
        Net migration per region (persons), summing to 0.
    prior : ndarray, shape (n, n)
        Non-negative prior flows, origin x destination.
    zero_mask : ndarray of bool, shape (n, n), optional
        Cells held at 0 (default: the diagonal).
    tol : float
        Relative tolerance on the net totals (times the largest net or prior cell).
    tol_sum : float
        Largest allowed ``|sum(net)|``.

    Returns
    -------
    NetSolution

    Raises
    ------
    EstimationError
        Bad input as for :func:`migobs.flows.net.flows_from_net`.

    References
    ----------
    Abel, G. J. migest 2.0.5 ``net_matrix_entropy``; Willekens, F. (1999).
    """
    problem = _problem(net, prior, zero_mask, tol_sum)

    def dual(v: FloatArray) -> tuple[float, FloatArray, FloatArray]:
        cells = problem.prior * np.exp(np.minimum(v, 700.0))
        return float(cells.sum()), cells, cells

    fitted, gap, converged = _solve_dual(problem, dual, tol)
    m = np.asarray(prior, dtype=np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(fitted > 0, fitted * np.log(fitted / m) - fitted + m, m)
    return NetSolution(fitted, float(terms.sum()), gap, converged)
