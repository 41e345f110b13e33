"""Flows say how far they can be trusted (issue 11, items 3, 4 and 8), on the real 2017 edition:
convergence, the period's length and annual averages in every row of the API, the CSV, the
exports, the corridor page and the CLI; values assumed where WPP has none, per area."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pandas as pd
import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.config import Settings
from migobs.exports.datasets import dataset, dataset_names
from migobs.warehouse.read import open_warehouse
from tests.support.live import serve_in_thread

pytestmark = pytest.mark.real

SOUTH_SUDAN, SUDAN, MEXICO, USA = 728, 729, 484, 840
TABLE = "migobs_flows/2017/demographic-accounting"


@pytest.fixture(scope="module")
def cli_run(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A copy of the built warehouse with the 2017 flows made by ``migobs flows run``, and the
    command's output."""
    copy = tmp_path_factory.mktemp("flows-truth") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    env = {"MIGOBS_HOME": str(copy.parent), "MIGOBS_WAREHOUSE": str(copy)}
    result = CliRunner().invoke(cli, ["flows", "run", "--edition", "2017"], env=env)
    assert result.exit_code == 0, result.output
    return copy, result.output


@pytest.fixture(scope="module")
def real(cli_run: tuple[Path, str], mirror: Path) -> Iterator[httpx.Client]:
    warehouse = cli_run[0]
    settings = Settings(home=warehouse.parent, warehouse_path=warehouse, mirror=mirror)
    for base in serve_in_thread(settings):
        with httpx.Client(base_url=base, timeout=60) as client:
            yield client


def test_cli_names_the_area_and_gives_annual_averages(cli_run: tuple[Path, str]) -> None:
    lines = cli_run[1].splitlines()
    first = next(line for line in lines if line.startswith("total 1990-1995"))
    assert "NOT converged" in first and "South Sudan" in first and "728" not in first
    last = next(line for line in lines if line.startswith("total 2015-2017"))
    assert last.startswith("total 2015-2017 (2 years): 15.37 million movers, 7.68 million a year")


def test_flow_rows_carry_convergence_and_years(real: httpx.Client) -> None:
    early = real.get("/api/flows", params={"period": "1990-1995", "limit": 1}).json()["data"][0]
    assert (early["converged"], early["margins_met"], early["years"]) == (False, False, 5)
    late = real.get("/api/flows", params={"period": "2015-2017", "limit": 1}).json()["data"][0]
    assert (late["converged"], late["margins_met"], late["years"]) == (True, True, 2)
    assert late["flow_per_year"] == pytest.approx(late["flow"] / 2)


def test_csv_rows_carry_convergence_and_years(real: httpx.Client) -> None:
    params = {"origin": MEXICO, "destination": USA, "format": "csv"}
    frame = pd.read_csv(io.StringIO(real.get("/api/flows", params=params).text))
    by_period = frame.set_index("period")
    assert list(by_period.index) == [
        "1990-1995",
        "1995-2000",
        "2000-2005",
        "2005-2010",
        "2010-2015",
        "2015-2017",
    ]
    assert by_period.loc["1990-1995", "converged"] in (False, "false", "False")
    assert by_period.loc["2015-2017", "years"] == 2
    corridor = real.get(
        f"/api/flows/corridors/{SOUTH_SUDAN}/{SUDAN}", params={"format": "csv"}
    ).text
    found = pd.read_csv(io.StringIO(corridor)).set_index("period")
    assert {"converged", "margins_met", "years", "to_destination_per_year"} <= set(found.columns)
    assert found.loc["2015-2017", "to_destination_per_year"] == pytest.approx(
        found.loc["2015-2017", "to_destination"] / 2
    )


def test_converged_runs_only(real: httpx.Client) -> None:
    body = real.get("/api/flows/runs", params={"converged": "true"}).json()
    assert [r["period"] for r in body["data"]] == [
        "1995-2000",
        "2000-2005",
        "2005-2010",
        "2010-2015",
        "2015-2017",
    ]
    rows = real.get(
        f"/api/flows/corridors/{SOUTH_SUDAN}/{SUDAN}", params={"converged": "true"}
    ).json()["data"]
    assert "1990-1995" not in {r["period"] for r in rows} and len(rows) == 5


def test_corridor_page_marks_the_period_in_words(real: httpx.Client) -> None:
    html = real.get("/corridor", params={"origin": SOUTH_SUDAN, "destination": SUDAN}).text
    section = html[html.index('id="estimated-flows"') : html.index('id="largest"')]
    assert "1990-1995 did not converge" in section
    note = section[section.index("1990-1995 did not converge") :].split("</p>")[0]
    assert "South Sudan" in note and "728" not in note and "95,713 persons" in note
    assert "NOT converged" in section and "persons a year" in section
    assert "Shorter than the 5-year periods: 2015-2017 (2 years)" in section


def test_imputations_listed_per_area(cli_run: tuple[Path, str]) -> None:
    with duckdb.connect(str(cli_run[0]), read_only=True) as con:
        found = con.execute(
            "SELECT year0, diagnostics FROM flow_runs WHERE year0 = 2010"
        ).fetchone()
    assert found is not None
    imputed = json.loads(found[1])["imputations"]
    deaths = {item["name"] for item in imputed if item["input"] == "deaths"}
    assert len(deaths) == 32 and {"Andorra", "Tokelau", "Greenland"} <= deaths
    assert {item["input"] for item in imputed} == {"deaths", "net migrants", "births"}
    andorra = next(i for i in imputed if i["area"] == "020" and i["input"] == "births")
    assert andorra["value"] == 0.0 and "-6,461 births" in andorra["reason"]


def test_export_carries_the_flags(cli_run: tuple[Path, str]) -> None:
    with open_warehouse(cli_run[0]) as con:
        assert TABLE in dataset_names(con)
        table = dataset(con, TABLE)
    frame = table.frame
    early = frame[frame["period"] == "1990-1995"]
    assert not early["converged"].any() and (early["years"] == 5).all()
    late = frame[frame["period"] == "2015-2017"]
    assert late["converged"].all() and (late["year"] == 2017).all()
    assert late["value_per_year"].to_numpy() == pytest.approx(late["value"].to_numpy() / 2)
    assert {s.title.split(":")[0] for s in table.meta.sources} >= {"undesa_stock 2017", "wpp 2019"}
