"""Bad input to the fitting, net and index kernels is an EstimationError naming the problem."""

from __future__ import annotations

import numpy as np
import pytest

from migobs.errors import EstimationError
from migobs.flows.connectivity import connectivity_indices
from migobs.flows.ipf import ipf2
from migobs.flows.net import flows_from_net_and_total
from migobs.flows.net_optimal import net_flows_entropy, net_flows_least_total
from migobs.flows.net_rescale import rescale_net
from migobs.flows.quasi_independence import quasi_independence

PRIOR = np.array([[0.0, 5.0, 1.0], [2.0, 0.0, 3.0], [4.0, 1.0, 0.0]])


def test_ipf_needs_a_margin() -> None:
    with pytest.raises(EstimationError, match="none were given"):
        ipf2(np.ones((2, 2)), None, None)
    with pytest.raises(EstimationError, match="column totals of shape"):
        ipf2(np.ones((2, 2)), None, np.ones(3))


def test_nets_must_sum_to_zero() -> None:
    with pytest.raises(EstimationError, match="sum to 0, they sum to 7"):
        flows_from_net_and_total(np.array([5.0, 1.0, 1.0]), 10.0, PRIOR)
    with pytest.raises(EstimationError, match="rescale them first"):
        net_flows_entropy(np.array([5.0, 1.0, 1.0]), PRIOR)


def test_unreachable_nets_raise() -> None:
    mask = np.ones((3, 3), dtype=bool)
    with pytest.raises(EstimationError, match="no free cell"):
        net_flows_least_total(np.array([1.0, -1.0, 0.0]), PRIOR, zero_mask=mask)
    mask[0, 2] = False  # the only free cell cannot carry region 1's gain
    with pytest.raises(EstimationError, match="no non-negative flows"):
        net_flows_least_total(np.array([1.0, -1.0, 0.0]), PRIOR, zero_mask=mask)


def test_grand_total_must_be_positive() -> None:
    with pytest.raises(EstimationError, match="grand total must be positive"):
        flows_from_net_and_total(np.zeros(3), 0.0, PRIOR)


def test_rescale_cannot_balance_one_signed_nets_without_switches() -> None:
    with pytest.raises(EstimationError, match="all positive"):
        rescale_net(np.array([1.0, 2.0, 0.0]))
    np.testing.assert_array_equal(rescale_net(np.array([1.0, 2.0, 0.0]), "switches"), [0, 1, -1])


def test_quasi_independence_needs_square_tables() -> None:
    with pytest.raises(EstimationError, match="square tables of one shape"):
        quasi_independence(np.ones((2, 3)), np.ones((3, 2)))


def test_connectivity_needs_flows() -> None:
    with pytest.raises(EstimationError, match="no flows off the diagonal"):
        connectivity_indices(np.eye(3))
    with pytest.raises(EstimationError, match="3 or more regions"):
        connectivity_indices(np.ones((2, 2)))
