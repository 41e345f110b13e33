from __future__ import annotations

import math
from pathlib import Path

import pytest

from migobs.errors import LayoutError, UnknownSource
from migobs.sources import wdi
from tests.support.source_files import write_wdi, write_wdi_countries


def test_values_come_with_their_cells_counting_the_preamble(tmp_path: Path) -> None:
    indicator = wdi.read_indicator(write_wdi(tmp_path / "api.csv"), "2025-07-01")
    assert indicator.code == "BX.TRF.PWKR.CD.DT"
    assert indicator.name == "Personal remittances, received (current US$)"
    assert indicator.last_updated == "2025-07-01"
    values = indicator.values.set_index(["country_code", "year"])
    # line 6 is Burundi (header on line 5); years start in column E
    assert values.loc[("BDI", 2016), "value"] == 5.0
    assert values.loc[("BDI", 2016), "cell"] == "E6"
    assert values.loc[("WLD", 2017), "cell"] == "F10"
    assert values.loc[("WLD", 2017), "value"] == 30.0


def test_aggregates_are_kept_and_empty_fields_are_nan(tmp_path: Path) -> None:
    values = wdi.read_indicator(write_wdi(tmp_path / "api.csv"), "2025-07-01").values
    assert set(values["country_code"]) == {"BDI", "FRA", "XKX", "CHI", "WLD", "HIC"}
    assert len(values) == 12
    france_2017 = values[(values.country_code == "FRA") & (values.year == 2017)]
    assert math.isnan(france_2017["value"].iloc[0])


def test_countries_metadata_keeps_aggregates_without_region(tmp_path: Path) -> None:
    rows = wdi.read_countries(write_wdi_countries(tmp_path / "meta.csv"), "2025-07-01")
    assert list(rows["code"]) == ["BDI", "FRA", "XKX", "CHI", "WLD", "HIC"]
    assert list(rows[rows.region == ""]["code"]) == ["WLD", "HIC"]
    assert rows.set_index("code").loc["XKX", "row"] == 4


def test_another_vintage_is_refused_naming_the_line(tmp_path: Path) -> None:
    path = write_wdi(tmp_path / "api.csv", updated="2026-01-01")
    with pytest.raises(LayoutError, match=r"api.csv, line 3: Last Updated Date is '2026-01-01'"):
        wdi.read_indicator(path, "2025-07-01")


def test_unknown_edition_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownSource, match="Unknown edition '1999-01-01' of wdi"):
        wdi.read_indicator(write_wdi(tmp_path / "api.csv"), "1999-01-01")


def test_changed_header_names_the_line_and_column(tmp_path: Path) -> None:
    header = ["Country", "Country Code", "Indicator Name", "Indicator Code"]
    path = write_wdi(tmp_path / "api.csv", header=header)
    with pytest.raises(
        LayoutError, match=r"line 5: the header changed. Column 1 should be 'Country Name'"
    ):
        wdi.read_indicator(path, "2025-07-01")


def test_altered_value_names_its_cell(tmp_path: Path) -> None:
    rows = [["Burundi", "BDI", "5", "six"]]
    with pytest.raises(LayoutError, match=r"cell F6: 'six' is not a number"):
        wdi.read_indicator(write_wdi(tmp_path / "api.csv", rows=rows), "2025-07-01")


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    path = write_wdi(tmp_path / "api.csv")
    path.write_bytes(path.read_bytes()[:60])
    with pytest.raises(LayoutError, match="api.csv, line 3"):
        wdi.read_indicator(path, "2025-07-01")


def test_binary_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "api.csv"
    path.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(LayoutError, match="api.csv: not UTF-8 text"):
        wdi.read_indicator(path, "2025-07-01")
