"""Revisions between editions: both cells, the years compared, the editions refused."""

from __future__ import annotations

import duckdb
import pytest

from migobs.claims.diff import diff
from migobs.errors import UnknownSource, ValueNotFound
from tests.support.small_warehouse import WORLD


def test_stock_revisions_name_both_cells(con: duckdb.DuckDBPyConnection) -> None:
    [revision] = diff(con, "undesa_stock", "2017", "2020")
    assert (revision.area, revision.year, revision.old, revision.new) == (WORLD, 2000, 7300, 7400)
    assert revision.old_where == "UN_MigrantStockTotal_2017.xlsx[Table 1]!H17"
    assert revision.new_where == "undesa_2020.xlsx[Table 1]!H12"


def test_missing_migrants_revisions_by_year_and_region(con: duckdb.DuckDBPyConnection) -> None:
    [revision] = diff(con, "iom_mmp", "2022", "2025")
    assert (revision.year, revision.key, revision.change) == (2017, "Eastern Africa", 2)


def test_a_source_without_editions_to_compare_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(UnknownSource, match="undesa_stock"):
        diff(con, "natural_earth", "1", "2")


def test_the_year_a_vintage_was_exported_in_is_not_compared(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # 2018 is the last (partial) year of the 2022 vintage; a change there is not a revision
    con.execute(
        "UPDATE missing_migrants SET dead_and_missing = 70 WHERE edition = '2025' AND year = 2018"
    )
    assert [r.year for r in diff(con, "iom_mmp", "2022", "2025")] == [2017]


def test_the_same_edition_twice_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="held: 2017, 2020"):
        diff(con, "undesa_stock", "2017", "2017")
