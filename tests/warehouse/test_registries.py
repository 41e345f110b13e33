from __future__ import annotations

import duckdb

from migobs.warehouse import schema
from migobs.warehouse.checks import CHECKS, run_all
from migobs.warehouse.findings import Finding, insert
from migobs.warehouse.loaders import LOADERS


def test_loaders_start_with_m49() -> None:
    assert next(iter(LOADERS)) == "m49"
    assert all(callable(loader.load) for loader in LOADERS.values())


def test_checks_run_and_findings_are_stored() -> None:
    con = duckdb.connect()
    schema.apply(con)
    assert all(callable(check) for check in CHECKS.values())
    extra = {
        "always": lambda _con: [Finding("test-kind", "t", "m", observed=1.0, rows=[{"cell": "A1"}])]
    }
    found = run_all(con, extra)
    assert insert(con, found) == 1
    assert con.execute("SELECT finding_id, type, observed, rows FROM findings").fetchall() == [
        (1, "test-kind", 1.0, '[{"cell": "A1"}]')
    ]
