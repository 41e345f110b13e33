from __future__ import annotations

import pytest

from migobs.provenance import CellRef, a1, column_letters


@pytest.mark.parametrize(
    ("index", "letters"),
    [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA")],
)
def test_column_letters(index: int, letters: str) -> None:
    assert column_letters(index) == letters


def test_a1_is_one_based_rows() -> None:
    assert a1(16, 5) == "F17"


def test_negative_column_is_refused() -> None:
    with pytest.raises(ValueError, match="column index"):
        column_letters(-1)


def test_cellref_reads_like_a_spreadsheet_reference() -> None:
    assert str(CellRef("x.xlsx", "Table 1", "F17")) == "x.xlsx[Table 1]!F17"
    assert str(CellRef("x.csv", None, "B5")) == "x.csv!B5"
