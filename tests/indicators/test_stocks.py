"""Migrant-stock indicators on the small warehouse, each checked by hand."""

from __future__ import annotations

import duckdb
import pytest

from migobs.errors import UnknownSource
from migobs.indicators import compute, table, years
from tests.support.small_warehouse import BURUNDI, EAST_AFRICA, FRANCE, KENYA, WORLD


def test_an_edition_not_held_is_refused_with_the_ones_held(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(UnknownSource, match="2017, 2020"):
        compute(con, "stock.total", WORLD, 2017, "2015")


def test_country_total_is_its_cell(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.total", KENYA, 2017, "2017")
    assert value.value == 1200
    assert value.method == "stated"
    assert [(c.file, c.sheet, c.cell) for c in value.inputs] == [
        ("UN_MigrantStockTotal_2017.xlsx", "Table 1", "L20")
    ]


def test_grouping_is_its_published_row_with_the_members_sum_beside_it(
    con: duckdb.DuckDBPyConnection,
) -> None:
    value = compute(con, "stock.total", EAST_AFRICA, 2000, "2017")
    assert (value.value, value.from_members) == (1350, 1300)
    assert value.method == "published aggregate"


def test_newest_edition_by_default(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.total", WORLD, 2020)
    assert (value.edition, value.value) == ("2020", 9000)


def test_share_of_population_divides_table_1_by_table_2(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.share_of_population", WORLD, 2017, "2017")
    assert value.value == pytest.approx(100 * 8600 / 124_000)
    assert value.published == 6.9
    assert [c.cell for c in value.inputs] == ["L17", "K17"]


def test_female_share(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.female_share", WORLD, 2017, "2017")
    assert value.value == pytest.approx(100 * 4300 / 8600)


def test_change_over_a_period_absolute_and_percent(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "stock.change", WORLD, 2017, "2017").value == 1300
    pct = compute(con, "stock.change_pct", WORLD, 2017, "2017", base_year=2000)
    assert pct.value == pytest.approx(100 * (8600 / 7300 - 1))
    group = compute(con, "stock.change", EAST_AFRICA, 2017, "2017")
    assert (group.value, group.from_members) == (250, 300)


def test_emigrants_by_origin_and_of_a_grouping(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "stock.emigrants", KENYA, 2017).value == 900
    group = compute(con, "stock.emigrants", EAST_AFRICA, 2017)
    assert group.value == 1050
    assert group.method.startswith("sum of 2 of 2 members")


def test_top_corridors_largest_first(con: duckdb.DuckDBPyConnection) -> None:
    found = table(con, "stock.corridor", 2017)
    assert [(v.counterpart, v.area, v.value) for v in found] == [
        (KENYA, FRANCE, 800),
        (BURUNDI, FRANCE, 100),
    ]
    assert compute(con, "stock.corridor", FRANCE, 2017, counterpart=KENYA).inputs[0].cell == "EM30"


def test_table_lists_countries_and_groupings(con: duckdb.DuckDBPyConnection) -> None:
    found = {v.area: v.value for v in table(con, "stock.total", 2017, "2017")}
    assert found == {KENYA: 1200, BURUNDI: 400, FRANCE: 7000, WORLD: 8600, EAST_AFRICA: 1600}
    assert years(con, "stock.total", "2017") == [2000, 2017]


def test_a_year_the_edition_lacks_says_which_years_it_has(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.total", WORLD, 2017)
    assert value.value is None
    assert value.note == "edition 2020 has no 2017; its years: 2000, 2020"


def test_men_are_their_own_cells(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO migrant_stock VALUES ('undesa_stock', '2017', 2017, 404, 900, 'male', 700, "
        "1, 'Table 1', 'S20', NULL), ('undesa_stock', '2017', 2017, 108, 900, 'male', 200, 1, "
        "'Table 1', 'S21', NULL)"
    )
    kenya = compute(con, "stock.male", KENYA, 2017, "2017")
    assert (kenya.value, kenya.inputs[0].cell) == (700, "S20")
    east = compute(con, "stock.male", EAST_AFRICA, 2017, "2017")
    assert (east.value, east.method) == (900, "sum of 2 of 2 members (undesa_stock/2017)")
