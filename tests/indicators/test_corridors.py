"""Remittance corridors of the KNOMAD bilateral matrix on the small warehouse."""

from __future__ import annotations

import duckdb
import pytest

from migobs.errors import ValueNotFound
from migobs.indicators import compute, table
from tests.support.small_warehouse import BURUNDI, FRANCE, KENYA, WORLD


def test_top_remittance_corridors_leave_out_the_world_row_and_column(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = table(con, "remittances.corridor", 2017)
    assert [(v.counterpart, v.area, v.value) for v in found] == [
        (FRANCE, KENYA, 3.0e8),
        (FRANCE, BURUNDI, 1.0e8),
        (KENYA, BURUNDI, 0.5e8),
    ]


def test_one_corridor_needs_its_sending_country(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="sending country"):
        compute(con, "remittances.corridor", KENYA, 2017)
    assert (
        compute(con, "remittances.corridor", KENYA, 2017, counterpart=FRANCE).inputs[0].cell == "C5"
    )


def test_received_is_the_matrix_total_with_the_corridors_beside_it(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert compute(con, "remittances.bilateral_received", BURUNDI, 2017).value == 1.5e8
    world = compute(con, "remittances.bilateral_received", WORLD, 2017)
    assert (world.value, world.from_members) == (4.6e8, pytest.approx(4.5e8))
