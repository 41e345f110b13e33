from __future__ import annotations

import duckdb

from migobs.web.variables import year_choices
from tests.support.small_warehouse import KENYA, build


def test_indicator_years_are_those_with_a_value() -> None:
    con: duckdb.DuckDBPyConnection = build()
    try:
        con.execute(
            "INSERT INTO series VALUES ('wdi', '2025-07-01', 'remittances_received', ?, 2018, "
            "NULL, 2.2e9, 'current_usd', 'x', 3, NULL, 'BK120')",
            [KENYA],
        )
        years = year_choices(con, "sdg.17.3.2")
        received = year_choices(con, "remittances.received")
    finally:
        con.close()
    assert [y.year for y in years] == [2017]  # 2018 has remittances but no GDP anywhere
    assert years[0].areas >= 2 and not years[0].projection  # Kenya and the world
    assert [y.year for y in received] == [2017, 2018]
    assert received[-1].year == 2018 and received[-1].areas < received[0].areas
