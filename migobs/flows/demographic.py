"""Flows from two stock tables by demographic accounting (Abel 2013; Abel & Sander 2014).

Stocks are birthplace x residence (``S[k, j]``); births and deaths are per residence. The
result is the origin-destination table of migration transitions, optionally with the full
``[orig, dest, pob]`` array. Deterministic rule: where an integer rescaling leaves a rounding
remainder, the remainder goes to the largest element (on ties the first in row order, i.e.
the order of ``names``: the start stock file's rows on the command line, ascending M49 code
in the warehouse); migest draws it at random.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from migobs.errors import EstimationError
from migobs.flows.diagnostics import Diagnostics, FlowEstimate, finish
from migobs.flows.ipf import FloatArray, IpfResult, MarginGap, ipf2, ipf2_each
from migobs.flows.methods import BirthMethod, BirthplaceBalance, DeathMethod, GlobalBalance
from migobs.flows.validate import check_inputs

IPF_TOL = 1e-3
IPF_MAX_SWEEPS = 100_000


@dataclass(frozen=True)
class AccountingOptions:
    """Options of the demographic-accounting method (defaults as Abel & Cohen 2019 closed).

    Attributes
    ----------
    global_balance : {"before", "after"}
        Match world population change to births minus deaths before or after removing them.
    birthplace_balance : {"rescale", "open", "open-dr"}
        Match birthplace totals by rescaling (closed) or by moves to and from outside.
    stayers : bool
        Minimum-migration stayer assumption (True) or the independence model (False).
    birth_method : {"native", "proportion"}
    death_method : {"proportion", "accounting"}
    births_non_negative : bool
        Spread births over all birthplaces where they exceed the native-born at the end.
    """

    global_balance: GlobalBalance = "before"
    birthplace_balance: BirthplaceBalance = "rescale"
    stayers: bool = True
    birth_method: BirthMethod = "native"
    death_method: DeathMethod = "proportion"
    births_non_negative: bool = True


def int_round(values: FloatArray, total: float) -> FloatArray:
    """Round ``values`` to integers summing to ``total``, keeping proportions.

    The remainder left by rounding is added to the largest element (the first of equal
    largest elements in array order).

    Parameters
    ----------
    values : ndarray
    total : float
        Target integer sum.

    Returns
    -------
    ndarray
    """
    rounded: FloatArray = np.round(values * total / values.sum())
    rounded[int(np.argmax(values))] += total - rounded.sum()
    return rounded


def _worst(name: str, worst: MarginGap, names: list[str]) -> dict[str, Any]:
    """A fit's worst margin in words: which table margin, which region, by how much."""
    where: dict[str, Any] = {"fit": name}
    if len(worst.index) == 2:  # [pob, orig] rows, [pob, dest] columns of the 3-way fit
        where["birthplace"] = names[worst.index[0]]
        where["margin"] = "origin" if worst.margin == "rows" else "destination"
    else:
        where["margin"] = "birthplace" if worst.margin == "rows" else "residence"
    gap = worst.fitted - worst.target
    return where | {
        "name": names[worst.index[-1]],
        "target": worst.target,
        "fitted": worst.fitted,
        "gap": gap,
    }


def _record(diag: Diagnostics, name: str, fit: IpfResult, names: list[str]) -> FloatArray:
    worst = None if fit.worst is None else _worst(name, fit.worst, names)
    diag.fits[name] = {
        "sweeps": fit.sweeps,
        "margin_error": fit.margin_error,
        "converged": fit.converged,
        "margins_met": fit.margins_met,
        "worst": worst,
    }
    diag.margins_met = diag.margins_met and fit.margins_met
    diag.converged = diag.converged and fit.converged and fit.margins_met
    known = diag.worst_margin
    if worst is not None and (known is None or abs(worst["gap"]) > abs(known["gap"])):
        diag.worst_margin = worst
    return fit.fitted


def _ipf(
    diag: Diagnostics,
    name: str,
    seed: FloatArray,
    rows: FloatArray,
    cols: FloatArray,
    names: list[str],
    tol_margins: float = 1e-3,
) -> FloatArray:
    try:
        fit = ipf2(
            seed, rows, cols, tol=IPF_TOL, max_sweeps=IPF_MAX_SWEEPS, tol_margins=tol_margins
        )
    except EstimationError as error:
        raise EstimationError(f"{name}: {error}") from error
    return _record(diag, name, fit, names)


def fix_negative_native_born(stock: FloatArray, names: list[str], diag: Diagnostics) -> FloatArray:
    """Set negative cells of columns with a negative native-born to 0, keeping column sums."""
    out = stock.copy()
    for j in np.flatnonzero(np.diag(stock) < 0):
        column = stock[:, j]
        kept = np.where(column < 0, 0.0, column)
        out[:, j] = kept * column.sum() / kept.sum()
        if names[j] not in diag.negative_native_born:
            diag.negative_native_born.append(names[j])
    return out


def balance_before(
    start: FloatArray, end: FloatArray, births: FloatArray, deaths: FloatArray, diag: Diagnostics
) -> tuple[FloatArray, FloatArray]:
    """Change native-born (integer rounding) so world change equals births minus deaths."""
    gap = (births.sum() - deaths.sum()) - (end.sum() - start.sum())
    start, end = start.copy(), end.copy()
    if gap != 0:
        idx = np.diag_indices_from(start)
        start[idx] = int_round(np.diag(start), np.diag(start).sum() - gap / 2)
        end[idx] = int_round(np.diag(end), np.diag(end).sum() + gap / 2)
    diag.global_balance = float(gap)
    return start, end


def balance_after(
    start: FloatArray, end: FloatArray, diag: Diagnostics
) -> tuple[FloatArray, FloatArray]:
    """Change native-born proportionally so both tables have the same total."""
    gap = end.sum() - start.sum()
    start, end = start.copy(), end.copy()
    idx = np.diag_indices_from(start)
    start[idx] += gap / 2 * np.diag(start) / np.diag(start).sum()
    end[idx] -= gap / 2 * np.diag(end) / np.diag(end).sum()
    diag.global_balance = float(gap)
    return start, end


def _spread(table: FloatArray, totals: FloatArray) -> FloatArray:
    """Spread per-residence ``totals`` over birthplaces like ``table``'s columns."""
    col = table.sum(axis=0)
    share = np.divide(table, col, out=np.zeros_like(table), where=col != 0)
    spread: FloatArray = share * totals
    return spread


def births_by_birthplace(
    end: FloatArray,
    births: FloatArray,
    opts: AccountingOptions,
    names: list[str],
    diag: Diagnostics,
) -> FloatArray:
    """Births matrix (birthplace x residence): native, or proportional to the end stock."""
    spread = _spread(end, births)
    if opts.birth_method == "proportion":
        return spread
    out = np.diag(births)
    if opts.births_non_negative:
        excess = np.diag(end) - births < 0
        out[:, excess] = spread[:, excess]
        for j in np.flatnonzero(excess):
            diag.excess_births[names[j]] = float(births[j] - end[j, j])
    return out


def deaths_by_birthplace(
    start: FloatArray,
    end: FloatArray,
    births: FloatArray,
    deaths: FloatArray,
    opts: AccountingOptions,
    names: list[str],
    diag: Diagnostics,
) -> FloatArray:
    """Deaths matrix: proportional to the start stock, or fitted by accounting (IPF)."""
    if opts.death_method == "proportion":
        return _spread(start, deaths)
    rows = start.sum(axis=1) + births - end.sum(axis=1)
    return _ipf(diag, "deaths", start, rows, deaths, names)


def match_birthplace(
    start: FloatArray,
    end: FloatArray,
    opts: AccountingOptions,
    names: list[str],
    diag: Diagnostics,
) -> tuple[FloatArray, FloatArray]:
    """Make birthplace totals of both tables equal (rescale, open or open-dr)."""
    r_start, r_end = start.sum(axis=1), end.sum(axis=1)
    gap = r_start - r_end
    if opts.birthplace_balance == "rescale":
        fits = {
            "rescale start": (start, r_start - gap / 2, start.sum(axis=0)),
            "rescale end": (end, r_end + gap / 2, end.sum(axis=0)),
        }
        # Two independent fits run side by side, each stopping on its own sweep.
        results = ipf2_each(fits, tol=IPF_TOL, max_sweeps=IPF_MAX_SWEEPS)
        s5, e5 = (_record(diag, name, fit, names) for name, fit in zip(fits, results, strict=True))
        return s5, e5
    leavers_like, arrivals_like = (
        (end, start) if opts.birthplace_balance == "open" else (start, end)
    )
    out = _row_share(leavers_like) * np.maximum(gap, 0)[:, None]
    into = _row_share(arrivals_like) * np.maximum(-gap, 0)[:, None]
    return start - out, end - into


def _row_share(table: FloatArray) -> FloatArray:
    row = table.sum(axis=1, keepdims=True)
    share: FloatArray = np.divide(table, row, out=np.zeros_like(table), where=row != 0)
    return share


def stayer_flows(
    start: FloatArray, end: FloatArray, want_array: bool
) -> tuple[FloatArray, FloatArray | None]:
    """Minimum-migration flows under the stayer assumption, in closed form.

    ``f[i, j, k] = L[k, i] A'[k, j] / T[k]`` off the diagonal, stayers ``min(S, E)`` on it.
    """
    leavers = np.maximum(start - end, 0.0)
    arrivals = np.maximum(end - start, 0.0)
    total = leavers.sum(axis=1)
    arr_total = arrivals.sum(axis=1)
    ok = (total > 0) & (arr_total > 0)
    arrivals = arrivals * np.where(ok, total / np.where(ok, arr_total, 1.0), 0.0)[:, None]
    share = np.divide(
        arrivals, total[:, None], out=np.zeros_like(arrivals), where=total[:, None] > 0
    )
    od = leavers.T @ share
    np.fill_diagonal(od, 0.0)
    if not want_array:
        return od, None
    array = np.einsum("ki,kj->ijk", leavers, share)
    idx = np.arange(start.shape[0])
    array[idx, idx, :] = np.minimum(start, end).T
    return od, array


def independent_flows(
    start: FloatArray,
    end: FloatArray,
    seed: FloatArray | None,
    names: list[str],
    diag: Diagnostics,
) -> FloatArray:
    """Flows of the independence model: 3-way IPF of ``seed[i, j]`` per birthplace.

    Where an earlier fit already missed its margins (recorded in ``diag``), the birthplace
    totals of ``start`` and ``end`` cannot agree; the fit then runs on them as they are and
    records its own miss, rather than refusing the period (the 1990-1995 South Sudan-born).
    """
    n = start.shape[0]
    base = np.ones((n, n)) if seed is None else seed
    tol_margins = 1e-3 if diag.margins_met else np.inf
    fitted = _ipf(
        diag, "independence", np.broadcast_to(base, (n, n, n)), start, end, names, tol_margins
    )
    return np.ascontiguousarray(fitted.transpose(1, 2, 0))


def demographic_accounting(
    start: FloatArray,
    end: FloatArray,
    births: FloatArray,
    deaths: FloatArray,
    names: list[str],
    options: AccountingOptions | None = None,
    seed: FloatArray | None = None,
    want_array: bool = False,
) -> FlowEstimate:
    """Estimate bilateral flows between two stock tables by demographic accounting.

    Parameters
    ----------
    start, end : ndarray, shape (n, n)
        Stocks at the start and end, birthplace x residence (persons).
    births, deaths : ndarray, shape (n,)
        Births and deaths per residence during the period (persons).
    names : list of str
        Region names in the order of the rows and columns.
    options : AccountingOptions, optional
        Method options; defaults to the closed minimum-migration method.
    seed : ndarray, shape (n, n), optional
        Origin x destination seed for the independence model (unused with stayers).
    want_array : bool
        Also return the ``[orig, dest, pob]`` array (O(n^3) memory).

    Returns
    -------
    FlowEstimate
        Origin-destination flows (persons), optional array, diagnostics.

    Raises
    ------
    EstimationError
        Malformed input (naming the first NaN or negative stock cell; negative native-born
        cells are handled, not refused), negative cells reaching a fit (e.g. more deaths
        than people), or inconsistent margins.

    References
    ----------
    Abel, G. J. (2013). Estimating global migration flow tables using place of birth data.
    *Demographic Research* 28(18). Abel, G. J. and Sander, N. (2014). Quantifying global
    international migration flows. *Science* 343(6178). Abel, G. J. (2018). Estimates of
    global bilateral migration flows by gender between 1960 and 2015. *IMR* 52(3).
    Abel, G. J. and Cohen, J. E. (2019). Bilateral international migration flow estimates
    for 200 countries. *Scientific Data* 6(82).
    """
    # Each step is a few hundred small matrix-vector products: OpenBLAS's threads only add
    # hand-over costs (6x slower on a busy 2-core machine), so the kernel runs on one thread.
    with threadpool_limits(limits=1, user_api="blas"):
        return _accounting(start, end, births, deaths, names, options, seed, want_array)


def _accounting(
    start: FloatArray,
    end: FloatArray,
    births: FloatArray,
    deaths: FloatArray,
    names: list[str],
    options: AccountingOptions | None,
    seed: FloatArray | None,
    want_array: bool,
) -> FlowEstimate:
    opts = options or AccountingOptions()
    check_inputs(start, end, births, deaths, names)
    if seed is not None and seed.shape != start.shape:
        raise EstimationError(f"seed matrix has shape {seed.shape}, stocks {start.shape}")
    diag = Diagnostics()
    s1 = fix_negative_native_born(np.asarray(start, dtype=np.float64), names, diag)
    e1 = fix_negative_native_born(np.asarray(end, dtype=np.float64), names, diag)
    closed = opts.birthplace_balance == "rescale"
    if closed and opts.global_balance == "before":
        s1, e1 = balance_before(s1, e1, births, deaths, diag)
    s3 = s1 - deaths_by_birthplace(s1, e1, births, deaths, opts, names, diag)
    e3 = e1 - births_by_birthplace(e1, births, opts, names, diag)
    if closed and opts.global_balance == "after":
        s3, e3 = balance_after(s3, e3, diag)
    s5, e5 = match_birthplace(s3, e3, opts, names, diag)
    for label, table in (("start after balancing", s5), ("end after balancing", e5)):
        if np.any(table < 0):
            diag.negative_cells[label] = int(np.sum(table < 0))
    if opts.stayers:
        od, array = stayer_flows(s5, e5, want_array)
        return finish(od, diag, array=array)
    array = independent_flows(s5, e5, seed, names, diag)
    od = array.sum(axis=2)
    np.fill_diagonal(od, 0.0)
    return finish(od, diag, array=array if want_array else None)
