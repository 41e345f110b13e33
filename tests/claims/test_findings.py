"""Aggregate-versus-published findings."""

from __future__ import annotations

import duckdb
import pytest

from migobs.claims.findings import aggregate_findings
from tests.support.small_warehouse import EAST_AFRICA, WORLD


def test_a_grouping_that_is_not_the_sum_of_its_members_is_a_finding(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = aggregate_findings(con, "stock.total", 2000, "2017")
    assert [(f.type, f.area, f.observed, f.expected) for f in found] == [
        ("aggregate-differs-from-members", EAST_AFRICA, 1300, 1350)
    ]
    assert found[0].rows[0]["cell"] == "H18"


def test_a_computed_share_that_is_not_the_sources_own_is_a_finding(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = aggregate_findings(con, "stock.share_of_population", 2017, "2017")
    published = [f for f in found if f.type == "computed-differs-from-published"]
    assert [(f.area, f.expected) for f in published] == [(WORLD, 6.9)]
    assert published[0].observed == pytest.approx(100 * 8600 / 124_000)
