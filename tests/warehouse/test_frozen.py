"""``frozen``, the build's fast constructor of frozen records, makes what the constructor makes."""

from __future__ import annotations

import pytest

from migobs.indicators.values import Value
from migobs.warehouse.read.cells import Cell, frozen

CELL = {
    "source": "undesa_stock",
    "edition": "2020",
    "variable": "stock_total",
    "area": 484,
    "year": 2020,
    "value": 1197624.0,
    "file": "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx",
    "sha256": "ab" * 32,
    "sheet": "Table 1",
    "cell": "N123",
    "counterpart": None,
}


def test_a_cell_made_fast_equals_the_constructors() -> None:
    fast, slow = frozen(Cell, **CELL), Cell(**CELL)
    assert fast == slow and hash(fast) == hash(slow) and fast.where() == slow.where()
    with pytest.raises(AttributeError):
        fast.value = 0.0  # type: ignore[misc]


def test_a_left_out_field_is_refused_not_left_unset() -> None:
    partial = {key: value for key, value in CELL.items() if key != "counterpart"}
    with pytest.raises(TypeError, match=r"missing \['counterpart'\]"):
        frozen(Cell, **partial)


def test_a_misspelt_field_is_refused() -> None:
    with pytest.raises(TypeError, match=r"unknown \['sheet_name'\]"):
        frozen(Cell, **CELL, sheet_name="Table 1")


def test_every_field_of_a_value_is_required() -> None:
    with pytest.raises(TypeError, match="Value takes exactly its fields"):
        frozen(Value, code="stock.total")
