"""SDG 10.c.1 (Remittance Prices Worldwide) on the small warehouse."""

from __future__ import annotations

import duckdb
import pytest

from migobs.errors import ValueNotFound
from migobs.indicators import compute, table
from tests.support.small_warehouse import FRANCE, KENYA, WORLD


def test_world_is_the_simple_average_of_every_observation_of_the_year(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # France→Kenya 6.0 (Q1), 8.0 (Q2); France→Burundi 4.0 (Q1)
    value = compute(con, "sdg.10.c.1", WORLD, 2017)
    assert value.value == pytest.approx((6.0 + 8.0 + 4.0) / 3)
    assert len(value.inputs) == 3


def test_the_quarterly_series_averages_one_quarter(con: duckdb.DuckDBPyConnection) -> None:
    # France→Kenya 6.0 (Q1), 8.0 (Q2); France→Burundi 4.0 (Q1)
    first = compute(con, "sdg.10.c.1.quarterly", WORLD, 2017, quarter=1)
    assert (first.value, first.period) == (pytest.approx(5.0), "2017 Q1")
    last = compute(con, "sdg.10.c.1.quarterly", WORLD, 2017)
    assert (last.value, last.period) == (pytest.approx(8.0), "2017 Q2")


def test_a_partial_year_says_which_quarters(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.c.1", WORLD, 2017).when() == "2017, Q1–Q2"


def test_receiving_and_sending_country(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.c.1", KENYA, 2017).value == pytest.approx(7.0)
    assert compute(con, "sdg.10.c.1.sending", FRANCE, 2017).value == pytest.approx(6.0)


def test_share_of_corridors_above_5_percent(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.c.1.above_5pct", WORLD, 2017).value == pytest.approx(50.0)


def test_corridor_needs_its_sending_country(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="sending country"):
        compute(con, "sdg.10.c.1.corridor", KENYA, 2017)
    value = compute(con, "sdg.10.c.1.corridor", KENYA, 2017, counterpart=FRANCE)
    assert (value.value, value.counterpart) == (pytest.approx(7.0), FRANCE)
    assert [v.area for v in table(con, "sdg.10.c.1.corridor", 2017)] == [KENYA, 108]
