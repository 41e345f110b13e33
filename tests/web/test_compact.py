from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from migobs.web.compact import measure
from tests.support.small_warehouse import BURUNDI, KENYA, build


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = build()
    # 2018 remittances are published before GDP: the ratio's newest year has no denominator
    connection.execute(
        "INSERT INTO series VALUES ('wdi', '2025-07-01', 'remittances_received', ?, 2018, "
        "NULL, 2.2e9, 'current_usd', 'x', 3, NULL, 'BK120')",
        [KENYA],
    )
    yield connection
    connection.close()


def test_measure_takes_the_newest_year_that_can_be_computed(
    con: duckdb.DuckDBPyConnection,
) -> None:
    share = measure(con, "sdg.17.3.2", KENYA)
    assert (share.year, share.value) == (2017, 2.5)  # 2.0e9 / 8.0e10, not 2018's missing GDP
    assert share.provenance == f"/api/indicators/sdg.17.3.2/areas/{KENYA}?year=2017"
    received = measure(con, "remittances.received", KENYA)
    assert (received.year, received.value) == (2018, 2.2e9)


def test_measure_says_why_when_no_year_can_be_computed(con: duckdb.DuckDBPyConnection) -> None:
    aid = measure(con, "sdg.17.3.2", BURUNDI)  # remittances but no GDP in any year
    assert aid.year is None and aid.value is None
    assert aid.note  # the indicator's own note, not an empty cell
