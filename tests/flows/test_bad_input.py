"""Bad input is an EstimationError that names the problem (failure cases first)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.errors import EstimationError
from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.ipf import ipf2
from migobs.flows.rates import dennett, rogers_von_rabenau
from migobs.flows.stock_difference import stock_difference

NAMES = ["A", "B", "C"]
START = np.array([[100.0, 10.0, 5.0], [20.0, 200.0, 0.0], [5.0, 15.0, 300.0]])
END = np.array([[110.0, 5.0, 10.0], [10.0, 210.0, 5.0], [5.0, 20.0, 295.0]])
ZERO = np.zeros(3)


def estimate(
    start: np.ndarray = START,
    end: np.ndarray = END,
    births: np.ndarray = ZERO,
    deaths: np.ndarray = ZERO,
    **opts: object,
) -> object:
    return demographic_accounting(start, end, births, deaths, NAMES, AccountingOptions(**opts))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"start": START[:, :2]}, "square"),
        ({"end": END[:2, :2]}, "end stock has shape"),
        ({"births": np.zeros(2)}, "births must have one value per region"),
        ({"deaths": np.array([1.0, np.nan, 0.0])}, "deaths holds NaN"),
        (
            {"start": np.where(START == 200, np.nan, START)},
            r"start stock: 1 NaN or infinite cell \(birthplace B, residence B\) = nan",
        ),
        (
            {"end": np.where(END == 20, np.inf, END)},
            r"end stock: 1 NaN or infinite cell \(birthplace C, residence B\) = inf",
        ),
        (
            {"start": np.where(START == 15, -15.0, START)},
            r"start stock: 1 negative cell \(birthplace C, residence B\) = -15: stocks count",
        ),
        ({"births": np.array([-1.0, 0.0, 0.0])}, "births has negative values"),
    ],
)
def test_malformed_input_is_named(kwargs: dict[str, np.ndarray], message: str) -> None:
    with pytest.raises(EstimationError, match=message):
        estimate(**kwargs)  # type: ignore[arg-type]


NEGATIVE_END = np.where(END == 5, -5.0, END)  # cells (A, B), (B, C), (C, A)

METHODS = {
    "stock-difference": lambda start, end: stock_difference(start, end, names=NAMES),
    "migration-rate": lambda start, end: dennett(start, 1000.0, NAMES),
    "rogers-von-rabenau": lambda start, end: rogers_von_rabenau(start, end, NAMES),
    "demographic-accounting": lambda start, end: demographic_accounting(
        start, end, ZERO, ZERO, NAMES
    ),
}


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_names_a_negative_stock_cell(method: str) -> None:
    start, end = (NEGATIVE_END, START) if method == "migration-rate" else (START, NEGATIVE_END)
    label = "start" if method == "migration-rate" else "end"
    with pytest.raises(
        EstimationError,
        match=rf"{label} stock: 3 negative cells, first \(birthplace A, residence B\) = -5",
    ):
        METHODS[method](start, end)


@pytest.mark.parametrize("method", sorted(METHODS))
def test_every_method_names_a_nan_stock_cell(method: str) -> None:
    start = np.where(START == 10, np.nan, START)
    with pytest.raises(
        EstimationError, match=r"start stock: 1 NaN or infinite cell \(birthplace A, residence B\)"
    ):
        METHODS[method](start, END)


def test_negative_native_born_refused_only_where_the_method_uses_it() -> None:
    start = START.copy()
    start[2, 2], start[0, 2] = -5.0, 330.0
    message = r"\(birthplace C, residence C\) = -5.*only accepted"
    with pytest.raises(EstimationError, match=message):
        rogers_von_rabenau(start, END, NAMES)
    with pytest.raises(EstimationError, match=message):
        stock_difference(start, END, include_native_born=True, names=NAMES)
    # Not used by these two (the diagonal is set aside), handled by accounting: all listed.
    assert stock_difference(start, END, names=NAMES).diagnostics.negative_native_born == ["C"]
    assert dennett(start, 10.0, NAMES).diagnostics.negative_native_born == ["C"]
    assert estimate(start=start).diagnostics.negative_native_born == ["C"]  # type: ignore[attr-defined]


def test_inconsistent_margins_raise_instead_of_proportions() -> None:
    # migest silently turns counts into proportions here (methods.md section 1.2); we raise.
    with pytest.raises(EstimationError, match="different totals"):
        ipf2(np.ones((2, 2)), np.array([10.0, 10.0]), np.array([5.0, 5.0]))


def test_negative_cells_reaching_a_fit_raise() -> None:
    deaths = np.array([0.0, 0.0, 400.0])  # more deaths than people: negative row targets
    with pytest.raises(EstimationError, match="rescale start: seed has 1 negative cell"):
        estimate(deaths=deaths, death_method="accounting")


def test_singular_start_stock_raises() -> None:
    with pytest.raises(EstimationError, match="singular"):
        rogers_von_rabenau(np.ones((3, 3)), END)


def test_stock_difference_rejects_mismatch() -> None:
    with pytest.raises(EstimationError, match=r"end stock has shape \(2, 2\), start stock"):
        stock_difference(START, END[:2, :2])


def test_negative_native_born_recorded_in_diagnostics() -> None:
    start = START.copy()
    start[2, 2], start[0, 2] = -5.0, 330.0
    result = estimate(start=start)
    assert result.diagnostics.negative_native_born == ["C"]  # type: ignore[attr-defined]


def _write(path: Path, table: np.ndarray, names: list[str]) -> Path:
    rows = ["row," + ",".join(names)] + [
        ",".join([name, *map(str, row)]) for name, row in zip(names, table, strict=True)
    ]
    path.write_text("\n".join(rows) + "\n")
    return path


def test_cli_unknown_names_are_an_error(tmp_path: Path) -> None:
    start = _write(tmp_path / "s.csv", START, NAMES)
    end = _write(tmp_path / "e.csv", END, ["A", "B", "Z"])
    result = CliRunner().invoke(
        cli,
        [
            "flows",
            "estimate",
            "--method",
            "stock-difference",
            "--stock-start",
            str(start),
            "--stock-end",
            str(end),
            "--out",
            str(tmp_path / "od.csv"),
        ],
    )
    assert result.exit_code == 1
    assert "not a square matrix" in result.output or "unknown" in result.output


def test_cli_writes_od_and_array(tmp_path: Path) -> None:
    start = _write(tmp_path / "s.csv", START, NAMES)
    end = _write(tmp_path / "e.csv", END, NAMES)
    for name in ("b", "d"):
        (tmp_path / f"{name}.csv").write_text("name,value\nA,0\nB,0\nC,0\n")
    args = [
        "flows",
        "estimate",
        "--method",
        "demographic-accounting",
        "--stock-start",
        str(start),
        "--stock-end",
        str(end),
        "--births",
        str(tmp_path / "b.csv"),
        "--deaths",
        str(tmp_path / "d.csv"),
        "--out",
        str(tmp_path / "od.csv"),
        "--array",
        str(tmp_path / "a.csv"),
        "--diagnostics",
        str(tmp_path / "diag.json"),
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    od = (tmp_path / "od.csv").read_text().splitlines()
    assert od[0] == "orig,dest,flow" and len(od) == 1 + 6
    assert len((tmp_path / "a.csv").read_text().splitlines()) == 1 + 27
    assert '"converged": true' in (tmp_path / "diag.json").read_text()
