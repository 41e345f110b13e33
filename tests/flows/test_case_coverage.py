"""Every migest reference case in cases.json is run by some test."""

from __future__ import annotations

import pytest

from tests.flows import test_indices, test_reference_cases


@pytest.mark.skipif(not test_reference_cases.CASES, reason="shared/reference/flows not present")
def test_every_reference_case_is_covered() -> None:
    assert test_indices.covers is test_reference_cases.covers  # both modules registered
    missing = sorted(set(test_reference_cases.CASES) - test_reference_cases.COVERED)
    assert not missing, f"reference cases without a test: {missing}"
