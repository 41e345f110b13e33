"""Numbers written for people: separators, significant digits, never an exponent."""

from __future__ import annotations

import pytest

from migobs.numbers import brief, plain, signed


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.78889e12, "1,788,890,000,000"),
        (257_715_425.0, "257,715,425"),
        (105_435_039_507_024.0, "105,435,039,507,024"),
        (0.78031234, "0.780312"),
        (3.58871, "3.58871"),
        (-12.5, "-12.5"),
        (1e-7, "0.0000001"),
        (12.0, "12"),
        (float("nan"), "nan"),
    ],
)
def test_plain_never_writes_an_exponent(value: float, text: str) -> None:
    assert plain(value) == text
    assert "e+" not in plain(value) and "e-" not in plain(value)


def test_brief_and_signed() -> None:
    assert (brief(591_357_015_219.397), brief(3.58871), brief(49.3131)) == (
        "591,357,015,219",
        "3.589",
        "49.31",
    )
    assert (signed(1.5), signed(-2.0), signed(0.0)) == ("+1.5", "-2", "0")
