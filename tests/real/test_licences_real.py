"""Licences of the exports on the warehouse built from the mirror: each Data Package resource
carries its sources' licences exactly as the catalogue records them, and the package claims no
more than its most restrictive source allows (main declared CC BY 4.0 for every package)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migobs.exports.datapackage import write_datapackage
from migobs.exports.datasets import dataset
from migobs.sources.catalog import source
from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real

UNDESA_2017 = source("undesa_stock").editions["2017"].licence
TABLES = {
    "undesa_stock/2017/by_destination": [UNDESA_2017],
    "undesa_stock/2020/by_destination": [source("undesa_stock").editions["2020"].licence],
    "indicator/sdg.10.7.3": [source("iom_mmp").editions["2025"].licence],
    "indicator/sdg.10.7.4": [
        source("unhcr").editions["2025.12.1"].licence,
        source("wpp").editions["2019"].licence,
    ],
}


@pytest.mark.parametrize("name", TABLES)
def test_each_resource_carries_its_catalogue_licences(
    built_warehouse: Path, tmp_path: Path, name: str
) -> None:
    with open_warehouse(built_warehouse) as con:
        table = dataset(con, name)
    *_, package = write_datapackage(table, tmp_path)
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    resource, areas = descriptor["resources"]
    assert sorted(licence["title"] for licence in resource["licenses"]) == sorted(TABLES[name])
    assert {s["licence"] for s in resource["sources"]} == set(TABLES[name])
    m49 = source("m49").editions["2021"].licence
    assert [licence["title"] for licence in areas["licenses"]] == [m49]


def test_the_package_claims_its_most_restrictive_sources_licence(
    built_warehouse: Path, tmp_path: Path
) -> None:
    with open_warehouse(built_warehouse) as con:
        workbook = dataset(con, "undesa_stock/2017/by_destination")
        refugees = dataset(con, "indicator/sdg.10.7.4")
    *_, package = write_datapackage(workbook, tmp_path / "workbook")
    assert [x["title"] for x in json.loads(package.read_text())["licenses"]] == [UNDESA_2017]
    assert "All rights reserved" in UNDESA_2017
    *_, package = write_datapackage(refugees, tmp_path / "refugees")
    assert [x["title"] for x in json.loads(package.read_text())["licenses"]] == ["CC BY 3.0 IGO"]
