"""Connectivity, inequality and spatial focusing of an origin-destination flow table.

The Gini indices are computed from sorted values, O(N log N) for N = n(n - 1) cells, where
the R implementation compares every pair (O(N^2)).
"""

from __future__ import annotations

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray, ipf2


def _checked_od(od: FloatArray) -> FloatArray:
    table = np.array(od, dtype=np.float64)
    if table.ndim != 2 or table.shape[0] != table.shape[1] or table.shape[0] < 3:
        raise EstimationError(
            f"a flow table must be square with 3 or more regions, got {table.shape}"
        )
    if not np.all(np.isfinite(table)) or np.any(table < 0):
        raise EstimationError("the flow table must be finite and non-negative")
    np.fill_diagonal(table, 0.0)
    if table.sum() <= 0:
        raise EstimationError("the flow table has no flows off the diagonal")
    return table


def pair_differences(values: FloatArray, axis: int = -1) -> FloatArray:
    """``sum_a sum_b |x_a - x_b|`` over ordered pairs along ``axis``, by sorting."""
    x = np.sort(values, axis=axis)
    count = x.shape[axis]
    shape = [1] * x.ndim
    shape[axis] = count
    rank = np.arange(1, count + 1, dtype=np.float64).reshape(shape)
    total: FloatArray = 2 * ((2 * rank - count - 1) * x).sum(axis=axis)
    return total


def _ratio(top: FloatArray, bottom: FloatArray) -> FloatArray:
    """``top / bottom``, 0 where ``bottom`` is 0."""
    ratio: FloatArray = np.divide(top, bottom, out=np.zeros_like(top), where=bottom > 0)
    return ratio


def independence_fit(counts: FloatArray, offset: FloatArray | None = None) -> FloatArray:
    """Poisson maximum-likelihood fit of ``orig + dest`` (plus a log offset) off the diagonal.

    The fitted values of a Poisson log-linear model with origin and destination effects match
    the observed origin and destination totals, so they are an IPF of the offset to those
    totals with the diagonal as a structural zero, fitted here to 1e-9 of the largest total.
    """
    n = counts.shape[0]
    seed = (1.0 - np.eye(n)) * (1.0 if offset is None else offset)
    tol = 1e-9 * max(float(counts.sum(axis=1).max()), 1.0)
    fit = ipf2(
        seed,
        counts.sum(axis=1),
        counts.sum(axis=0),
        tol=tol,
        max_sweeps=100_000,
        criterion="margin",
    )
    if not fit.converged:
        raise EstimationError("the origin x destination Poisson fit did not converge")
    return fit.fitted


def connectivity_indices(od: FloatArray) -> dict[str, float]:
    """Connectivity, inequality, Gini and coefficient-of-variation indices of a flow table.

    Parameters
    ----------
    od : ndarray, shape (n, n)
        Flows, origin x destination (diagonal ignored), n >= 3.

    Returns
    -------
    dict
        ``connectivity`` (share of non-zero off-diagonal flows), ``inequality_equal`` and
        ``inequality_sim`` (half the absolute distance between the flow distribution and an
        equal one, or the Poisson ``orig + dest`` fit to the rounded flows),
        ``gini_total`` (Bell et al.'s corrected total Gini), ``gini_orig_standardized`` and
        ``gini_dest_standardized`` (row / column Gini over the uncorrected total Gini),
        ``mwg_orig``, ``mwg_dest``, ``mwg_mean`` (migration-weighted out / in Gini, as
        migration.indices weights them: out-Ginis by in-flow shares and in-Ginis by out-flow
        shares), ``cv`` and ``acv`` (coefficients of variation of Rogers & Raymer and of
        Rogers & Sweeney). ``cv`` is computed as migest does, over all n^2 cells with the
        diagonal zeros: ``sqrt(sum (m - mean)^2 / (L (L - 1)) / mean)``, ``L = n^2``.
        Regions without out- (in-) flows add nothing to the weighted Ginis and ``acv``.

    Raises
    ------
    EstimationError
        Not square, fewer than 3 regions, NaN or negative flows, or no flows.

    References
    ----------
    Bell, M. et al. (2002). Cross-national comparison of internal migration. *JRSS A* 165(3).
    Plane, D. and Mulligan, G. F. (1997). Measuring spatial focusing in a migration system.
    *Demography* 34(2). Rogers, A. and Raymer, J. (1998); Rogers, A. and Sweeney, S. (1998).
    """
    m = _checked_od(od)
    n = m.shape[0]
    off = ~np.eye(n, dtype=bool)
    flows, total = m[off], m.sum()
    cells = flows.size
    fitted = independence_fit(np.round(m))[off]
    all_pairs = pair_differences(flows)
    gini_plain = all_pairs / (2 * cells * total)  # uncorrected total Gini
    # Off-diagonal cells of each row (out-flows) and of each column (in-flows).
    rows, cols = m[off].reshape(n, n - 1), m.T[off].reshape(n, n - 1)
    row_pairs, col_pairs = pair_differences(rows), pair_differences(cols)
    out_sum, in_sum = m.sum(axis=1), m.sum(axis=0)
    mwg_orig = float((_ratio(row_pairs, 2 * (n - 2) * out_sum) * in_sum / total).sum() / n)
    mwg_dest = float((_ratio(col_pairs, 2 * (n - 2) * in_sum) * out_sum / total).sum() / n)
    return {
        "connectivity": float(np.count_nonzero(flows) / cells),
        "inequality_equal": float(
            0.5 * np.abs(flows / flows.sum() - flows.mean() / flows.sum()).sum()
        ),
        "inequality_sim": float(0.5 * np.abs(flows / flows.sum() - fitted / fitted.sum()).sum()),
        "gini_total": float(all_pairs / (2 * (cells - 1) * total)),
        "gini_orig_standardized": float(row_pairs.sum() / (2 * cells * total) / gini_plain),
        "gini_dest_standardized": float(col_pairs.sum() / (2 * cells * total) / gini_plain),
        "mwg_orig": mwg_orig,
        "mwg_dest": mwg_dest,
        "mwg_mean": (mwg_orig + mwg_dest) / 2,
        "cv": float(np.sqrt(((m - m.mean()) ** 2).sum() / (m.size * (m.size - 1)) / m.mean())),
        "acv": float(
            (in_sum / total * _ratio(cols.std(axis=1), cols.mean(axis=1))).sum()
            + (out_sum / total * _ratio(rows.std(axis=1), rows.mean(axis=1))).sum()
        ),
    }
