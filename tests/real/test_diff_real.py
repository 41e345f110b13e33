"""Revisions between editions of the mirror's sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from migobs.claims.diff import diff
from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real


def test_world_stock_revised_from_2017_to_2020(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        world = [
            r
            for r in diff(con, "undesa_stock", "2017", "2020")
            if (r.area, r.key) == (900, "total")
        ]
    by_year = {r.year: (r.old, r.new) for r in world}
    assert by_year[2000][0] == 172_604_257
    assert by_year[2000][1] != by_year[2000][0]
    assert all(r.old_where.startswith("UN_MigrantStockTotal_2017.xlsx[Table 1]!") for r in world)


def test_missing_migrants_revised_upward_for_2017(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        found = diff(con, "iom_mmp", "2022", "2025")
    year_2017 = [r for r in found if r.year == 2017]
    assert sum(r.change for r in year_2017) == 6_400 - 6_284
    assert abs(found[0].change) == max(abs(r.change) for r in found)
