"""`migobs flows estimate` on files: bad input and unused options refused, diagnostics written."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import pytest
from click.testing import Result

from migobs.config import Settings
from tests.support.cli import migobs

NAMES = ["A", "B", "C"]
START = np.array([[100.0, 10.0, 5.0], [20.0, 200.0, 0.0], [5.0, 15.0, 300.0]])
END = np.array([[110.0, 5.0, 10.0], [10.0, 210.0, 5.0], [5.0, 20.0, 295.0]])


def write_matrix(
    path: Path, table: np.ndarray, cells: dict[tuple[int, int], str] | None = None
) -> Path:
    """A wide stock CSV; ``cells`` overrides the text of some cells (e.g. "" or "-5")."""
    text = {(k, j): repr(float(v)) for (k, j), v in np.ndenumerate(table)} | (cells or {})
    rows = ["row," + ",".join(NAMES)] + [
        ",".join([name, *(text[k, j] for j in range(len(NAMES)))]) for k, name in enumerate(NAMES)
    ]
    path.write_text("\n".join(rows) + "\n")
    return path


@pytest.fixture
def files(tmp_path: Path) -> Path:
    write_matrix(tmp_path / "s.csv", START)
    write_matrix(tmp_path / "e.csv", END)
    for name in ("b", "d"):
        (tmp_path / f"{name}.csv").write_text("name,value\nA,0\nB,0\nC,0\n")
    return tmp_path


def flows(folder: Path, method: str, *args: str) -> Result:
    base = ["flows", "estimate", "--method", method, "--stock-start", str(folder / "s.csv")]
    return migobs(Settings(home=folder), *base, *args, "--out", str(folder / "od.csv"))


def test_negative_cell_names_file_cell_and_value(files: Path) -> None:
    write_matrix(files / "e.csv", END, {(1, 2): "-5"})
    for method in ("stock-difference", "rogers-von-rabenau"):
        result = flows(files, method, "--stock-end", str(files / "e.csv"))
        assert result.exit_code == 1
        assert f"{files / 'e.csv'}: 1 negative cell (birthplace B, residence C) = -5" in (
            result.output
        )
    assert not (files / "od.csv").exists()


def test_empty_cell_is_named_as_nan(files: Path) -> None:
    write_matrix(files / "s.csv", START, {(0, 1): ""})
    result = flows(files, "migration-rate", "--total-flows", "100")
    assert result.exit_code == 1
    assert "s.csv: 1 NaN or infinite cell (birthplace A, residence B) = nan" in result.output


def test_negative_native_born_refused_where_used(files: Path) -> None:
    write_matrix(files / "s.csv", START, {(2, 2): "-5", (0, 2): "330"})
    ends = ["--stock-end", str(files / "e.csv")]
    refused = flows(files, "rogers-von-rabenau", *ends)
    assert refused.exit_code == 1 and "(birthplace C, residence C) = -5" in refused.output
    accounting = ["--births", str(files / "b.csv"), "--deaths", str(files / "d.csv")]
    diag = files / "diag.json"
    result = flows(files, "demographic-accounting", *ends, *accounting, "--diagnostics", str(diag))
    assert result.exit_code == 0, result.output
    assert json.loads(diag.read_text())["negative_native_born"] == ["C"]


@pytest.mark.parametrize(
    ("method", "args", "message"),
    [
        ("rogers-von-rabenau", ["--decrease", "zero"], "--decrease not used by --method rogers"),
        ("migration-rate", ["--total-flows", "9", "--stock-end", "e.csv"], "--stock-end not used"),
        ("stock-difference", ["--births", "b.csv"], "--births not used by --method stock-diff"),
        ("stock-difference", ["--no-stayers"], "--stayers/--no-stayers not used"),
        ("stock-difference", ["--negative-flows", "keep"], "--negative-flows not used"),
        ("demographic-accounting", ["--seed-matrix", "s.csv"], "--seed-matrix is used only"),
        (
            "demographic-accounting",
            ["--birthplace-balance", "open", "--global-balance", "after"],
            "--global-balance applies to the closed method",
        ),
        ("migration-rate", [], "--method migration-rate needs --total-flows"),
        ("demographic-accounting", [], "needs --births, --deaths"),
    ],
)
def test_options_the_method_does_not_use_are_refused(
    files: Path, method: str, args: list[str], message: str
) -> None:
    args = [str(files / a) if a.endswith(".csv") else a for a in args]
    ends = [] if method == "migration-rate" else ["--stock-end", str(files / "e.csv")]
    if method == "demographic-accounting" and message.startswith("--"):
        ends += ["--births", str(files / "b.csv"), "--deaths", str(files / "d.csv")]
    result = flows(files, method, *ends, *args)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not (files / "od.csv").exists()


def test_array_with_another_method_fails_before_writing(files: Path) -> None:
    result = flows(
        files, "stock-difference", "--stock-end", str(files / "e.csv"), "--array", "a.csv"
    )
    assert result.exit_code == 2 and "--array not used by --method stock-difference" in (
        result.output
    )
    assert not (files / "od.csv").exists()


def test_rogers_von_rabenau_diagnostics_count_negative_flows(files: Path) -> None:
    diag = files / "diag.json"
    ends = ["--stock-end", str(files / "e.csv"), "--diagnostics", str(diag)]
    kept = flows(files, "rogers-von-rabenau", *ends, "--negative-flows", "keep")
    assert kept.exit_code == 0, kept.output
    od = np.loadtxt(files / "od.csv", delimiter=",", skiprows=1, usecols=2)
    negatives = od[od < 0]
    assert negatives.size > 0
    found = json.loads(diag.read_text())["negative_flows"]
    assert found["cells"] == negatives.size and found["treatment"] == "kept"
    assert found["persons"] == pytest.approx(negatives.sum())
    zeroed = flows(files, "rogers-von-rabenau", *ends)
    assert zeroed.exit_code == 0, zeroed.output
    clipped = np.loadtxt(files / "od.csv", delimiter=",", skiprows=1, usecols=2)
    np.testing.assert_allclose(clipped, np.maximum(od, 0.0))
    diagnostics = json.loads(diag.read_text())
    assert diagnostics["negative_flows"] == found | {"treatment": "set to 0"}
    assert diagnostics["total_flow"] == pytest.approx(od[od > 0].sum())
    assert diagnostics["method"] == "rogers-von-rabenau"


def test_stock_difference_diagnostics_count_the_falls(files: Path) -> None:
    # Off the diagonal END - START falls in (A, B) by 5 and (B, A) by 10, and rises by 5 in
    # (A, C), (B, C) and (C, B): 15 persons dropped, or 15 + 15 with the falls as returns.
    diag = files / "diag.json"
    args = ["--stock-end", str(files / "e.csv"), "--diagnostics", str(diag), "--decrease"]
    for decrease, treatment, total in (
        ("zero", "dropped", 15.0),
        ("return", "reversed as return flows", 30.0),
    ):
        result = flows(files, "stock-difference", *args, decrease)
        assert result.exit_code == 0, result.output
        found = json.loads(diag.read_text())
        assert found["stock_decreases"] == {"cells": 2, "persons": 15.0, "treatment": treatment}
        assert found["total_flow"] == total
        assert found["negative_flows"]["cells"] == 0


def test_run_checks_sex_and_demography_before_any_work(built: Settings) -> None:
    male = migobs(built, "flows", "run", "--edition", "2017", "--sex", "male")
    assert male.exit_code == 1
    assert "cannot estimate sex male: undesa_stock 2017 has no male origin" in male.output
    assert "WPP series loaded have no sex" in male.output
    every = migobs(built, "flows", "run", "--edition", "2017", "--sex", "all")
    lines = every.output.splitlines()
    assert lines[0].startswith("skipping sex male: undesa_stock 2017 has no male origin")
    assert lines[1].startswith("skipping sex female")
    # The small mirror's WPP holds 2019-2020 only: said up front, nothing stored.
    assert every.exit_code == 1
    assert "WPP 2019 population in" in every.output
    assert "has no values for 1990, 1995, 2000, 2005, 2010, 2015, 2017" in every.output
    with duckdb.connect(str(built.warehouse), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM flow_runs").fetchone() == (0,)
    wrong = migobs(built, "flows", "run", "--edition", "2017", "--period", "1991-2000")
    assert wrong.exit_code == 1
    assert "period 1991-2000: 1991 not a stock year of undesa_stock 2017" in wrong.output


def test_method_and_option_choices_come_from_the_domain_types() -> None:
    from typing import get_args

    import click

    from migobs.cli.flows import estimate, run
    from migobs.flows import methods

    def offered(command: click.Command, name: str) -> list[str]:
        param = next(p for p in command.params if p.name == name)
        assert isinstance(param.type, click.Choice)
        return list(param.type.choices)

    assert (
        offered(estimate, "method")
        == list(get_args(methods.Method))
        == [
            "stock-difference",
            "migration-rate",
            "rogers-von-rabenau",
            "demographic-accounting",
        ]
    )
    typed = {
        "birthplace_balance": methods.BirthplaceBalance,
        "global_balance": methods.GlobalBalance,
        "birth_method": methods.BirthMethod,
        "death_method": methods.DeathMethod,
    }
    for command in (estimate, run):
        for name, literal in typed.items():
            assert offered(command, name) == list(get_args(literal)), (command.name, name)
    assert offered(estimate, "decrease") == ["zero", "return"]
    assert offered(estimate, "negative_flows") == ["zero", "keep"]
    assert offered(run, "method") == [methods.ACCOUNTING]
