"""Flow ensembles: identical results on one process, local processes and a real
dask.distributed cluster on loopback; intervals around the point estimate; the synthetic
coverage check; the command's options and CSV columns."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.flows.ensemble_run import EnsembleResult, EnsembleSettings, run_ensemble
from migobs.flows.simulate import coverage, true_world
from tests.support.dask_cluster import loopback_cluster

# distributed's nanny probes a port range with sockets it leaves to the garbage collector.
pytestmark = pytest.mark.filterwarnings(
    "ignore::ResourceWarning", "ignore::pytest.PytestUnraisableExceptionWarning"
)

# Ports of this test's Dask processes (loopback): a local cluster and a started cluster.
LOCAL_PORTS = (8761, 8769)
DRAWS, SEED = 12, 2017


def world(seed: int = 3) -> list:  # type: ignore[type-arg]
    return [true_world(10, np.random.default_rng(seed))]


def ensemble(**how: object) -> EnsembleResult:
    return run_ensemble(world(), EnsembleSettings(draws=DRAWS, seed=SEED, **how))  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def one_process() -> EnsembleResult:
    return ensemble(workers=1)


@pytest.fixture(scope="module")
def dask_cluster() -> Iterator[str]:
    """A scheduler and a worker (two processes) started with `dask scheduler`/`dask worker`."""
    with loopback_cluster(2) as address:
        yield address


def same(a: EnsembleResult, b: EnsembleResult) -> None:
    pd.testing.assert_frame_equal(a.corridors, b.corridors, check_exact=True)
    pd.testing.assert_frame_equal(a.totals, b.totals, check_exact=True)


def test_identical_on_local_processes(one_process: EnsembleResult) -> None:
    two = ensemble(workers=2, ports=LOCAL_PORTS)
    assert two.ran_on == "2 local processes" and one_process.ran_on == "this process"
    same(one_process, two)


def test_identical_on_a_dask_cluster(one_process: EnsembleResult, dask_cluster: str) -> None:
    remote = ensemble(scheduler=dask_cluster)
    assert remote.ran_on == f"the Dask cluster at {dask_cluster}"
    same(one_process, remote)


def test_another_seed_gives_other_draws(one_process: EnsembleResult) -> None:
    other = run_ensemble(world(), EnsembleSettings(draws=DRAWS, seed=SEED + 1))
    assert not np.array_equal(other.corridors["median"], one_process.corridors["median"])
    assert np.array_equal(other.corridors["flow"], one_process.corridors["flow"])


def test_intervals_hold_the_point_estimate(one_process: EnsembleResult) -> None:
    found = one_process.corridors
    assert (found["lower"] <= found["flow"]).all() and (found["flow"] <= found["upper"]).all()
    moved = found["flow"] > 0
    assert (found.loc[moved, "lower"] < found.loc[moved, "upper"]).all()
    assert (found["method_min"] <= found["flow"]).all()
    assert (found["flow"] <= found["method_max"]).all()
    assert (found["draws"] == DRAWS).all()
    total = one_process.totals.iloc[0]
    assert total["lower"] < total["flow"] < total["upper"]
    assert total["flow"] == pytest.approx(found["flow"].sum())


def test_coverage_of_the_synthetic_world() -> None:
    # The band stated in docs/methods/flows.md ("Simulation"): with the default noise the 90%
    # intervals hold 70-95% of the true corridor flows (of 100 persons or more) and at least
    # 60% of the true totals; this small run finds 80% and 7 of 8.
    found = coverage(n=10, replicates=8, draws=20, seed=11)
    assert 0.7 <= found.corridors <= 0.95, found
    assert found.totals >= 0.6, found
    assert abs(found.total_bias) < 0.05, found


def test_command_options_are_the_public_interface() -> None:
    from migobs.cli.flows_ensemble import ensemble as command

    flags = sorted(opt for p in command.params for opt in p.opts)
    assert flags == sorted(
        [
            "--edition",
            "--period",
            "--draws",
            "--seed",
            "--scheduler",
            "--workers",
            "--out",
            "--stock-start",
            "--stock-end",
            "--births",
            "--deaths",
            "--type-of-data",
            "--noise",
        ]
    )


def file_args(tmp_path: Path) -> list[str]:
    """``flows ensemble`` on the synthetic world written as a user's own files."""
    data = world()[0]
    frame = pd.DataFrame(data.start, index=data.names, columns=data.names)
    frame.to_csv(tmp_path / "start.csv", index_label="row")
    pd.DataFrame(data.end, index=data.names, columns=data.names).to_csv(
        tmp_path / "end.csv", index_label="row"
    )
    for name, values in (("births", data.births), ("deaths", data.deaths)):
        pd.DataFrame({"name": data.names, "value": values}).to_csv(
            tmp_path / f"{name}.csv", index=False
        )
    pd.DataFrame({"area": data.names, "code": data.types}).to_csv(
        tmp_path / "types.csv", index=False
    )
    return [
        "flows",
        "ensemble",
        "--stock-start",
        str(tmp_path / "start.csv"),
        "--stock-end",
        str(tmp_path / "end.csv"),
        "--births",
        str(tmp_path / "births.csv"),
        "--deaths",
        str(tmp_path / "deaths.csv"),
        "--type-of-data",
        str(tmp_path / "types.csv"),
        "--period",
        "2010-2015",
        "--draws",
        str(DRAWS),
        "--seed",
        str(SEED),
        "--workers",
        "1",
    ]


def test_command_on_files_writes_the_columns(tmp_path: Path) -> None:
    data = world()[0]
    out = tmp_path / "intervals.csv"
    args = [*file_args(tmp_path), "--out", str(out)]
    result = CliRunner().invoke(cli, args, env={"MIGOBS_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out)
    assert list(written.columns) == [
        "period",
        "origin",
        "destination",
        "flow",
        "lower",
        "upper",
        "median",
        "method_min",
        "method_max",
        "draws",
    ]
    assert set(written["period"]) == {"2010-2015"} and set(written["origin"]) <= set(data.names)
    direct = ensemble(workers=1).corridors
    assert written["flow"].to_numpy() == pytest.approx(direct["flow"].to_numpy())
    assert written["upper"].to_numpy() == pytest.approx(direct["upper"].to_numpy())
    assert "1-2" not in result.output and "2010-2015:" in result.output


def test_command_refuses_both_an_edition_and_files(tmp_path: Path) -> None:
    start = tmp_path / "s.csv"
    start.write_text("row,A\nA,1\n")
    result = CliRunner().invoke(
        cli,
        ["flows", "ensemble", "--edition", "2017", "--stock-start", str(start)],
        env={"MIGOBS_HOME": str(tmp_path)},
    )
    assert result.exit_code == 2 and "not both" in result.output
    result = CliRunner().invoke(
        cli, ["flows", "ensemble", "--stock-start", str(start)], env={"MIGOBS_HOME": str(tmp_path)}
    )
    assert result.exit_code == 2 and "--stock-end, --births, --deaths missing" in result.output


def test_without_noise_the_interval_is_the_point_estimate(tmp_path: Path) -> None:
    silent = ["birthplace", "citizenship", "refugees", "imputed", "unknown", "demography"]
    out = tmp_path / "silent.csv"
    args = [*file_args(tmp_path), "--out", str(out)]
    for name in silent:
        args += ["--noise", f"{name}=0"]
    result = CliRunner().invoke(cli, args, env={"MIGOBS_HOME": str(tmp_path)})
    assert result.exit_code == 0, result.output
    written = pd.read_csv(out)
    assert (written["flow"] > 0).any()
    assert written["lower"].to_numpy() == pytest.approx(written["flow"].to_numpy())
    assert written["upper"].to_numpy() == pytest.approx(written["flow"].to_numpy())


@pytest.mark.parametrize(
    ("noise", "message"),
    [
        ("colour=0.1", "no noise scale named colour: the scales are birthplace, citizenship"),
        ("imputed=-0.1", "noise scale imputed=-0.1: give a number of 0 or more"),
        ("correlation=2", "noise scale correlation=2.0: give a number from -1 to 1"),
        ("imputed", "'imputed': give NAME=VALUE"),
    ],
)
def test_a_bad_noise_scale_is_named(tmp_path: Path, noise: str, message: str) -> None:
    args = [*file_args(tmp_path), "--noise", noise]
    result = CliRunner().invoke(cli, args, env={"MIGOBS_HOME": str(tmp_path)})
    assert result.exit_code in (1, 2) and message in result.output, result.output
