"""Remittance indicators (WDI) on the small warehouse."""

from __future__ import annotations

import duckdb
import pytest

from migobs.indicators import compute, years
from tests.support.small_warehouse import BURUNDI, FRANCE, KENYA, WORLD


def test_world_is_the_world_bank_aggregate_with_the_members_sum_beside(
    con: duckdb.DuckDBPyConnection,
) -> None:
    value = compute(con, "remittances.received", WORLD, 2017)
    assert (value.value, value.from_members) == (3.0e9, pytest.approx(2.9e9))
    assert value.edition == "2025-07-01"
    assert value.inputs[0].cell == "BJ265"


def test_sdg_17_3_2_is_remittances_over_gdp(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "sdg.17.3.2", KENYA, 2017)
    assert value.value == pytest.approx(2.5)
    assert [c.file for c in value.inputs] == ["API_BX.csv", "API_GDP.csv"]


def test_remittances_against_oda(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "remittances.vs_oda", WORLD, 2017).value == pytest.approx(3.0)
    assert compute(con, "remittances.vs_oda", KENYA, 2017).value == pytest.approx(0.8)


def test_a_missing_input_gives_no_value_and_says_why(con: duckdb.DuckDBPyConnection) -> None:
    missing = compute(con, "sdg.17.3.2", BURUNDI, 2017)  # no GDP for Burundi
    assert missing.value is None
    assert missing.note == "not computable: no value in the file"


def test_years_of_a_ratio_are_those_both_series_have(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO series VALUES ('wdi', '2025-07-01', 'remittances_received', 404, 2018, NULL, "
        "2.2e9, 'current_usd', 'x', 3, NULL, 'BK120')"
    )
    assert years(con, "remittances.received") == [2017, 2018]
    assert years(con, "sdg.17.3.2") == [2017]  # GDP ends in 2017
    assert years(con, "remittances.vs_oda") == [2017]


def test_remittances_paid_is_its_own_extract(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO series VALUES ('wdi', '2021-09-15', 'remittances_paid', 250, 2017, NULL, "
        "1.5e9, 'current_usd', 'x', 3, NULL, 'BJ80'), ('wdi', '2021-09-15', 'remittances_paid', "
        "900, 2017, NULL, 4.0e9, 'current_usd', 'x', 3, NULL, 'BJ265')"
    )
    france = compute(con, "remittances.paid", FRANCE, 2017)
    assert (france.value, france.edition, france.inputs[0].cell) == (1.5e9, "2021-09-15", "BJ80")
    world = compute(con, "remittances.paid", WORLD, 2017)
    assert (world.value, world.from_members) == (4.0e9, 1.5e9)
    assert years(con, "remittances.paid") == [2017]
