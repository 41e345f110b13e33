"""The cross-source checks on a small warehouse whose rows the tests insert."""

from __future__ import annotations

import duckdb
import pytest

from migobs.warehouse import schema
from migobs.warehouse.checks import missing_migrants, net_migration, refugees, wdi_aggregates


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(":memory:")
    schema.apply(connection)
    connection.execute(
        "INSERT INTO areas VALUES (900, NULL, NULL, 'World', 'world'), "
        "(12, 'DZA', 'DZ', 'Algeria', 'country'), (250, 'FRA', 'FR', 'France', 'country')"
    )
    return connection


def mmp(con: duckdb.DuckDBPyConnection, key: str, main: str, row: int, url: str = "u") -> None:
    con.execute(
        "INSERT INTO missing_migrants (source, edition, incident_key, main_id, incident_date, "
        "latitude, longitude, dead, dead_and_missing, cause, location, information_source, url, "
        "file_id, row_number) VALUES ('iom_mmp', '2025', ?, ?, DATE '2017-03-01', 35.5, 12.6, "
        "1, 1, 'Drowning', 'off Lampedusa', 'IOM', ?, 1, ?)",
        [key, main, url, row],
    )


def test_the_same_key_twice_is_a_duplicated_incident(con: duckdb.DuckDBPyConnection) -> None:
    mmp(con, "2017.MMP001", "2017.MMP001", 2)
    mmp(con, "2017.MMP001", "2017.MMP001", 9)
    found = [f for f in missing_migrants.check(con) if f.type == "duplicated-incident"]
    assert len(found) == 1
    assert found[0].rows == [
        {"incident_key": "2017.MMP001", "row_number": 2},
        {"incident_key": "2017.MMP001", "row_number": 9},
    ]


def test_identical_events_under_two_ids_are_possible_duplicates(
    con: duckdb.DuckDBPyConnection,
) -> None:
    mmp(con, "2017.MMP001", "2017.MMP001", 2)
    mmp(con, "2017.MMP002", "2017.MMP002", 3)
    mmp(con, "2017.MMP003", "2017.MMP003", 4, url="another source")
    (found,) = missing_migrants.check(con)
    assert found.type == "possible-duplicate-incident"
    assert found.rows[0]["row_numbers"] == [2, 3]


def test_split_incidents_of_one_main_id_are_not_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    mmp(con, "2017.MMP001", "2017.MMP001", 2)
    mmp(con, "2017.MMP002", "2017.MMP001", 3)
    assert missing_migrants.check(con) == []


def test_stock_below_the_refugees_it_includes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO migrant_stock (source, edition, year, destination, origin, sex, value, "
        "file_id, sheet, cell) VALUES ('undesa_stock', '2017', 2017, 250, 900, 'total', 100, "
        "1, 'Table 1', 'L30'), ('undesa_stock', '2017', 2017, 12, 900, 'total', 1000, 1, "
        "'Table 1', 'L20')"
    )
    con.execute(
        "INSERT INTO refugees (source, edition, year, origin, asylum, refugees, file_id, "
        "row_number) VALUES ('unhcr', 'e', 2017, 12, 250, 80, 2, 7), "
        "('unhcr', 'e', 2017, 900, 250, 40, 2, 8), ('unhcr', 'e', 2017, 250, 12, 10, 2, 9)"
    )
    (found,) = refugees.check(con)
    assert found.type == "stock-below-refugees"
    assert (found.observed, found.expected) == (100.0, 120.0)
    assert found.rows[0]["cell"] == "L30"
    assert [r["row_number"] for r in found.rows[1:]] == [7, 8]  # the UNHCR rows of the 120


def test_origin_equals_asylum_lists_only_rows_with_refugees(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO refugees (source, edition, year, origin, asylum, refugees, idps, file_id, "
        "row_number) VALUES ('unhcr', 'e', 2017, 12, 12, 0, 5000, 2, 3), "
        "('unhcr', 'e', 2017, 250, 250, 6, 0, 2, 4), ('unhcr', 'e', 1951, 9903, 9903, 9, 0, 2, 5)"
    )
    con.execute("INSERT INTO areas VALUES (9903, NULL, NULL, 'Unknown origin', 'special')")
    (found,) = refugees.check(con)
    assert found.type == "origin-equals-asylum"
    assert [r["row"] for r in found.rows] == [4]  # unknown -> unknown is not a country
    assert "2 rows" in found.message


def series(con: duckdb.DuckDBPyConnection, source: str, variable: str, rows: list[tuple[int, float]], period: str | None = None, edition: str = "e") -> None:  # fmt: skip
    for area, value in rows:
        con.execute(
            "INSERT INTO series VALUES (?, ?, ?, ?, 2017, ?, ?, 'u', 'u', 1, 'S', 'A1')",
            [source, edition, variable, area, period, value],
        )


def test_world_net_migration_that_does_not_cancel(con: duckdb.DuckDBPyConnection) -> None:
    series(con, "wpp", "net_migrants", [(12, -1000.0), (250, 1000.0)], period="2015-2020")
    assert net_migration.check(con) == []
    series(con, "wpp", "net_migrants", [(12, -1000.0), (250, 1500.0)], period="2010-2015")
    (found,) = net_migration.check(con)
    assert found.type == "net-migration-not-zero"
    assert found.rows == [
        {"sheet": "S", "period": "2010-2015", "sum": 500.0, "gross": 2500.0, "countries": 2}
    ]


def test_wdi_world_against_its_economies(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO area_groups VALUES (900, 12, 'wdi/e'), (900, 250, 'wdi/e')")
    series(con, "wdi", "gdp", [(12, 10.0), (250, 90.0), (900, 100.5)])
    assert wdi_aggregates.check(con) == []  # within 1 %
    series(con, "wdi", "oda_received", [(12, 10.0), (250, 20.0), (900, 50.0)])
    (found,) = wdi_aggregates.check(con)
    assert (found.observed, found.expected) == (50.0, 30.0)
    assert found.rows[0]["cell"] == "A1"
