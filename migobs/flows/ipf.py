"""Iterative proportional fitting of (batches of) two-way tables, with diagnostics.

A batch of 2-way fits over a leading axis is a 3-way fit with ``[orig, pob]`` and
``[dest, pob]`` margins, so one kernel serves both (each birthplace slice is independent).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from migobs.errors import EstimationError
from migobs.flows.ipf_factors import FloatArray as FloatArray
from migobs.flows.ipf_factors import fit_factors
from migobs.numbers import plain

Criterion = Literal["cell-change", "margin"]
Order = Literal["rows-first", "columns-first"]


MARGIN_RTOL = 1e-6
MARGIN_ATOL = 1.0
TOTALS_RTOL = 1e-6
"""Row and column targets may differ by this share of their total (plus ``tol_margins``)."""


@dataclass(frozen=True)
class MarginGap:
    """The fitted margin furthest from its target.

    Attributes
    ----------
    margin : {"rows", "columns"}
        Which target: sums over the last axis (rows) or the second-to-last (columns).
    index : tuple of int
        Position of the margin cell: batch indices, then the row or column.
    target, fitted : float
        The target and the fitted sum (persons).
    """

    margin: Literal["rows", "columns"]
    index: tuple[int, ...]
    target: float
    fitted: float


@dataclass(frozen=True)
class IpfResult:
    """A fitted table and how the fit went.

    Attributes
    ----------
    fitted : ndarray
        The fitted array, same shape as the seed (persons).
    sweeps : int
        Number of full sweeps run.
    margin_error : float
        Largest absolute difference between a fitted margin and its target after the last
        sweep (persons).
    converged : bool
        Whether the stopping criterion was met before the sweep limit. With the cell-change
        rule this says only that the fit stopped moving, not that it meets its margins.
    margins_met : bool
        Whether every fitted margin is within ``margin_atol + margin_rtol * |target|`` of its
        target (``numpy.isclose``). False when the targets cannot be met with the seed's
        zeros, however many sweeps are run.
    worst : MarginGap or None
        The margin with the largest absolute gap (None when there is no margin).
    """

    fitted: FloatArray
    sweeps: int
    margin_error: float
    converged: bool
    margins_met: bool = True
    worst: MarginGap | None = None


def check_array(name: str, values: FloatArray) -> None:
    """Raise :class:`EstimationError` if ``values`` holds NaN, infinities or negative cells."""
    if not np.all(np.isfinite(values)):
        raise EstimationError(f"{name} holds NaN or infinite values: fill or drop them first")
    if np.any(values < 0):
        count = int(np.sum(values < 0))
        raise EstimationError(
            f"{name} has {count} negative cell(s) (smallest {plain(values.min())}): "
            "IPF needs non-negative seeds and targets"
        )


def _scale(target: FloatArray, margin: FloatArray) -> FloatArray:
    """``target / margin`` with a factor of 0 where either is 0 (as mipfp does)."""
    ok = (target > 0) & (margin > 0)
    return np.where(ok, target / np.where(ok, margin, 1.0), 0.0)


def _check_totals(row_totals: FloatArray, col_totals: FloatArray, tol_margins: float) -> None:
    """Refuse targets whose totals differ by more than ``tol_margins`` plus
    :data:`TOTALS_RTOL` of the total: relative, so a table of 190 million persons may differ by
    the person or two that rounding and the fits before it leave (migest fits these too)."""
    rows, cols = row_totals.sum(axis=-1), col_totals.sum(axis=-1)
    gap = np.abs(rows - cols)
    allowed = tol_margins + TOTALS_RTOL * np.maximum(np.abs(rows), np.abs(cols))
    if np.any(gap > allowed):
        at = np.unravel_index(int(np.argmax(gap - allowed)), np.shape(gap))
        raise EstimationError(
            f"row and column targets have different totals (largest gap {plain(gap[at])}, "
            f"allowed {plain(allowed[at])}: {plain(tol_margins)} plus one in a million of the "
            "total): balance the margins first, e.g. with a global balance"
        )


def ipf2(
    seed: FloatArray,
    row_totals: FloatArray | None,
    col_totals: FloatArray | None,
    *,
    tol: float = 1e-3,
    max_sweeps: int = 100_000,
    criterion: Criterion = "cell-change",
    order: Order = "rows-first",
    tol_margins: float = 1e-3,
    margin_rtol: float = MARGIN_RTOL,
    margin_atol: float = MARGIN_ATOL,
) -> IpfResult:
    """Fit ``seed`` to row and column totals by iterative proportional fitting.

    Parameters
    ----------
    seed : ndarray, shape (..., n, m)
        Non-negative seed (offset); zeros are structural and stay zero. Leading axes are a
        batch of independent fits (e.g. birthplaces of a 3-way ``[pob, orig, dest]`` fit).
    row_totals : ndarray, shape (..., n), or None
        Target sums over the last axis; None when unknown (the fit then only scales to the
        other margin, one proportional step).
    col_totals : ndarray, shape (..., m), or None
        Target sums over the second-to-last axis; None when unknown.
    tol : float
        Stopping tolerance (persons).
    max_sweeps : int
        Sweep limit; reaching it returns with ``converged=False``.
    criterion : {"cell-change", "margin"}
        ``"cell-change"``: stop once the largest absolute change of a cell in a sweep is below
        ``tol`` (mipfp). ``"margin"``: stop once the largest margin gap, measured before each
        margin's own update, is at most ``tol`` (migest ``ipf2``).
    order : {"rows-first", "columns-first"}
        Which margin each sweep fits first.
    tol_margins : float
        Allowed difference between the row and column target totals, plus
        :data:`TOTALS_RTOL` (one in a million) of the total.
    margin_rtol, margin_atol : float
        Tolerances of ``margins_met``: a fitted margin ``m`` meets its target ``t`` when
        ``|m - t| <= margin_atol + margin_rtol * |t|`` (persons; 1 person plus one in a
        million by default).

    Returns
    -------
    IpfResult
        Fitted array with sweeps, final margin error, the worst margin, whether the
        stopping rule was met and whether the margins are.

    Raises
    ------
    EstimationError
        Shapes disagree, a value is NaN or negative, or the target totals disagree.

    References
    ----------
    Deming, W. E. and Stephan, F. F. (1940). On a least squares adjustment of a sampled
    frequency table when the expected marginal totals are known. *Ann. Math. Stat.* 11(4).
    Willekens, F. (1999). Modelling approaches to the indirect estimation of migration flows.
    """
    x = np.array(seed, dtype=np.float64)
    check_array("seed", x)
    steps = _targets(x, row_totals, col_totals, tol_margins)
    if len(steps) == 2 and x.ndim == 2 and criterion == "cell-change" and order == "rows-first":
        ((fitted, sweeps, converged),) = fit_factors(
            x[None], steps[0][1][None], steps[1][1][None], tol, max_sweeps
        )
        return _result(fitted, sweeps, converged, steps, margin_rtol, margin_atol)
    if order == "columns-first":
        steps.reverse()
    sweeps, converged = 0, False
    while sweeps < max_sweeps and not converged:
        peak = _row_peaks(x) if criterion == "cell-change" and sweeps > 0 else None
        before = x.copy() if criterion == "cell-change" and sweeps == 0 else None
        gap = 0.0
        factors = []
        for axis, target in steps:
            margin = x.sum(axis=axis)
            if criterion == "margin":
                gap = max(gap, float(np.max(np.abs(target - margin), initial=0.0)))
            factor = _scale(target, margin)
            x *= np.expand_dims(factor, axis)
            factors.append(factor)
        sweeps += 1
        if criterion == "margin":
            converged = gap <= tol
        elif before is not None:
            converged = float(np.max(np.abs(x - before), initial=0.0)) < tol
        else:
            converged = _change_below(x, peak, factors, order, tol)
    return _result(x, sweeps, converged, steps, margin_rtol, margin_atol)


def ipf2_each(
    fits: dict[str, tuple[FloatArray, FloatArray, FloatArray]],
    *,
    tol: float = 1e-3,
    max_sweeps: int = 100_000,
    tol_margins: float = 1e-3,
    margin_rtol: float = MARGIN_RTOL,
    margin_atol: float = MARGIN_ATOL,
) -> list[IpfResult]:
    """Run independent 2-way fits of one shape side by side, each as :func:`ipf2` would.

    Rows first with the cell-change rule (mipfp, as demographic accounting calls it); each
    fit stops on its own sweep, so every result equals ``ipf2(seed, rows, cols, ...)``.

    Parameters
    ----------
    fits : dict of name -> (seed, row_totals, col_totals)
        Seeds of one shape (n, m) with their targets (persons); the names label errors.
    tol, max_sweeps, tol_margins, margin_rtol, margin_atol
        As for :func:`ipf2`.

    Returns
    -------
    list of IpfResult
        One per fit, in the order of ``fits``.

    Raises
    ------
    EstimationError
        As :func:`ipf2`, or seeds of different shapes.
    """
    seeds = [np.array(seed, dtype=np.float64) for seed, _, _ in fits.values()]
    if len({seed.shape for seed in seeds}) > 1 or any(seed.ndim != 2 for seed in seeds):
        raise EstimationError(
            f"ipf2_each needs 2-way seeds of one shape, got {[seed.shape for seed in seeds]}"
        )
    steps = []
    for name, seed, (_, rows, cols) in zip(fits, seeds, fits.values(), strict=True):
        try:
            check_array("seed", seed)
            steps.append(_targets(seed, rows, cols, tol_margins))
        except EstimationError as error:
            raise EstimationError(f"{name}: {error}") from error
    done = fit_factors(
        np.stack(seeds),
        np.stack([step[0][1] for step in steps]),
        np.stack([step[1][1] for step in steps]),
        tol,
        max_sweeps,
    )
    return [
        _result(fitted, sweeps, converged, step, margin_rtol, margin_atol)
        for (fitted, sweeps, converged), step in zip(done, steps, strict=True)
    ]


def _result(
    fitted: FloatArray,
    sweeps: int,
    converged: bool,
    steps: list[tuple[int, FloatArray]],
    rtol: float,
    atol: float,
) -> IpfResult:
    """The fit's result with its margin check: largest gap, where it is, all within tolerance."""
    met, worst, error = True, None, 0.0
    for axis, target in steps:
        margin = fitted.sum(axis=axis)
        gap = np.abs(margin - target)
        met = met and bool(np.all(gap <= atol + rtol * np.abs(target)))
        if gap.size and float(gap.max()) >= error:
            where = np.unravel_index(int(np.argmax(gap)), gap.shape)
            error = float(gap[where])
            index = tuple(int(i) for i in where)
            name: Literal["rows", "columns"] = "rows" if axis == -1 else "columns"
            worst = MarginGap(name, index, float(target[where]), float(margin[where]))
    return IpfResult(fitted, sweeps, error, converged, met, worst)


def _targets(
    x: FloatArray,
    row_totals: FloatArray | None,
    col_totals: FloatArray | None,
    tol_margins: float,
) -> list[tuple[int, FloatArray]]:
    """The checked ``(axis summed over, target)`` pairs of a fit, rows first."""
    shapes = {-1: x.shape[:-1], -2: x.shape[:-2] + x.shape[-1:]}
    steps = [
        (axis, np.asarray(totals, dtype=np.float64))
        for axis, totals in ((-1, row_totals), (-2, col_totals))
        if totals is not None
    ]
    if not steps:
        raise EstimationError("IPF needs row totals, column totals or both; none were given")
    for axis, target in steps:
        name = "row totals" if axis == -1 else "column totals"
        if target.shape != shapes[axis]:
            raise EstimationError(
                f"seed of shape {x.shape} does not fit {name} of shape {target.shape}"
            )
        check_array(name, target)
    if len(steps) == 2:
        _check_totals(steps[0][1], steps[1][1], tol_margins)
    return steps


def _row_peaks(x: FloatArray) -> tuple[FloatArray, NDArray[np.intp]]:
    """Largest cell of each row and its column, before a sweep."""
    where = np.argmax(x, axis=-1)[..., None]
    return np.take_along_axis(x, where, axis=-1)[..., 0], where[..., 0]


def _change_below(
    x: FloatArray,
    peak: tuple[FloatArray, NDArray[np.intp]] | None,
    factors: list[FloatArray],
    order: Order,
    tol: float,
) -> bool:
    """Whether the largest cell change of the sweep just run is below ``tol`` (mipfp's rule).

    From the second sweep on, a cell changes by ``x_old * (f_i g_j - 1)`` (row factor ``f``,
    column factor ``g``), and cells whose factor is 0 are already 0. Cheap lower and upper
    bounds from each row's largest cell settle most sweeps; the exact change is computed only
    when they disagree, so the result is the same as comparing the arrays cell by cell.
    """
    assert peak is not None
    row_f, col_g = factors if order == "rows-first" else factors[::-1]
    top, where = peak
    g_low = np.min(np.where(col_g > 0, col_g, np.inf), axis=-1, keepdims=True)
    g_high = np.max(col_g, axis=-1, keepdims=True)
    g_at = np.take_along_axis(col_g, where, axis=-1)
    lower = float(np.max(top * np.abs(row_f * g_at - 1), initial=0.0))
    if lower >= tol:
        return False
    spread = np.maximum(np.abs(row_f * g_high - 1), np.abs(row_f * g_low - 1))
    if float(np.max(top * np.where(row_f > 0, spread, 0.0), initial=0.0)) < tol:
        return True
    product = row_f[..., :, None] * col_g[..., None, :]
    ratio = np.divide(1.0, product, out=np.ones_like(product), where=product > 0)
    return float(np.max(x * np.abs(1.0 - ratio), initial=0.0)) < tol
