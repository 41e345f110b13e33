"""Numbers written for people on the warehouse built from the mirror: no scientific notation in
what the CLI prints, editions written as editions, each input's edition named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.indicators import compute
from migobs.warehouse.read import open_warehouse

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


@pytest.mark.parametrize("args", COMMANDS, ids=lambda args: " ".join(args[:2]))
def test_no_cli_output_uses_scientific_notation(built_warehouse: Path, args: list[str]) -> None:
    result = CliRunner().invoke(cli, args, env={"MIGOBS_WAREHOUSE": str(built_warehouse)})
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
