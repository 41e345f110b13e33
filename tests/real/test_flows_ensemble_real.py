"""Flow ensembles on the real 2017 edition (issue 18): every method of the ensemble runs on every
period (the independence model too, with tolerances relative to the totals), and a small
ensemble is stored and served beside the point estimates."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.flows.ensemble import METHOD_ENSEMBLE, method_range
from migobs.flows.ensemble_inputs import edition_periods
from migobs.warehouse.read import flows, open_warehouse

pytestmark = pytest.mark.real


def test_every_method_runs_on_every_period(built_warehouse: Path) -> None:
    periods = edition_periods(built_warehouse, "2017")
    assert [p.label for p in periods][0] == "1990-1995" and len(periods) == 6
    for data in periods:
        assert data.types.count(None) == 0  # every destination's type of data is loaded
        low, high, totals, failed = method_range(data)
        assert failed == [], (data.label, failed)
        assert len(totals) == len(METHOD_ENSEMBLE)
        assert (low <= high).all()
        stayers, independence = totals[0], totals[3]
        assert independence > 3 * stayers, data.label  # everyone mixes: far more moves


def test_no_stayers_runs_on_the_real_edition(
    built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy = tmp_path_factory.mktemp("no-stayers") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    env = {"MIGOBS_HOME": str(copy.parent), "MIGOBS_WAREHOUSE": str(copy)}
    args = ["flows", "run", "--edition", "2017", "--period", "2010-2015", "--no-stayers"]
    result = CliRunner().invoke(cli, args, env=env)
    # Before: "independence: row and column targets have different totals (largest gap
    # 1.04851, allowed 0.001)", about one person in 190 million.
    assert result.exit_code == 0, result.output
    assert "total 2010-2015 (5 years): 414.60 million movers" in result.output


def test_small_ensemble_stored_and_served(
    built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    copy = tmp_path_factory.mktemp("ensemble") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    env = {"MIGOBS_HOME": str(copy.parent), "MIGOBS_WAREHOUSE": str(copy)}
    runner = CliRunner()
    run = ["flows", "run", "--edition", "2017", "--period", "2010-2015"]
    assert runner.invoke(cli, run, env=env).exit_code == 0
    out = copy.parent / "intervals.csv"
    args = [
        "flows",
        "ensemble",
        "--edition",
        "2017",
        "--period",
        "2010-2015",
        "--draws",
        "6",
        "--seed",
        "5",
        "--workers",
        "1",
        "--out",
        str(out),
    ]
    result = runner.invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    assert "2010-2015: 45.88 million movers, 90% interval" in result.output
    with duckdb.connect(str(copy), read_only=True) as con:
        stored = con.execute(
            "SELECT ensemble_id, seed, draws, ran_on FROM flow_ensembles"
        ).fetchall()
        assert stored == [("ensemble/2017/wpp-2019/draws-6/seed-5", 5, 6, "this process")]
    with open_warehouse(copy) as con:
        rows = flows.flows(con, filters={"period": "2010-2015", "origin": 484, "destination": 840})
        row = rows.rows.iloc[0]
    assert row["flow"] == pytest.approx(617_832.6, abs=1)
    assert row["lower"] < row["flow"] < row["upper"]
    written = out.read_text().splitlines()
    assert written[0] == (
        "period,origin,destination,flow,lower,upper,median,method_min,method_max,draws"
    )
    assert any(line.startswith("2010-2015,484,840,617832.") for line in written)
