"""SDG 10.7.3 (Missing Migrants) and 10.7.4 (UNHCR refugees per 100,000) on the small warehouse."""

from __future__ import annotations

import duckdb
import pytest

from migobs.indicators import compute, deaths_by, table, years
from tests.support.small_warehouse import BURUNDI, EAST_AFRICA, KENYA, WORLD


def test_world_counts_every_incident_of_the_year(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "sdg.10.7.3", WORLD, 2017, "2022")
    assert value.value == 35
    assert [c.cell for c in value.inputs] == ["row 2", "row 3", "row 4"]


def test_country_and_grouping_count_incidents_in_them(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.7.3", KENYA, 2017, "2025").value == 12
    assert compute(con, "sdg.10.7.3", EAST_AFRICA, 2017, "2022").value == 10


def test_cumulative_since_a_year(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.7.3", WORLD, 2018, "2022", since=2017).value == 42


def test_by_route_largest_first(con: duckdb.DuckDBPyConnection) -> None:
    found = deaths_by(con, "route", 2017, "2022")
    assert [(v.label, v.value) for v in found] == [
        ("Central Mediterranean", 20),
        ("(not stated)", 10),
        ("Italy to France", 5),
    ]


def test_the_partial_year_of_a_vintage_is_left_out(con: duckdb.DuckDBPyConnection) -> None:
    assert years(con, "sdg.10.7.3", "2025") == [2017, 2018]


def test_refugees_per_100000_of_origin_population(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "sdg.10.7.4", BURUNDI, 2017)
    assert value.value == pytest.approx(1500 / 10.0e6 * 100_000)
    assert [c.cell for c in value.inputs] == ["row 10", "row 11", "BW30"]


def test_world_refugees_count_unknown_origins(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "refugees.by_origin", WORLD, 2017).value == 1600
    assert compute(con, "sdg.10.7.4", WORLD, 2017).value == pytest.approx(1600 / 7.5e9 * 1e5)


def test_years_of_refugees_per_100000_end_with_the_population(
    con: duckdb.DuckDBPyConnection,
) -> None:
    con.execute(
        "INSERT INTO refugees VALUES ('unhcr', '2025.12.1', 2021, 108, 404, 1200, 0, 0, 0, 0, 0, "
        "0, NULL, 0, 8, 13)"
    )
    assert years(con, "refugees.by_origin") == [2017, 2021]
    assert years(con, "sdg.10.7.4") == [2017]  # WPP population ends in 2017 here
    assert [v.year for v in table(con, "sdg.10.7.4")][:1] == [2017]
