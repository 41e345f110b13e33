"""Revisions between editions of the mirror's sources, checked by hand against the files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from migobs.claims.diff import diff
from migobs.errors import ValueNotFound
from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def con(built_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(built_warehouse) as connection:
        yield connection


def test_world_stock_revised_from_2017_to_2020(con: duckdb.DuckDBPyConnection) -> None:
    world = {
        r.year: r
        for r in diff(con, "undesa_stock", "2017", "2020")
        if (r.area, r.key) == (900, "total")
    }
    # 2017 edition Table 1!H17 and 2020 edition Table 1!H12 (WORLD, 2000)
    assert (world[2000].old, world[2000].new) == (172_604_257, 173_230_585)
    assert world[2000].old_where == "UN_MigrantStockTotal_2017.xlsx[Table 1]!H17"
    assert world[2000].new_where.endswith("[Table 1]!H12")


def test_income_group_revisions_are_marked_as_reclassification(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = diff(con, "undesa_stock", "2017", "2019")
    lower_middle = next(r for r in found if (r.area, r.year, r.key) == (1501, 2015, "total"))
    # the ANNEX of 2017 lists 52 lower-middle-income countries, that of 2019 46 of them
    assert "0 countries joined and 6 left" in lower_middle.note
    world = next(r for r in found if (r.area, r.key) == (900, "total"))
    assert world.note == ""


def test_missing_migrants_revised_upward_for_2017(con: duckdb.DuckDBPyConnection) -> None:
    found = diff(con, "iom_mmp", "2022", "2025")
    north_america = next(r for r in found if (r.year, r.key) == (2017, "North America"))
    # sum of 'Total Number of Dead and Missing', Incident year 2017, region North America
    assert (north_america.old, north_america.new) == (348, 458)
    assert sum(r.change for r in found if r.year == 2017) == 6_400 - 6_284
    assert abs(found[0].change) == max(abs(r.change) for r in found)


def test_the_partial_export_year_is_not_a_revision(con: duckdb.DuckDBPyConnection) -> None:
    found = diff(con, "iom_mmp", "2022", "2025")
    assert {r.year for r in found} == set(range(2014, 2022))  # 2022 vintage exported 2022-05-15


def test_editions_with_nothing_in_common_are_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="2024-10-24: gdp; 2025-07-01: remittances_received"):
        diff(con, "wdi", "2024-10-24", "2025-07-01")
    with pytest.raises(ValueNotFound, match=r"compared with itself.*held: 2019"):
        diff(con, "wpp", "2019", "2019")
