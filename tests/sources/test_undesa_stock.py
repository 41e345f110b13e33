from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from migobs.errors import LayoutError, UnknownSource
from migobs.sources import undesa_stock
from tests.support.writers import (
    stock,
    write_origin_destination,
    write_stock_2020,
    write_stock_totals,
)


def value_at(frame: pd.DataFrame, **where: object) -> pd.Series:
    """The one row of ``frame`` matching ``where``."""
    rows = frame
    for column, wanted in where.items():
        rows = rows[rows[column] == wanted]
    assert len(rows) == 1, rows
    return rows.iloc[0]


@pytest.mark.parametrize(("edition", "last_year"), [("2017", 2017), ("2019", 2019)])
def test_totals_workbook_2017_and_2019(tmp_path: Path, edition: str, last_year: int) -> None:
    path = write_stock_totals(tmp_path / "totals.xlsx", last_year=last_year)
    frame = undesa_stock.read(path, edition, "totals")
    world = value_at(frame, table="table1", code=900, year=last_year, sex="total")
    assert (world["value"], world["cell"], world["row"], world["name"]) == (
        stock(900, 6, "total"),
        "L17",
        17,
        "WORLD",
    )
    female = value_at(frame, table="table1", code=108, year=1990, sex="female")
    assert (female["value"], female["cell"], female["type_of_data"]) == (1005, "T21", "B R")
    population = value_at(frame, table="table2", code=404, year=1995, sex="male")
    assert (population["value"], population["unit"], population["cell"]) == (
        100.5 * 2 * 2,
        "thousands",
        "M22",
    )
    missing = value_at(frame, variable="migrant_share_pct", code=404, year=1990, sex="total")
    assert pd.isna(missing["value"]) and missing["flag"] == "missing"
    refugees = value_at(frame, variable="refugees", code=108, year=2000)
    assert (refugees["value"], refugees["sheet"], refugees["cell"]) == (7.0, "Table 6", "H21")
    assert set(frame["variable"]) == {
        "migrant_stock",
        "population",
        "migrant_share_pct",
        "female_share_pct",
        "refugees",
        "refugees_share_pct",
    }


def test_2020_layout_strips_indentation_and_trailing_spaces(tmp_path: Path) -> None:
    frame = undesa_stock.read(
        write_stock_2020(tmp_path / "2020.xlsx"), "2020", "by_sex_destination"
    )
    world = value_at(frame, table="table1", code=900, year=2020, sex="total")
    assert (world["value"], world["cell"]) == (stock(900, 6, "total"), "L12")
    kenya = value_at(frame, table="table1", code=404, year=2020, sex="male")
    assert (kenya["name"], kenya["indent"], kenya["cell"]) == ("Kenya*", 3, "S17")
    burundi = value_at(frame, table="table1", code=108, year=1990, sex="total")
    assert burundi["type_of_data"] == "B R"
    dash = value_at(frame, variable="migrant_share_pct", code=108, year=1990, sex="total")
    assert (dash["value"], dash["flag"]) == (0.0, "rounds_to_zero")
    withheld = value_at(frame, variable="refugees", code=404, year=2020)
    assert pd.isna(withheld["value"]) and withheld["flag"] == "protected"


def test_origin_destination_copy_reads_origins_by_name(tmp_path: Path) -> None:
    frame = undesa_stock.read(
        write_origin_destination(tmp_path / "od.xlsx"), "2017", "origin_destination"
    )
    assert list(dict.fromkeys(frame["origin"])) == [
        "Total",
        "Other North",
        "Other South",
        "Burundi",
        "Kenya",
        "Channel Islands",
    ]
    total = value_at(frame, code=900, year=2017, origin="Total")
    assert (total["value"], total["cell"], total["row"]) == (stock(900, 6, "total"), "G56", 56)
    north = value_at(frame, code=108, year=1990, origin="Other North")
    assert (north["value"], north["cell"]) == (10, "H6")
    south = value_at(frame, code=108, year=1990, origin="Other South")
    assert south["flag"] == "missing"


def test_annex_flags(tmp_path: Path) -> None:
    annex = undesa_stock.read_annex(write_stock_totals(tmp_path / "t.xlsx"), "2017")
    flag = value_at(annex, code=108, group="Least developed countries")
    assert (flag["member"], flag["cell"]) == ("Y", "G21")
    assert value_at(annex, code=830, group="More Developed Regions")["member"] == "Y"


def test_truncated_workbook_names_the_file(tmp_path: Path) -> None:
    path = write_stock_totals(tmp_path / "UN_MigrantStockTotal_2017.xlsx")
    path.write_bytes(path.read_bytes()[:2000])
    with pytest.raises(
        LayoutError,
        match=r"UN_MigrantStockTotal_2017\.xlsx: cannot be read.*migobs fetch undesa_stock",
    ):
        undesa_stock.read(path, "2017", "totals")


def test_renamed_sheet_lists_the_sheets_found(tmp_path: Path) -> None:
    path = write_stock_totals(tmp_path / "t.xlsx", sheet_names={"Table 1": "Table 1 (stock)"})
    with pytest.raises(
        LayoutError,
        match=r"t\.xlsx: sheet 'Table 1' is missing; the workbook has .*'Table 1 \(stock\)'",
    ):
        undesa_stock.read(path, "2017", "totals")


def test_shifted_header_names_sheet_row_cell_expected_and_found(tmp_path: Path) -> None:
    path = write_stock_totals(tmp_path / "t.xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["Table 1"].insert_rows(1)
    workbook.save(path)
    with pytest.raises(
        LayoutError, match=r"t\.xlsx \[Table 1\] row 15, cell A15: expected 'Sort order', found ''"
    ):
        undesa_stock.read(path, "2017", "totals")


def test_unknown_edition_lists_the_known_layouts(tmp_path: Path) -> None:
    with pytest.raises(
        UnknownSource, match="No layout for undesa_stock edition '2024'.*2017 totals"
    ):
        undesa_stock.read(tmp_path / "x.xlsx", "2024", "by_sex_destination")


def test_another_editions_file_is_refused_by_its_years(tmp_path: Path) -> None:
    path = write_stock_totals(tmp_path / "UN_MigrantStockTotal_2017.xlsx", 2019)
    with pytest.raises(
        LayoutError,
        match=r"UN_MigrantStockTotal_2017\.xlsx \[Table 1\] row 16, cells F16:L16: expected the "
        r"years 1990, 1995, 2000, 2005, 2010, 2015, 2017, found .*, 2015, 2019\. This is another "
        r"edition's file",
    ):
        undesa_stock.read(path, "2017", "totals")


@pytest.mark.parametrize(
    ("sheet", "cell"), [("Table 1", "G18"), ("Table 1", "T21"), ("Table 2", "M22")]
)
def test_text_in_a_value_cell_is_a_layout_error(tmp_path: Path, sheet: str, cell: str) -> None:
    path = write_stock_totals(tmp_path / "t.xlsx")
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook[sheet][cell] = "n/a"
    workbook.save(path)
    with pytest.raises(
        LayoutError, match=rf"\[{sheet}\] cell {cell}: expected a number.*found 'n/a'"
    ):
        undesa_stock.read(path, "2017", "totals")
