"""`migobs trace`: a value with its file, sheet and cell; unknown editions and sources explained."""

from __future__ import annotations

import json

import pytest

from migobs.config import Settings
from tests.support.cli import migobs
from tests.support.writers import stock


def test_trace_json(built: Settings) -> None:
    result = migobs(
        built,
        "trace",
        "undesa_stock",
        "--edition",
        "2017",
        "--year",
        "2017",
        "--destination",
        "900",
        "--json",
    )
    found = json.loads(result.output)
    assert found["value"] == stock(900, 6, "total")
    assert (found["file"], found["sheet"], found["cell"]) == (
        "UN_MigrantStockTotal_2017.xlsx",
        "Table 1",
        "L17",
    )
    assert len(found["sha256"]) == 64


def test_trace_unknown_edition_exits_1(built: Settings) -> None:
    result = migobs(
        built,
        "trace",
        "undesa_stock",
        "--edition",
        "2016",
        "--year",
        "2017",
        "--destination",
        "900",
    )
    assert result.exit_code == 1
    assert "Known editions: 2017, 2019, 2020" in result.output


def test_trace_of_a_source_without_migrant_stock_says_what_it_traces(built: Settings) -> None:
    args = ("--edition", "2019", "--year", "2020", "--destination", "900")
    result = migobs(built, "trace", "wpp", *args)
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert (
        "holds no migrant stock from 'wpp'; migrant stock is traced for: undesa_stock." in message
    )
    assert "wpp is loaded into series" in message
    assert (
        "SELECT * FROM series JOIN source_files f USING (file_id) WHERE f.source = 'wpp'" in message
    )
    assert "Known editions: none" not in message
    unknown = migobs(built, "trace", "nope", *args)
    assert "'nope' is not loaded either" in " ".join(unknown.output.split())


@pytest.mark.parametrize("destination", ["404", "0404", "KEN", "ken", "Kenya"])
def test_trace_takes_any_identifier_of_the_destination(built: Settings, destination: str) -> None:
    args = ["--edition", "2017", "--year", "2017", "--json"]
    result = migobs(built, "trace", "undesa_stock", *args, "--destination", destination)
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["value"] == stock(404, 6, "total")
    assert (found["destination"], found["origin"]) == ("404", "900")


def test_trace_writes_codes_as_text(built: Settings) -> None:
    args = ["--edition", "2017", "--year", "2017", "--destination", "KEN"]
    result = migobs(built, "trace", "undesa_stock", *args)
    assert result.exit_code == 0, result.output
    assert "destination 404, origin 900, total" in result.output


def test_trace_with_an_ambiguous_name_lists_the_candidates(built: Settings) -> None:
    args = ["--edition", "2017", "--year", "2017"]
    result = migobs(built, "trace", "undesa_stock", *args, "--destination", "Afri")
    assert result.exit_code == 1
    assert "'Afri' fits" in result.output
    assert "Sub-Saharan Africa (M49 202)" in result.output
