"""SDMX exports read back with the sdmx1 package (structure and SDMX-CSV 2.0) and pandas (1.0)."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd

from migobs.exports.sdmx_csv import write_sdmx_csv1, write_sdmx_csv2
from migobs.exports.table import TidyTable
from tests.support.sdmx_read import read_sdmx, sdmx_values


def read_back(table: TidyTable, directory: Path) -> dict[tuple[str, ...], float]:
    data, structure = write_sdmx_csv2(table, directory)
    return sdmx_values(structure, data, f"DF_{table.meta.sdmx_id}")


def test_structure_has_codelists_dsd_and_dataflow(stock_table: TidyTable, tmp_path: Path) -> None:
    _, structure = write_sdmx_csv2(stock_table, tmp_path)
    message = read_sdmx(structure)
    areas = message.codelist["CL_REF_AREA"]
    assert str(areas["004"].name) == "Afghanistan"
    dsd = message.structure["DSD_UNDESA_STOCK_2019_BY_DESTINATION"]
    assert [d.id for d in dsd.dimensions] == ["REF_AREA", "TIME_PERIOD"]
    assert [m.id for m in dsd.measures] == ["OBS_VALUE"]
    flow = message.dataflow["DF_UNDESA_STOCK_2019_BY_DESTINATION"]
    assert flow.structure is dsd


def test_sdmx_csv2_reads_back_to_the_same_values(stock_table: TidyTable, tmp_path: Path) -> None:
    values = read_back(stock_table, tmp_path)
    assert values[("004", "2019")] == 144_098.0
    assert values[("900", "2015")] == 247_585_744.0
    assert math.isnan(values[("250", "2019")])
    assert len(values) == len(stock_table.frame)


def test_further_dimensions_get_their_codelist(by_sex_table: TidyTable, tmp_path: Path) -> None:
    values = read_back(by_sex_table, tmp_path)
    assert values[("004", "female", "2019")] == 69_000.5
    structure = read_sdmx(tmp_path / "undesa-stock-2019-by-sex.structure.xml")
    assert sorted(c.id for c in structure.codelist["CL_SEX"]) == ["female", "male"]


def test_sdmx_csv1_has_the_dataflow_first(stock_table: TidyTable, tmp_path: Path) -> None:
    data, _ = write_sdmx_csv1(stock_table, tmp_path)
    back = pd.read_csv(data, dtype={"REF_AREA": str})
    assert back.columns.tolist() == [
        "DATAFLOW",
        "REF_AREA",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
    ]
    assert set(back.DATAFLOW) == {"MIGOBS:DF_UNDESA_STOCK_2019_BY_DESTINATION(1.0)"}
    row = back[(back.REF_AREA == "004") & (back.TIME_PERIOD == 2015)].iloc[0]
    assert row.OBS_VALUE == 339_446.0
    assert row.UNIT_MEASURE == "PERSONS"
