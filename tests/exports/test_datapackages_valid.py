"""``frictionless validate`` passes on the Data Package of every table of the small warehouse
(the real warehouse's: tests/real/test_exports_real.py), its codes pointing to its areas."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import frictionless

from migobs.errors import ExportError
from migobs.exports.datapackage import write_datapackage
from migobs.exports.datasets import dataset, dataset_names
from migobs.exports.table import TidyTable
from migobs.warehouse.read import open_warehouse
from tests.support.faces_warehouse import build_small_warehouse


def test_every_data_package_of_the_small_warehouse_validates(tmp_path: Path) -> None:
    path = build_small_warehouse(tmp_path / "w.duckdb")
    invalid: dict[str, list[list[str]]] = {}
    keyed: set[str] = set()
    with open_warehouse(path) as con:
        tables = [table for name in dataset_names(con) if (table := _exportable(con, name))]
        for index, table in enumerate(tables):
            name = table.meta.name
            *_, package = write_datapackage(table, tmp_path / str(index))
            report = frictionless.validate(str(package))
            if not report.valid:
                invalid[name] = report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
            schema = json.loads(package.read_text())["resources"][0]["schema"]
            keyed |= {key["fields"] for key in schema["foreignKeys"]}
    assert len(tables) >= 15 and invalid == {}
    assert keyed == {"area", "origin", "counterpart"}


def _exportable(con: duckdb.DuckDBPyConnection, name: str) -> TidyTable | None:
    """The table, or ``None`` when the small warehouse lacks its sources (the API says 404)."""
    try:
        return dataset(con, name)
    except ExportError:
        return None
