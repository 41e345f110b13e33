"""The deterministic rule for rounding remainders, and the options that change the result."""

from __future__ import annotations

import numpy as np
import pytest

from migobs.flows.demographic import AccountingOptions, demographic_accounting, int_round

START = np.array([[1000.0, 10.0, 5.0], [20.0, 2000.0, 0.0], [5.0, 15.0, 3000.0]])
END = np.array([[1010.0, 5.0, 10.0], [10.0, 2010.0, 5.0], [5.0, 20.0, 3005.0]])
NAMES = ["A", "B", "C"]


def test_remainder_goes_to_the_largest_element() -> None:
    # 3 equal shares of 10: round(3.33) * 3 = 9, the remainder 1 goes to the first largest.
    np.testing.assert_array_equal(int_round(np.array([1.0, 1.0, 1.0]), 10), [4.0, 3.0, 3.0])
    np.testing.assert_array_equal(int_round(np.array([1.0, 5.0, 2.0]), 9), [1.0, 6.0, 2.0])


def test_global_balance_is_recorded_and_repeatable() -> None:
    births, deaths = np.array([30.0, 50.0, 70.0]), np.array([10.0, 20.0, 31.0])
    first = demographic_accounting(START, END, births, deaths, NAMES)
    again = demographic_accounting(START, END, births, deaths, NAMES)
    np.testing.assert_array_equal(first.od, again.od)
    # (150 - 61) - (6080 - 6055) = 64 persons not explained by births and deaths.
    assert first.diagnostics.global_balance == 64.0


def test_excess_births_recorded() -> None:
    births = np.array([1020.0, 0.0, 0.0])  # more births in A than A-born living in A at the end
    result = demographic_accounting(START, END, births, np.array([0.0, 1020.0, 0.0]), NAMES)
    assert list(result.diagnostics.excess_births) == ["A"]
    assert 10 < result.diagnostics.excess_births["A"] < 15


def test_open_and_closed_differ_and_stay_non_negative() -> None:
    zero = np.zeros(3)
    closed = demographic_accounting(START, END, zero, zero, NAMES)
    opened = demographic_accounting(
        START, END, zero, zero, NAMES, AccountingOptions(birthplace_balance="open")
    )
    assert np.all(closed.od >= 0) and np.all(opened.od >= 0)
    assert opened.od.sum() != closed.od.sum()


def test_region_order_does_not_change_the_flows() -> None:
    # Same input in another row order: the same flows, permuted (no ties for the remainder).
    births, deaths = np.array([30.0, 50.0, 70.0]), np.array([10.0, 20.0, 31.0])
    first = demographic_accounting(START, END, births, deaths, NAMES)
    order = [2, 0, 1]
    turned = demographic_accounting(
        START[np.ix_(order, order)],
        END[np.ix_(order, order)],
        births[order],
        deaths[order],
        [NAMES[i] for i in order],
    )
    np.testing.assert_allclose(turned.od, first.od[np.ix_(order, order)], rtol=1e-9, atol=1e-9)
    assert turned.diagnostics.total_flow == pytest.approx(first.diagnostics.total_flow, rel=1e-12)
    assert first.diagnostics.total_flow > 0
