from __future__ import annotations

import math
from pathlib import Path

import pytest

from migobs.errors import LayoutError
from migobs.sources import knomad
from tests.support.source_files import write_knomad


def test_remittance_matrix_is_read_with_cells_and_totals(tmp_path: Path) -> None:
    matrix = knomad.read(write_knomad(tmp_path / "rem.xlsx"), "2017", "remittances")
    assert (matrix.rows, matrix.columns, matrix.unit, matrix.year) == (
        "sending",
        "receiving",
        "millions_usd",
        2017,
    )
    values = matrix.values.set_index(["row_name", "column_name"])
    assert values.loc[("Algeria", "France"), "value"] == 1.5
    assert values.loc[("Algeria", "France"), "cell"] == "C3"
    assert values.loc[("WORLD", "WORLD"), "value"] == 3.75
    assert values.loc[("WORLD", "WORLD"), "cell"] == "D5"
    assert math.isnan(values.loc[("France", "France"), "value"])
    assert len(matrix.values) == 9  # 3 rows x 3 columns; the notes below are not read


def test_migrant_stock_matrix_has_origins_down(tmp_path: Path) -> None:
    path = write_knomad(tmp_path / "stock.xlsx", "migrant_stocks")
    matrix = knomad.read(path, "2017", "migrant_stocks")
    assert (matrix.rows, matrix.columns, matrix.unit) == ("origin", "destination", "persons")
    assert set(matrix.values["row_name"]) == {"Algeria", "France", "World"}


def test_moved_header_names_the_cell(tmp_path: Path) -> None:
    path = write_knomad(tmp_path / "rem.xlsx", corner="sending / receiving")
    with pytest.raises(LayoutError, match=r"cell A2: expected the corner label"):
        knomad.read(path, "2017", "remittances")


def test_truncated_workbook_is_refused(tmp_path: Path) -> None:
    path = write_knomad(tmp_path / "rem.xlsx")
    path.write_bytes(path.read_bytes()[:500])
    with pytest.raises(LayoutError, match="rem.xlsx: cannot be read as an xlsx workbook"):
        knomad.read(path, "2017", "remittances")


def test_missing_sheet_is_named(tmp_path: Path) -> None:
    path = write_knomad(tmp_path / "stock.xlsx", "migrant_stocks")
    with pytest.raises(LayoutError, match="sheet 'Bilateral_Remittances_2017' is missing"):
        knomad.read(path, "2017", "remittances")
