"""Properties of the flows-from-net kernels and of net rescaling (hypothesis)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from migobs.flows.net_optimal import (
    net_flows_entropy,
    net_flows_least_squares,
    net_flows_least_total,
)
from migobs.flows.net_rescale import rescale_net
from migobs.flows.quasi_independence import quasi_independence

SIZES = st.integers(min_value=2, max_value=6)
CELL = st.floats(min_value=1.0, max_value=1e3, allow_nan=False)


@st.composite
def net_problems(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """A positive prior and net totals made by another flow table (so they are attainable)."""
    n = draw(SIZES)
    prior = draw(arrays(np.float64, (n, n), elements=CELL))
    truth = draw(arrays(np.float64, (n, n), elements=CELL))
    np.fill_diagonal(prior, 0.0)
    np.fill_diagonal(truth, 0.0)
    return truth.sum(axis=0) - truth.sum(axis=1), prior, truth


def nets_of(flows: np.ndarray) -> np.ndarray:
    net: np.ndarray = flows.sum(axis=0) - flows.sum(axis=1)
    return net


@given(net_problems())
@settings(max_examples=40, deadline=None)
def test_least_total_flow(problem: tuple[np.ndarray, np.ndarray, np.ndarray]) -> None:
    net, prior, _ = problem
    fit = net_flows_least_total(net, prior)
    assert fit.converged and np.all(fit.fitted >= 0) and np.all(np.diag(fit.fitted) == 0)
    np.testing.assert_allclose(nets_of(fit.fitted), net, atol=1e-6 * max(1.0, abs(net).max()))
    np.testing.assert_allclose(fit.fitted.sum(), net[net > 0].sum(), rtol=1e-9, atol=1e-9)


@given(net_problems())
@settings(max_examples=40, deadline=None)
def test_least_squares_meets_nets_and_beats_any_feasible_table(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray],
) -> None:
    net, prior, truth = problem
    fit = net_flows_least_squares(net, prior)
    assert fit.converged and np.all(fit.fitted >= 0) and np.all(np.diag(fit.fitted) == 0)
    np.testing.assert_allclose(nets_of(fit.fitted), net, atol=1e-5)
    assert fit.objective <= ((truth - prior) ** 2).sum() * (1 + 1e-9) + 1e-6


@given(net_problems(), st.floats(min_value=1e-2, max_value=1e2))
@settings(max_examples=40, deadline=None)
def test_entropy_meets_nets_and_is_a_rescaled_prior(
    problem: tuple[np.ndarray, np.ndarray, np.ndarray], factor: float
) -> None:
    net, prior, _ = problem
    fit = net_flows_entropy(net, prior)
    assert fit.converged and np.all(fit.fitted >= 0)
    np.testing.assert_allclose(nets_of(fit.fitted), net, atol=1e-5)
    # y = m_ij a_i / a_j: the ratios y_ij y_ji / (m_ij m_ji) are 1 for every pair.
    off = ~np.eye(net.size, dtype=bool)
    ratio = (fit.fitted * fit.fitted.T)[off] / (prior * prior.T)[off]
    np.testing.assert_allclose(ratio, 1.0, rtol=1e-6)
    # Nets that the prior already has leave it unchanged.
    same = net_flows_entropy(nets_of(prior * factor), prior * factor)
    np.testing.assert_allclose(same.fitted, prior * factor, rtol=1e-6, atol=1e-9)


@given(
    arrays(np.float64, st.integers(2, 12), elements=st.floats(-1e4, 1e4, allow_subnormal=False)),
    st.sampled_from(["no-switches", "switches"]),
)
@settings(max_examples=80, deadline=None)
def test_rescale_net_sums_to_zero(net: np.ndarray, method: str) -> None:
    if method == "no-switches" and not ((net > 0).any() and (net < 0).any()):
        net = np.append(net, -net.sum() if net.sum() else 1.0)
        net = np.append(net, -1.0 if (net > 0).any() else 1.0)
    real = rescale_net(net, method, integer=False)  # type: ignore[arg-type]
    assert abs(real.sum()) <= 1e-9 * max(1.0, np.abs(net).sum())
    if method == "no-switches":
        assert np.all(np.sign(real) == np.sign(net))
    rounded = rescale_net(net, method)  # type: ignore[arg-type]
    assert rounded.sum() == 0 and np.all(rounded == np.round(rounded))
    assert np.abs(rounded - real).max() <= 0.5 + 1e-9 * max(1.0, np.abs(net).sum()) + net.size


@st.composite
def stock_pairs(draw: st.DrawFn) -> tuple[np.ndarray, np.ndarray]:
    n = draw(SIZES)
    start = draw(arrays(np.float64, (n, n), elements=CELL))
    end = draw(arrays(np.float64, (n, n), elements=CELL))
    return start, end * (start.sum(axis=1) / end.sum(axis=1))[:, None]


@given(stock_pairs())
@settings(max_examples=40, deadline=None)
def test_quasi_independence_reproduces_both_stock_tables(
    stocks: tuple[np.ndarray, np.ndarray],
) -> None:
    start, end = stocks
    fit = quasi_independence(start.T, end, tol=1e-8)
    assert fit.converged and np.all(fit.fitted >= 0)
    np.testing.assert_allclose(fit.fitted.sum(axis=1).T, start, rtol=1e-7, atol=1e-6)
    np.testing.assert_allclose(fit.fitted.sum(axis=0).T, end, rtol=1e-7, atol=1e-6)
    region = np.arange(start.shape[0])
    np.testing.assert_array_equal(fit.fitted[region, region, :], np.minimum(start, end).T)
