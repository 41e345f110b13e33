"""Numbers written for people on the warehouse built from the mirror: no scientific notation in
what the CLI prints, editions written as editions, each input's edition named."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.exports.datasets import dataset
from migobs.exports.sdmx.observations import observations
from migobs.indicators import compute, table
from migobs.warehouse.read import open_warehouse
from migobs.web.country import gdp_share_figure
from migobs.web.variables import year_choices

pytestmark = pytest.mark.real

COMMANDS = [
    ["indicator", "stock.total", "--area", "900", "--year", "2017", "--edition", "2017"],
    ["indicator", "remittances.received", "--area", "9122", "--year", "2017"],
    ["indicator", "sdg.17.3.2", "--area", "MEX", "--year", "2020"],
    ["indicator", "remittances.vs_oda", "--area", "MEX", "--year", "2020"],
    ["indicator", "sdg.17.3.2", "--all-areas", "--year", "2020"],
    ["claims"],
    ["report", "MEX"],
    ["report", "900"],
    ["sql", "SELECT area, year, value FROM series WHERE variable = 'gdp' AND area = 900"],
]
EXPONENT = re.compile(r"\d[eE][+-]\d")


@pytest.fixture(scope="module")
def own_warehouse(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built warehouse that no other connection of this test process holds, as a
    command's own process would find it (DuckDB opens a file with one configuration per
    process, and `migobs sql` opens it locked down)."""
    copy = tmp_path_factory.mktemp("own-warehouse") / "warehouse.duckdb"
    shutil.copyfile(built_warehouse, copy)
    return copy


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_no_cli_output_uses_scientific_notation(own_warehouse: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, args, env={"MIGOBS_WAREHOUSE": str(own_warehouse)})
    assert result.exit_code == 0, result.output
    assert EXPONENT.findall(result.output) == []


def test_the_cli_writes_an_edition_as_an_edition_and_each_inputs_edition(
    built_warehouse: Path,
) -> None:
    env = {"MIGOBS_WAREHOUSE": str(built_warehouse)}
    stock = CliRunner().invoke(cli, COMMANDS[0], env=env).output.splitlines()[0]
    assert stock == (
        "900 World 2017: 257,715,425 persons (edition 2017)  (from members: 257,715,425)"
    )
    ratio = CliRunner().invoke(cli, COMMANDS[2], env=env).output.splitlines()[0]
    assert ratio.endswith("(editions: wdi remittances_received 2025-07-01, wdi gdp 2024-10-24)"), (
        ratio
    )


def test_sdg_17_3_2_names_the_gdp_extract_it_divides_by(built_warehouse: Path) -> None:
    """Labelled 2025-07-01 on main, though its GDP is the 2024-10-24 extract."""
    with open_warehouse(built_warehouse) as con:
        value = compute(con, "sdg.17.3.2", 484, 2020)
    assert value.as_dict()["input_editions"] == [
        {"source": "wdi", "variable": "remittances_received", "edition": "2025-07-01"},
        {"source": "wdi", "variable": "gdp", "edition": "2024-10-24"},
    ]


def test_sdg_10_c_1_is_quarterly_and_the_annual_value_says_its_quarters(
    built_warehouse: Path,
) -> None:
    """The World Bank reports quarterly: Q1 2017 is 7.90%, Q4 2017 7.34%, the year 7.62%;
    2020 ends in Q3 and says so."""
    with open_warehouse(built_warehouse) as con:
        q1 = compute(con, "sdg.10.c.1.quarterly", 900, 2017, quarter=1)
        q4 = compute(con, "sdg.10.c.1.quarterly", 900, 2017, quarter=4)
        annual = compute(con, "sdg.10.c.1", 900, 2017)
        partial = compute(con, "sdg.10.c.1", 900, 2020)
    assert (round(q1.value or 0, 2), q1.when()) == (7.90, "2017 Q1")
    assert (round(q4.value or 0, 4), q4.when(), len(q4.inputs)) == (7.339, "2017 Q4", 361)
    assert (round(annual.value or 0, 4), annual.when()) == (7.6153, "2017")
    assert partial.as_dict()["period"] == "2020, Q1–Q3"


def test_the_quarterly_series_lists_and_exports_every_quarter(built_warehouse: Path) -> None:
    """Listed and exported, sdg.10.c.1.quarterly is a series of quarters (2017 Q1 7.90%,
    2017 Q4 7.34%), not one value per year; SDMX codes it quarterly; the map keeps each
    year's last quarter."""
    with open_warehouse(built_warehouse) as con:
        listed = [v for v in table(con, "sdg.10.c.1.quarterly", 2017) if v.area == 900]
        export = dataset(con, "indicator/sdg.10.c.1.quarterly")
        sdmx = observations(export)
        mapped = {y.year: y.label for y in year_choices(con, "sdg.10.c.1.quarterly")}
    assert [(v.period, round(v.value or 0, 2)) for v in listed] == [
        ("2017 Q1", 7.90), ("2017 Q2", 7.65), ("2017 Q3", 7.57), ("2017 Q4", 7.34)
    ]  # fmt: skip
    rows = export.frame.set_index(["area", "quarter", "year"])
    assert rows.loc[(900, 1, 2017), "period"] == "2017 Q1"
    assert round(rows.loc[(900, 4, 2017), "value"], 4) == 7.339
    assert len(rows.loc[(900, slice(None), 2017)]) == 4
    world = sdmx[(sdmx["REF_AREA"] == "001") & sdmx["TIME_PERIOD"].str.startswith("2017")]
    assert list(world["TIME_PERIOD"]) == ["2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]
    assert set(world["FREQ"]) == {"Q"}
    assert (mapped[2017], mapped[2020]) == ("2017 Q4", "2020 Q3")


def test_the_report_names_base_years_and_partial_years(built_warehouse: Path) -> None:
    env = {"MIGOBS_WAREHOUSE": str(built_warehouse)}
    text = CliRunner().invoke(cli, ["report", "MEX"], env=env).output
    assert (
        "| Change in the international migrant stock since a base year (default 2000), percent "
        "| 2000–2020 | 122.6% |"
    ) in text
    assert (
        "(sending to the area), annual mean of corridor-quarter averages | 2020, Q1–Q3 | 4.1% |"
        in text
    )
    assert (
        "`sdg.17.3.2`, editions: wdi remittances_received 2025-07-01, wdi gdp 2024-10-24," in text
    )


def test_pages_and_exports_name_each_input_edition_of_sdg_17_3_2(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        page = gdp_share_figure(con, 484).source
        export = dataset(con, "indicator/sdg.17.3.2").meta.description
    named = "wdi remittances_received 2025-07-01, wdi gdp 2024-10-24"
    assert page.endswith(f"; editions: {named}")
    assert export.endswith(f" Inputs: {named}.")


def test_an_export_says_which_years_are_partial(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        export = dataset(con, "indicator/sdg.10.c.1")
    rows = export.frame.set_index(["area", "year"])["period"]
    assert (rows[(900, 2020)], rows[(900, 2017)]) == ("2020, Q1–Q3", "2017")
    assert "the column period says which" in export.meta.description


def test_the_world_map_marks_partial_years_and_names_base_years(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        costs = {y.year: y.label for y in year_choices(con, "sdg.10.c.1")}
        change = {y.year: y.label for y in year_choices(con, "stock.change_pct")}
    assert (costs[2020], costs[2017]) == ("2020, Q1–Q3", "2017")
    assert change[2020] == "2000–2020"
