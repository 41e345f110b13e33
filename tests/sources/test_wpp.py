from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from migobs.errors import LayoutError
from migobs.sources import wpp
from tests.support.writers import write_wpp


def test_annual_population_sheet(tmp_path: Path) -> None:
    path = write_wpp(tmp_path / "pop.xlsx", ["1950", "1951"])
    frame = wpp.read(path, "2019", "population")
    assert set(frame["code"]) == {900, 901, 903, 910, 108, 404}  # Label/Separator row dropped
    burundi = frame[(frame["code"] == 108) & (frame["year"] == 1951)].iloc[0]
    assert (burundi["value"], burundi["unit"], burundi["cell"], burundi["parent_code"]) == (
        3.0,
        "thousands",
        "I23",
        910,
    )
    assert burundi["period"] is None and burundi["type"] == "Country/Area"
    kenya = frame[(frame["code"] == 404) & (frame["year"] == 1950)].iloc[0]
    assert pd.isna(kenya["value"]) and kenya["flag"] == "missing"


def test_five_year_periods_in_two_sheets(tmp_path: Path) -> None:
    path = write_wpp(
        tmp_path / "mig.xlsx", ["2010-2015", "2015-2020"], ("ESTIMATES", "MEDIUM VARIANT")
    )
    frame = wpp.read(path, "2019", "net_migrants")
    row = frame[
        (frame["code"] == 108)
        & (frame["sheet"] == "MEDIUM VARIANT")
        & (frame["period"] == "2015-2020")
    ]
    assert row[["year", "variant", "value", "cell"]].values.tolist() == [
        [2015, "Medium variant", 3.0, "I23"]
    ]


def test_header_not_in_row_17_is_a_layout_error(tmp_path: Path) -> None:
    path = write_wpp(tmp_path / "pop.xlsx", ["1950"])
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["ESTIMATES"].delete_rows(1)
    workbook.save(path)
    with pytest.raises(
        LayoutError, match=r"pop\.xlsx \[ESTIMATES\] row 17, cell A17: expected 'Index'"
    ):
        wpp.read(path, "2019", "population")


def test_missing_sheet(tmp_path: Path) -> None:
    path = write_wpp(tmp_path / "deaths.xlsx", ["2015-2020"])
    with pytest.raises(LayoutError, match="sheet 'MEDIUM VARIANT' is missing"):
        wpp.read(path, "2019", "deaths")


def test_another_revision_is_refused_naming_the_cell(tmp_path: Path) -> None:
    path = write_wpp(tmp_path / "pop.xlsx", ["1950"], revision="POP/DB/WPP/Rev.2022/POP/F01-1")
    with pytest.raises(
        LayoutError,
        match=r"pop\.xlsx \[ESTIMATES\] cell A12: the revision code is 'POP/DB/WPP/Rev\.2022/POP",
    ):
        wpp.read(path, "2019", "population")
