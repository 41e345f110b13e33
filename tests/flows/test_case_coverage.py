"""Every migest reference case in cases.json has a test that compares values with it.

Registering a test for a case is not enough: each case's tests are run again with migest's
outputs perturbed (every value in its output files and every inline output value), and at least
one of them must fail. A test that asserts nothing about migest's numbers, or skips them, fails
this check.
"""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tests.flows import test_indices
from tests.flows import test_reference_cases as ref


def perturb(value: float) -> float:
    """Far outside every tolerance in cases.json (the loosest is rtol 1e-4 / atol 1e-2)."""
    return value * 1.01 + 1.0


def perturbed_reference(folder: Path) -> Path:
    """A copy of the reference folder whose output files hold perturbed numbers."""
    copy_of = folder / "reference"
    shutil.copytree(ref.REFERENCE, copy_of)
    for path in (copy_of / "outputs").glob("*.csv"):
        table = pd.read_csv(path)
        values = table.columns[1:] if table.columns[0] == "row" else ["value"]
        table[values] = table[values].astype(float).map(perturb)
        table.to_csv(path, index=False)
    return copy_of


def perturbed_cases() -> dict[str, dict[str, Any]]:
    """cases.json with every numeric inline output value perturbed (sweep counts + 1 included)."""
    cases = copy.deepcopy(ref.CASES)
    for case in cases.values():
        for out in case["outputs"]:
            value = out.get("value")
            if isinstance(value, int | float) and not isinstance(value, bool):
                out["value"] = perturb(value) if isinstance(value, float) else value + 1
    return cases


def fails(test: Any, case_id: str | None) -> bool:
    try:
        test() if case_id is None else test(case_id)
    except AssertionError:
        return True
    return False


def test_every_reference_case_is_compared_by_a_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = sorted(set(ref.CASES) - set(ref.COVERING))
    assert not missing, f"reference cases without a test: {missing}"
    folder, cases = perturbed_reference(tmp_path), perturbed_cases()
    for module in (ref, test_indices):
        monkeypatch.setattr(module, "REFERENCE", folder)
        monkeypatch.setattr(module, "CASES", cases)
    blind = sorted(
        case_id
        for case_id, tests in ref.COVERING.items()
        if not any(fails(test, arg) for test, arg in tests)
    )
    assert not blind, f"tests that still pass with migest's outputs perturbed: {blind}"
