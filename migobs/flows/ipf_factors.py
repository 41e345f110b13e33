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
    largest seed cell, and every cell where an exact check found the largest change (see
    ``_Probes``); the exact largest change is computed only when that bound is below ``tol``
    (and on the first sweep), so each fit stops on the same sweep as a cell-by-cell
    comparison would.

    References
    ----------
    Barthélemy, J. and Suesse, T. (2018). mipfp: an R package for multidimensional array
    fitting and simulating. *Journal of Statistical Software* 86(10).
    """
    k, n, m = seeds.shape
    seeds_t = np.ascontiguousarray(seeds.transpose(0, 2, 1))
    probes = _Probes(seeds)
    a_old, b_old = np.ones((k, n)), np.ones((k, m))
    found: list[tuple[FloatArray, int, bool] | None] = [None] * k
    open_fits = [True] * k
    sweeps = 0
    while sweeps < max_sweeps and any(open_fits):
        a, b = np.zeros((k, n)), np.zeros((k, m))  # a factor is 0 where its margin is 0
        margin = np.matmul(seeds, b_old[:, :, None])[:, :, 0]
        np.divide(rows, margin, out=a, where=margin > 0)
        margin = np.matmul(seeds_t, a[:, :, None])[:, :, 0]
        np.divide(cols, margin, out=b, where=margin > 0)
        sweeps += 1
        lower = probes.change(a, b).tolist()
        maybe = [f for f in range(k) if open_fits[f] and (sweeps == 1 or lower[f] < tol)]
        for f in maybe:
            change = np.abs(seeds[f] * (np.outer(a[f], b[f]) - np.outer(a_old[f], b_old[f])))
            where = np.unravel_index(int(np.argmax(change)), change.shape)
            if float(change[where]) < tol:
                found[f] = (seeds[f] * np.outer(a[f], b[f]), sweeps, True)
                open_fits[f] = False
            else:  # the bound was too low: watch the cell that moved most from now on
                probes.add(f, int(where[0]), int(where[1]), a, b)
        a_old, b_old = a, b
    return [
        fit if fit is not None else (seeds[f] * np.outer(a_old[f], b_old[f]), sweeps, False)
        for f, fit in enumerate(found)
    ]


class _Probes:
    """Cells whose change bounds the largest cell change of a sweep from below, per fit.

    At first the largest seed cell of every row and of every column; a cell is added when the
    bound let an exact check run that then failed (near the stopping sweep the largest change
    is usually at the same cell from one sweep to the next). Fits share one array of probe
    columns: a cell added to one fit is padded with a copy of an existing probe in the others,
    which leaves their bound unchanged.
    """

    def __init__(self, seeds: FloatArray) -> None:
        k, n, m = seeds.shape
        self.n, self.m = n, m
        fit = np.arange(k)[:, None]
        pi = np.concatenate([np.broadcast_to(np.arange(n), (k, n)), np.argmax(seeds, axis=1)], 1)
        pj = np.concatenate([np.argmax(seeds, axis=2), np.broadcast_to(np.arange(m), (k, m))], 1)
        self.seeds = seeds
        self.ia, self.ib = pi + fit * n, pj + fit * m
        self.value = seeds[fit, pi, pj]
        self.seen = self.value.copy()  # value * a * b with a = b = 1

    def change(self, a: FloatArray, b: FloatArray) -> FloatArray:
        """Largest change at a probe cell since the last call, per fit."""
        now = self.value * np.take(a, self.ia) * np.take(b, self.ib)
        lower: FloatArray = np.max(np.abs(now - self.seen), axis=1)
        self.seen = now
        return lower

    def add(self, f: int, i: int, j: int, a: FloatArray, b: FloatArray) -> None:
        """Watch cell ``(i, j)`` of fit ``f`` (its current value counts as seen)."""
        ia, ib = self.ia[:, :1].copy(), self.ib[:, :1].copy()
        value, seen = self.value[:, :1].copy(), self.seen[:, :1].copy()
        ia[f], ib[f], value[f] = f * self.n + i, f * self.m + j, self.seeds[f, i, j]
        seen[f] = value[f] * a[f, i] * b[f, j]
        self.ia, self.ib = np.hstack([self.ia, ia]), np.hstack([self.ib, ib])
        self.value, self.seen = np.hstack([self.value, value]), np.hstack([self.seen, seen])
