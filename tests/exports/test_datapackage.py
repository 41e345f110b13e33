from __future__ import annotations

import json
from pathlib import Path

import frictionless

from migobs.exports.datapackage import write_datapackage
from migobs.exports.table import TidyTable


def test_frictionless_validates_the_package(stock_table: TidyTable, tmp_path: Path) -> None:
    _, package = write_datapackage(stock_table, tmp_path)
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_package_reads_back_to_the_same_values(stock_table: TidyTable, tmp_path: Path) -> None:
    _, package = write_datapackage(stock_table, tmp_path)
    resource = frictionless.Package(str(package)).resources[0]
    rows = {(r["area"], r["year"]): r["value"] for r in resource.read_rows()}
    assert rows[(4, 2019)] == 144_098
    assert rows[(250, 2019)] is None
    descriptor = json.loads(package.read_text())
    assert descriptor["resources"][0]["schema"]["primaryKey"] == ["area", "year"]


def test_invalid_data_is_caught_by_the_validator(stock_table: TidyTable, tmp_path: Path) -> None:
    data, package = write_datapackage(stock_table, tmp_path)
    data.write_text(data.read_text().replace("144098.0", "many"))
    assert not frictionless.validate(str(package)).valid


def test_a_changed_file_fails_its_hash_and_size(stock_table: TidyTable, tmp_path: Path) -> None:
    data, package = write_datapackage(stock_table, tmp_path)
    descriptor = json.loads(package.read_text())
    assert descriptor["resources"][0]["hash"].startswith("sha256:")
    assert descriptor["resources"][0]["bytes"] == data.stat().st_size
    assert descriptor["created"].endswith("Z")
    data.write_text(data.read_text().replace("144098.0", "144099.25"))  # still a number
    errors = frictionless.validate(str(package)).flatten(["type"])
    assert ["hash-count"] in errors and ["byte-count"] in errors
