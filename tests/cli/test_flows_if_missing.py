"""``migobs flows run --if-missing``: estimates only what the warehouse does not hold yet."""

from __future__ import annotations

from pathlib import Path

import duckdb

from tests.support.cli import at, migobs
from tests.support.faces_warehouse import RUNS, build_small_warehouse


def test_if_missing_skips_stored_flows(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "warehouse.duckdb")
    result = migobs(at(warehouse), "flows", "run", "--edition", "2017", "--if-missing")
    assert result.exit_code == 0, result.output
    assert result.output == (
        "total: flows of edition 2017 (demographic-accounting) are stored; nothing to do.\n"
    )
    with duckdb.connect(str(warehouse), read_only=True) as con:
        stored = con.execute("SELECT run_id FROM flow_runs ORDER BY run_id").fetchall()
    assert [r[0] for r in stored] == [r[0] for r in RUNS]


def test_if_missing_estimates_a_sex_not_stored(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "warehouse.duckdb")
    result = migobs(
        at(warehouse), "flows", "run", "--edition", "2017", "--sex", "female", "--if-missing"
    )
    assert result.exit_code == 1  # not stored, so it tried: there is no female O-D stock
    assert "cannot estimate sex female: undesa_stock 2017 has no female origin x destination" in (
        result.output
    )
