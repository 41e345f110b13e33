"""Properties of the kernels (hypothesis): margins met, zeros kept, scale invariance, stayers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from migobs.flows.demographic import stayer_flows
from migobs.flows.ipf import ipf2, ipf2_each
from migobs.flows.stock_difference import stock_difference

SIZES = st.integers(min_value=2, max_value=6)
CELL = st.floats(min_value=1.0, max_value=1e4, allow_nan=False)


@st.composite
def fitting_problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A positive seed and consistent margins drawn from another positive table."""
    n, m = draw(SIZES), draw(SIZES)
    seed = draw(arrays(np.float64, (n, m), elements=CELL))
    truth = draw(arrays(np.float64, (n, m), elements=CELL))
    return seed, truth.sum(axis=1), truth.sum(axis=0)


@given(fitting_problems())
@settings(max_examples=60, deadline=None)
def test_ipf_meets_margins(problem: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    seed, rows, cols = problem
    fit = ipf2(seed, rows, cols, tol=1e-8, criterion="margin")
    assert fit.converged
    np.testing.assert_allclose(fit.fitted.sum(axis=1), rows, rtol=1e-6)
    np.testing.assert_allclose(fit.fitted.sum(axis=0), cols, rtol=1e-6)


@given(fitting_problems(), st.floats(min_value=1e-3, max_value=1e3))
@settings(max_examples=60, deadline=None)
def test_ipf_scale_invariant(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], factor: float
) -> None:
    seed, rows, cols = problem
    plain = ipf2(seed, rows, cols, tol=1e-9, criterion="margin").fitted
    scaled = ipf2(seed * factor, rows, cols, tol=1e-9, criterion="margin").fitted
    np.testing.assert_allclose(plain, scaled, rtol=1e-6)


@given(fitting_problems())
@settings(max_examples=60, deadline=None)
def test_ipf_cell_change_rule_meets_margins(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    # The production path (2-way, rows first, mipfp's cell-change rule, factor form).
    seed, rows, cols = problem
    fit = ipf2(seed, rows, cols, tol=1e-9)
    assert fit.converged and fit.margins_met
    assert fit.margin_error < 1e-6 * rows.sum()
    # The cell-change rule stops when cells stop moving, not on the margins: a small margin can
    # end a hair past one part in a million of itself (hypothesis found 1.00005e-6), so each
    # margin is held to ten parts in a million of itself, the total to one (above).
    np.testing.assert_allclose(fit.fitted.sum(axis=1), rows, rtol=1e-5)
    np.testing.assert_allclose(fit.fitted.sum(axis=0), cols, rtol=1e-5)


@given(fitting_problems(), st.floats(min_value=1e-3, max_value=1e3))
@settings(max_examples=60, deadline=None)
def test_ipf_cell_change_rule_scale_invariant(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], factor: float
) -> None:
    seed, rows, cols = problem
    plain = ipf2(seed, rows, cols, tol=1e-9).fitted
    scaled = ipf2(seed * factor, rows, cols, tol=1e-9).fitted
    np.testing.assert_allclose(plain, scaled, rtol=1e-6)


@st.composite
def batched_problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A batch of positive seeds ``[pob, orig, dest]`` with consistent margins per slice."""
    k, n, m = draw(SIZES), draw(SIZES), draw(SIZES)
    seed = draw(arrays(np.float64, (k, n, m), elements=CELL))
    truth = draw(arrays(np.float64, (k, n, m), elements=CELL))
    return seed, truth.sum(axis=2), truth.sum(axis=1)


@given(batched_problems(), st.sampled_from(["cell-change", "margin"]))
@settings(max_examples=60, deadline=None)
def test_batched_3way_fit_meets_margins(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], criterion: str
) -> None:
    seed, rows, cols = problem
    fit = ipf2(seed, rows, cols, tol=1e-9, criterion=criterion)  # type: ignore[arg-type]
    assert fit.converged and fit.margins_met
    np.testing.assert_allclose(fit.fitted.sum(axis=2), rows, rtol=1e-6)
    np.testing.assert_allclose(fit.fitted.sum(axis=1), cols, rtol=1e-6)


@given(batched_problems(), st.data())
@settings(max_examples=60, deadline=None)
def test_batched_3way_fit_invariant_to_scaling_each_slice(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], data: st.DataObject
) -> None:
    seed, rows, cols = problem
    factors = data.draw(arrays(np.float64, (seed.shape[0], 1, 1), elements=st.floats(1e-3, 1e3)))
    plain = ipf2(seed, rows, cols, tol=1e-9).fitted
    scaled = ipf2(seed * factors, rows, cols, tol=1e-9).fitted
    np.testing.assert_allclose(plain, scaled, rtol=1e-6)


@given(batched_problems())
@settings(max_examples=40, deadline=None)
def test_fits_side_by_side_equal_fits_alone(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    # Each fit stops on its own sweep: the same sweeps and tables as one at a time.
    seed, rows, cols = problem
    together = ipf2_each({str(f): (seed[f], rows[f], cols[f]) for f in range(len(seed))})
    for f, fit in enumerate(together):
        alone = ipf2(seed[f], rows[f], cols[f])
        assert fit.sweeps == alone.sweeps and fit.converged == alone.converged
        np.testing.assert_allclose(fit.fitted, alone.fitted, rtol=1e-12)
        assert fit.margin_error == pytest.approx(alone.margin_error, rel=1e-9, abs=1e-9)


@given(fitting_problems(), st.data())
@settings(max_examples=60, deadline=None)
def test_ipf_keeps_structural_zeros(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], data: st.DataObject
) -> None:
    seed, _, _ = problem
    zeros = data.draw(arrays(np.bool_, seed.shape))
    seed = np.where(zeros, 0.0, seed)
    truth = seed * data.draw(arrays(np.float64, seed.shape, elements=CELL))
    fit = ipf2(seed, truth.sum(axis=1), truth.sum(axis=0), max_sweeps=200)
    assert np.all(fit.fitted[zeros] == 0)


@st.composite
def balanced_stocks(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    """Two stock tables with equal birthplace totals (after demographic adjustment)."""
    n = draw(SIZES)
    start = draw(arrays(np.float64, (n, n), elements=CELL))
    end = draw(arrays(np.float64, (n, n), elements=CELL))
    end = end * (start.sum(axis=1) / end.sum(axis=1))[:, None]
    return start, end


@given(balanced_stocks())
@settings(max_examples=80, deadline=None)
def test_stayer_flows_non_negative_and_consistent(stocks: tuple[np.ndarray, np.ndarray]) -> None:
    start, end = stocks
    od, array = stayer_flows(start, end, want_array=True)
    assert array is not None
    assert np.all(od >= 0) and np.all(array >= 0)
    # f[i, j, k] summed over destinations is the start stock S[k, i]; over origins, E[k, j].
    np.testing.assert_allclose(array.sum(axis=1).T, start, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(array.sum(axis=0).T, end, rtol=1e-9, atol=1e-6)
    np.testing.assert_allclose(od, array.sum(axis=2) - np.diag(np.diag(array.sum(axis=2))))


@given(balanced_stocks(), st.sampled_from(["zero", "return"]))
@settings(max_examples=60, deadline=None)
def test_stock_difference_conserves_increases(
    stocks: tuple[np.ndarray, np.ndarray], decrease: str
) -> None:
    start, end = stocks
    flows = stock_difference(start, end, decrease=decrease).od  # type: ignore[arg-type]
    change = end - start
    np.fill_diagonal(change, 0.0)
    increases = np.maximum(change, 0.0).sum()
    decreases = np.maximum(-change, 0.0).sum()
    expected = increases + (decreases if decrease == "return" else 0.0)
    np.testing.assert_allclose(flows.sum(), expected, rtol=1e-12)
    assert np.all(flows >= 0) and np.all(np.diag(flows) == 0)


@given(fitting_problems())
@settings(max_examples=60, deadline=None)
def test_factor_form_stops_where_the_cell_by_cell_loop_does(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    # A batch of one goes through the array loop, a 2-way seed through the factor form.
    seed, rows, cols = problem
    factors = ipf2(seed, rows, cols)
    cells = ipf2(seed[None], rows[None], cols[None])
    assert factors.sweeps == cells.sweeps
    np.testing.assert_allclose(factors.fitted, cells.fitted[0], rtol=1e-9)
