"""Independent 2-way IPFs under mipfp's cell-change rule, kept as ``seed * a b^T`` and run side
by side (the kernel behind :func:`migobs.flows.ipf.ipf2` and :func:`~migobs.flows.ipf.ipf2_each`).

Each fit is a seed with row and column targets; they share the sweep loop but each stops at
its own sweep, exactly where it would stop alone, so batching the two birthplace rescales of
demographic accounting halves the Python work without changing a result.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]


def fit_factors(
    seeds: FloatArray, rows: FloatArray, cols: FloatArray, tol: float, max_sweeps: int
) -> list[tuple[FloatArray, int, bool]]:
    """Rows-first IPF of each ``seeds[f]`` to ``rows[f]`` and ``cols[f]``, cell-change rule.

    Parameters
    ----------
    seeds : ndarray, shape (k, n, m)
        Non-negative seeds (checked by the caller); zeros stay zero.
    rows, cols : ndarray, shapes (k, n) and (k, m)
        Targets (persons), consistent per fit.
    tol : float
        Stop a fit after the first sweep whose largest absolute cell change is below ``tol``.
    max_sweeps : int
        Sweep limit.

    Returns
    -------
    list of (fitted, sweeps, converged)
        Per fit: the fitted table, the sweeps it ran, and whether it met the rule.

    Notes
    -----
    With factors ``a`` and ``b`` the fitted table is ``seed * a b^T``; a row step sets
    ``a = rows / (seed @ b)`` (0 where that margin is 0) and a column step
    ``b = cols / (seed^T @ a)``: two matrix-vector products a sweep. Zero factors are the
    same as mipfp's sticky zeros, since they come only from zero targets or empty rows and
    columns. The rule is settled by a lower bound, the change at each row's and column's
    largest seed cell; the exact largest change is computed only when that bound is below
    ``tol`` (and on the first sweep), so each fit stops on the same sweep as a cell-by-cell
    comparison would.

    References
    ----------
    Barthélemy, J. and Suesse, T. (2018). mipfp: an R package for multidimensional array
    fitting and simulating. *Journal of Statistical Software* 86(10).
    """
    k, n, m = seeds.shape
    seeds_t = np.ascontiguousarray(seeds.transpose(0, 2, 1))
    a, b = np.ones((k, n)), np.ones((k, m))
    ia, ib, probe = _probes(seeds)
    seen = probe.copy()  # probe * a * b with a = b = 1
    found: list[tuple[FloatArray, int, bool] | None] = [None] * k
    open_fits = np.ones(k, dtype=bool)
    sweeps = 0
    while sweeps < max_sweeps and open_fits.any():
        a_old, b_old = a, b
        a = _divide(rows, np.matmul(seeds, b[:, :, None])[:, :, 0])
        b = _divide(cols, np.matmul(seeds_t, a[:, :, None])[:, :, 0])
        sweeps += 1
        now = probe * a.ravel()[ia] * b.ravel()[ib]
        lower = np.max(np.abs(now - seen), axis=1)
        seen = now
        maybe = open_fits & (lower < tol) if sweeps > 1 else open_fits
        for f in np.flatnonzero(maybe):
            change = seeds[f] * (np.outer(a[f], b[f]) - np.outer(a_old[f], b_old[f]))
            if float(np.max(np.abs(change), initial=0.0)) < tol:
                found[f] = (seeds[f] * np.outer(a[f], b[f]), sweeps, True)
                open_fits[f] = False
    return [
        fit if fit is not None else (seeds[f] * np.outer(a[f], b[f]), sweeps, False)
        for f, fit in enumerate(found)
    ]


def _divide(target: FloatArray, margin: FloatArray) -> FloatArray:
    """``target / margin``, 0 where the margin is 0."""
    out: FloatArray = np.divide(target, margin, out=np.zeros_like(margin), where=margin > 0)
    return out


def _probes(seeds: FloatArray) -> tuple[NDArray[np.intp], NDArray[np.intp], FloatArray]:
    """Flat indices into ``a`` and ``b`` and the seed values of each fit's probe cells: the
    largest cell of every row and of every column."""
    k, n, m = seeds.shape
    rows_i = np.broadcast_to(np.arange(n), (k, n))
    cols_j = np.broadcast_to(np.arange(m), (k, m))
    pi = np.concatenate([rows_i, np.argmax(seeds, axis=1)], axis=1)
    pj = np.concatenate([np.argmax(seeds, axis=2), cols_j], axis=1)
    fit = np.arange(k)[:, None]
    probe = seeds[fit, pi, pj]
    return pi + fit * n, pj + fit * m, probe
