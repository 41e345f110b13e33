from __future__ import annotations

import json
from pathlib import Path

import frictionless

from migobs.exports.datapackage import write_datapackage
from migobs.exports.table import TidyTable


def test_frictionless_validates_the_package(stock_table: TidyTable, tmp_path: Path) -> None:
    *_, package = write_datapackage(stock_table, tmp_path)
    report = frictionless.validate(str(package))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_package_reads_back_to_the_same_values(stock_table: TidyTable, tmp_path: Path) -> None:
    *_, package = write_datapackage(stock_table, tmp_path)
    resource = frictionless.Package(str(package)).get_resource("undesa-stock-2019-by-destination")
    rows = {(r["area"], r["year"]): r["value"] for r in resource.read_rows()}
    assert rows[("004", 2019)] == 144_098
    assert rows[("250", 2019)] is None
    descriptor = json.loads(package.read_text())
    assert descriptor["resources"][0]["schema"]["primaryKey"] == ["area", "year"]


def test_codes_are_strings_pointing_to_the_areas_resource(
    stock_table: TidyTable, tmp_path: Path
) -> None:
    data, areas, package = write_datapackage(stock_table, tmp_path)
    schema = json.loads(package.read_text())["resources"][0]["schema"]
    area = next(f for f in schema["fields"] if f["name"] == "area")
    assert (area["type"], area["constraints"]["pattern"]) == ("string", r"^\d{3,4}$")
    assert schema["foreignKeys"] == [
        {"fields": "area", "reference": {"resource": "areas", "fields": "m49"}}
    ]
    assert areas.read_text().splitlines() == [
        "m49,iso3,name,kind,aggregate",
        "004,AFG,Afghanistan,country,False",
        "250,FRA,France,country,False",
        "900,,World,aggregate,True",
    ]
    assert data.read_text().splitlines()[1].startswith("004,Afghanistan,AFG,2015,")


def test_a_code_missing_from_the_areas_fails_the_foreign_key(
    stock_table: TidyTable, tmp_path: Path
) -> None:
    _, areas, package = write_datapackage(stock_table, tmp_path)
    areas.write_text(areas.read_text().replace("250,FRA", "251,FRA"))
    errors = frictionless.validate(str(package)).flatten(["type"])
    assert ["foreign-key"] in errors


def test_each_resource_carries_its_licences_with_their_identifiers(
    stock_table: TidyTable, tmp_path: Path
) -> None:
    *_, package = write_datapackage(stock_table, tmp_path)
    data, areas = json.loads(package.read_text())["resources"]
    assert data["licenses"] == [{"name": "other-closed", "title": "UN terms of use"}]
    assert "licenses" not in areas  # the table records no source for its list of areas


def test_invalid_data_is_caught_by_the_validator(stock_table: TidyTable, tmp_path: Path) -> None:
    data, _, package = write_datapackage(stock_table, tmp_path)
    data.write_text(data.read_text().replace("144098.0", "many"))
    assert not frictionless.validate(str(package)).valid


def test_a_changed_file_fails_its_hash_and_size(stock_table: TidyTable, tmp_path: Path) -> None:
    data, _, package = write_datapackage(stock_table, tmp_path)
    descriptor = json.loads(package.read_text())
    assert descriptor["resources"][0]["hash"].startswith("sha256:")
    assert descriptor["resources"][0]["bytes"] == data.stat().st_size
    assert descriptor["created"].endswith("Z")
    data.write_text(data.read_text().replace("144098.0", "144099.25"))  # still a number
    errors = frictionless.validate(str(package)).flatten(["type"])
    assert ["hash-count"] in errors and ["byte-count"] in errors
