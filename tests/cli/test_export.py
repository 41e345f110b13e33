from __future__ import annotations

from pathlib import Path

import pandas as pd
from click.testing import CliRunner

from migobs.cli import cli
from tests.faces_warehouse import build_small_warehouse


def test_export_writes_the_formats_asked_for(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    env = {"MIGOBS_HOME": str(tmp_path), "MIGOBS_WAREHOUSE": str(warehouse)}
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "undesa_stock/2017/by_destination",
            "--format",
            "csv",
            "--format",
            "grapher",
            "--out",
            str(out),
        ],
        env=env,
    )
    assert result.exit_code == 0, result.output
    grapher = pd.read_csv(out / "undesa-stock-2017-by-destination.grapher.csv")
    usa = grapher[(grapher.Code == "USA") & (grapher.Year == 2017)]
    assert usa.iloc[0, 3] == 49_776_970.0
    assert (out / "README.md").is_file()


def test_export_lists_and_refuses_unknown_names(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    env = {"MIGOBS_HOME": str(tmp_path), "MIGOBS_WAREHOUSE": str(warehouse)}
    listed = CliRunner().invoke(cli, ["export", "--list"], env=env)
    assert "undesa_stock/2019/by_destination_sex" in listed.output.splitlines()
    wrong = CliRunner().invoke(cli, ["export", "nope/1/x"], env=env)
    assert wrong.exit_code == 1
    assert "No table 'nope/1/x' to export" in wrong.output
