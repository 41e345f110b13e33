"""SDMX exports of real tables: valid against the SDMX-ML 2.1 schemas, one content per codelist
across every export, read back by sdmx1 to the warehouse's values, areas coded as M49."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from migobs.errors import ExportError
from migobs.exports.datasets import dataset, dataset_names
from migobs.exports.sdmx.csv import write_sdmx_csv2
from migobs.warehouse.read import open_warehouse
from tests.support.sdmx_read import read_sdmx, sdmx_values
from tests.support.sdmx_schema import schema_errors

TABLES = (
    "undesa_stock/2019/by_destination",
    "undesa_stock/2019/by_destination_sex",
    "indicator/sdg.10.c.1",
    "indicator/sdg.10.c.1.corridor",
)


@pytest.fixture(scope="module")
def con(built_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(built_warehouse) as connection:
        yield connection


@pytest.fixture(scope="module")
def exported(
    con: duckdb.DuckDBPyConnection, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, tuple[Path, Path]]:
    directory = tmp_path_factory.mktemp("sdmx")
    written = {name: write_sdmx_csv2(dataset(con, name), directory) for name in TABLES}
    return {name: (data, structure) for name, (data, structure) in written.items()}


def test_every_structure_validates(exported: dict[str, tuple[Path, Path]]) -> None:
    for name, (_, structure) in exported.items():
        assert schema_errors(structure.read_bytes()) == [], name


def test_codelists_have_one_content_across_exports(
    exported: dict[str, tuple[Path, Path]],
) -> None:
    contents: dict[str, set[tuple[tuple[str, str], ...]]] = {}
    for _, structure in exported.values():
        for codelist in read_sdmx(structure).codelist.values():
            items = tuple((code.id, str(code.name)) for code in codelist)
            contents.setdefault(codelist.id, set()).add(items)
    assert {"CL_AREA", "CL_SERIES", "CL_SEX", "CL_UNIT_MEASURE"} <= set(contents)
    versions = {codelist: len(found) for codelist, found in contents.items()}
    assert versions == dict.fromkeys(contents, 1)


def test_values_read_back_equal_the_warehouse(
    con: duckdb.DuckDBPyConnection, exported: dict[str, tuple[Path, Path]]
) -> None:
    data, structure = exported["indicator/sdg.10.c.1.corridor"]
    values = sdmx_values(structure, data, "DF_INDICATOR_SDG_10_C_1_CORRIDOR")
    frame = dataset(con, "indicator/sdg.10.c.1.corridor").frame.dropna(subset=["value"])
    assert len(values) == len(frame)
    row = frame.iloc[0]
    key = ("A", "SDG_10_C_1_CORRIDOR", f"{row.area:03d}", f"{row.counterpart:03d}", str(row.year))
    assert values[key] == pytest.approx(row.value)
    data, structure = exported["undesa_stock/2019/by_destination_sex"]
    sexes = sdmx_values(structure, data, "DF_UNDESA_STOCK_2019_BY_DESTINATION_SEX")
    by_sex = dataset(con, "undesa_stock/2019/by_destination_sex").frame
    france = by_sex[(by_sex.area == 250) & (by_sex.year == 2019) & (by_sex.sex == "female")]
    assert sexes[("A", "MIGRANT_STOCK", "250", "F", "2019")] == france.value.iloc[0]


def test_areas_and_groupings_are_coded_as_m49(exported: dict[str, tuple[Path, Path]]) -> None:
    areas = read_sdmx(exported["undesa_stock/2019/by_destination"][1]).codelist["CL_AREA"]
    assert str(areas["004"].name) == "Afghanistan"
    assert str(areas["001"].name) == "World"
    assert str(areas["202"].name) == "Sub-Saharan Africa"
    marks = {str(a.type): str(a.text) for a in areas["1503"].annotations}
    assert marks == {"AREA_KIND": "income_group", "AGGREGATE": "true"}


def test_tables_without_data_are_not_listed_and_say_why(con: duckdb.DuckDBPyConnection) -> None:
    names = dataset_names(con)
    assert "undesa_stock/2017/by_destination_origin" in names
    assert "undesa_stock/2019/by_destination" in names
    assert "undesa_stock/2019/by_destination_origin" not in names  # 2019: destinations only
    with pytest.raises(ExportError, match="2019 has no origin-destination table"):
        dataset(con, "undesa_stock/2019/by_destination_origin")
