from __future__ import annotations

import duckdb

from migobs.warehouse import schema


def test_schema_creates_every_table() -> None:
    con = duckdb.connect()
    schema.apply(con)
    tables = {
        row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert {
        "builds",
        "source_files",
        "areas",
        "area_groups",
        "area_names",
        "findings",
        "migrant_stock",
        "series",
        "refugees",
        "missing_migrants",
    } <= tables


def test_an_older_warehouse_gets_the_ensemble_tables() -> None:
    con = duckdb.connect()
    schema.apply(con)
    con.execute("DROP TABLE flow_intervals")
    con.execute("DROP TABLE flow_ensembles")
    schema.create_missing(con)
    schema.create_missing(con)  # a second time changes nothing
    tables = {
        row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()
    }
    assert {"flow_intervals", "flow_ensembles", "flow_runs"} <= tables
