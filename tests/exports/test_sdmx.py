"""SDMX exports: valid against the official SDMX-ML 2.1 schemas, read back with the sdmx1
package (structure and SDMX-CSV 2.0) and pandas (1.0), coded by the SDG conventions."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.exports.sdmx.csv import write_sdmx_csv1, write_sdmx_csv2
from migobs.exports.table import TableMeta, TidyTable
from tests.support.sdmx_read import read_sdmx, sdmx_values
from tests.support.sdmx_schema import schema_errors


def read_back(table: TidyTable, directory: Path) -> dict[tuple[str, ...], float]:
    data, structure = write_sdmx_csv2(table, directory)
    return sdmx_values(structure, data, f"DF_{table.meta.sdmx_id}")


def test_structure_validates_against_the_sdmx_schemas(
    stock_table: TidyTable, by_sex_table: TidyTable, tmp_path: Path
) -> None:
    for table in (stock_table, by_sex_table):
        _, structure = write_sdmx_csv2(table, tmp_path)
        assert schema_errors(structure.read_bytes()) == []


def test_structure_has_codelists_dsd_and_dataflow(stock_table: TidyTable, tmp_path: Path) -> None:
    _, structure = write_sdmx_csv2(stock_table, tmp_path)
    message = read_sdmx(structure)
    areas = message.codelist["CL_AREA"]
    assert str(areas["004"].name) == "Afghanistan"
    assert str(areas["001"].name) == "World"  # UN DESA's 900 is M49's 001
    dsd = message.structure["DSD_UNDESA_STOCK_2019_BY_DESTINATION"]
    assert [d.id for d in dsd.dimensions] == ["FREQ", "SERIES", "REF_AREA", "TIME_PERIOD"]
    assert [a.id for a in dsd.attributes] == ["UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS"]
    assert [m.id for m in dsd.measures] == ["OBS_VALUE"]
    flow = message.dataflow["DF_UNDESA_STOCK_2019_BY_DESTINATION"]
    assert flow.structure is dsd


def test_aggregates_are_marked(stock_table: TidyTable, tmp_path: Path) -> None:
    _, structure = write_sdmx_csv2(stock_table, tmp_path)
    areas = read_sdmx(structure).codelist["CL_AREA"]
    marks = {
        code.id: {str(a.type): str(a.text) for a in code.annotations}["AGGREGATE"] for code in areas
    }
    assert marks == {"001": "true", "004": "false", "250": "false"}


def test_sdmx_csv2_reads_back_without_missing_cells(stock_table: TidyTable, tmp_path: Path) -> None:
    values = read_back(stock_table, tmp_path)
    assert values[("A", "MIGRANT_STOCK", "004", "2019")] == 144_098.0
    assert values[("A", "MIGRANT_STOCK", "001", "2015")] == 247_585_744.0
    assert ("A", "MIGRANT_STOCK", "250", "2019") not in values  # missing: left out, not NaN
    assert len(values) == len(stock_table.frame) - 1
    assert "NaN" not in (tmp_path / "undesa-stock-2019-by-destination.sdmx2.csv").read_text()


def test_sex_is_coded_f_m(by_sex_table: TidyTable, tmp_path: Path) -> None:
    values = read_back(by_sex_table, tmp_path)
    assert values[("A", "MIGRANT_STOCK", "004", "F", "2019")] == 69_000.5
    structure = read_sdmx(tmp_path / "undesa-stock-2019-by-sex.structure.xml")
    assert sorted(c.id for c in structure.codelist["CL_SEX"]) == ["F", "M", "_T"]


def test_every_export_shares_one_content_per_codelist(
    stock_table: TidyTable, by_sex_table: TidyTable, tmp_path: Path
) -> None:
    _, first = write_sdmx_csv2(stock_table, tmp_path / "a")
    _, second = write_sdmx_csv2(by_sex_table, tmp_path / "b")
    one, two = read_sdmx(first), read_sdmx(second)
    shared = set(one.codelist) & set(two.codelist)
    assert shared >= {"CL_FREQ", "CL_SERIES", "CL_AREA", "CL_UNIT_MEASURE", "CL_OBS_STATUS"}
    for codelist in shared - {"CL_AREA"}:  # areas: the warehouse's list, absent here
        assert {c.id: str(c.name) for c in one.codelist[codelist]} == {
            c.id: str(c.name) for c in two.codelist[codelist]
        }
    assert [c.id for c in one.concept_scheme["CS_MIGOBS"]] == [
        c.id for c in two.concept_scheme["CS_MIGOBS"]
    ]


def test_sdmx_csv1_has_the_dataflow_first(stock_table: TidyTable, tmp_path: Path) -> None:
    data, _ = write_sdmx_csv1(stock_table, tmp_path)
    back = pd.read_csv(data, dtype={"REF_AREA": str})
    assert back.columns.tolist() == [
        "DATAFLOW",
        "FREQ",
        "SERIES",
        "REF_AREA",
        "TIME_PERIOD",
        "OBS_VALUE",
        "UNIT_MEASURE",
        "UNIT_MULT",
        "OBS_STATUS",
    ]
    assert set(back.DATAFLOW) == {"MIGOBS:DF_UNDESA_STOCK_2019_BY_DESTINATION(1.0)"}
    row = back[(back.REF_AREA == "004") & (back.TIME_PERIOD == 2015)].iloc[0]
    assert row.OBS_VALUE == 339_446.0
    assert row.UNIT_MEASURE == "NUMBER"


def test_flows_over_periods_are_time_ranges_and_estimated(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "area": [840, 840, 724],
            "area_name": ["United States of America", "United States of America", "Spain"],
            "origin": [484, 484, 504],
            "period": ["2005-2010", "2010-2015", "2010-2015"],
            "year": [2010, 2015, 2015],
            "value": [1_200_000.5, 900_000.25, 150_000.0],
            "estimated": [True, True, True],
        }
    )
    meta = TableMeta(name="migobs_flows/2017/demographic-accounting", title="Flows", unit="persons")
    table = TidyTable(frame=frame, meta=meta, dimensions=("origin", "period"))
    data, structure = write_sdmx_csv2(table, tmp_path)
    assert schema_errors(structure.read_bytes()) == []
    values = sdmx_values(structure, data, "DF_MIGOBS_FLOWS_2017_DEMOGRAPHIC_ACCOUNTING")
    key = ("_O", "MIGRANT_FLOW_ESTIMATED", "840", "484", "2005-07-01/P5Y")
    assert values[key] == 1_200_000.5
    rows = pd.read_csv(data, dtype=str)
    assert set(rows["OBS_STATUS"]) == {"E"} and set(rows["FREQ"]) == {"_O"}
