"""The cross-source checks on a small warehouse whose rows the tests insert."""

from __future__ import annotations

import duckdb
import pytest

from migobs.warehouse import schema
from migobs.warehouse.checks import (
    knomad_totals,
    missing_migrants,
    net_migration,
    refugees,
    wdi_aggregates,
)
from migobs.warehouse.loaders import wdi


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


def test_a_check_names_an_area_by_its_code_as_m49_text(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        "INSERT INTO migrant_stock (source, edition, year, destination, origin, sex, value, "
        "file_id, sheet, cell) VALUES ('undesa_stock', '2017', 2017, 12, 900, 'total', 50, 1, "
        "'Table 1', 'L20')"
    )
    con.execute(
        "INSERT INTO refugees (source, edition, year, origin, asylum, refugees, file_id, "
        "row_number) VALUES ('unhcr', 'e', 2017, 250, 12, 80, 2, 7)"
    )
    (found,) = refugees.check(con)
    assert "gives Algeria (012) a migrant stock of 50 in 2017" in found.message


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
    rows = [(12, -1000.0), (250, 1500.0), (900, 3.0)]  # the file's WORLD row says 3
    series(con, "wpp", "net_migrants", rows, period="2010-2015")
    (found,) = net_migration.check(con)
    assert found.type == "net-migration-not-zero"
    assert found.rows == [
        {
            "sheet": "S",
            "period": "2010-2015",
            "column": "A",
            "world_cell": "A1",
            "world_value": 3.0,
            "sum": 500.0,
            "gross": 2500.0,
            "countries": 2,
        }
    ]
    assert "column A; the file's WORLD row says 3 in A1" in found.message


def test_wdi_world_against_its_economies(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("INSERT INTO area_groups VALUES (900, 12, 'wdi/e'), (900, 250, 'wdi/e')")
    series(con, "wdi", "gdp", [(12, 10.0), (250, 90.0), (900, 100.5)])
    assert wdi_aggregates.check(con) == []  # within 1 %
    series(con, "wdi", "oda_received", [(12, 10.0), (250, 20.0), (900, 50.0)])
    (found,) = wdi_aggregates.check(con)
    assert (found.observed, found.expected) == (50.0, 30.0)
    assert found.rows[0]["cell"] == "A1"


def remittance(
    con: duckdb.DuckDBPyConnection, down: int, across: int, value: float, cell: str
) -> None:
    con.execute(
        "INSERT INTO bilateral_remittances VALUES ('knomad', '2017', 2017, ?, ?, ?, 1, 'B', ?)",
        [down, across, value, cell],
    )


def test_knomad_world_row_and_grand_total_against_their_cells(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # 2 senders (12, 250) x 2 receivers (12, 250); WORLD (900) row 4, column D
    for down, across, value, cell in [
        (12, 12, 1.0e6, "B2"), (12, 250, 2.0e6, "C2"), (12, 900, 3.0e6, "D2"),
        (250, 12, 4.0e6, "B3"), (250, 250, 5.0e6, "C3"), (250, 900, 9.0e6, "D3"),
        (900, 12, 5.0e6, "B4"), (900, 250, 7.0e6, "C4"), (900, 900, 12.0e6, "D4"),
    ]:  # fmt: skip
        remittance(con, down, across, value, cell)
    assert knomad_totals.check(con) == []
    # the cached WORLD cell of France's column says 7.5 where its cells sum to 7
    con.execute("UPDATE bilateral_remittances SET value = 7.5e6 WHERE cell IN ('C4', 'D4')")
    found = {f.title: f for f in knomad_totals.check(con)}
    assert len(found) == 2
    (row,) = [f for f in found.values() if "WORLD row" in f.title]
    assert row.rows == [
        {
            "table": "bilateral_remittances",
            "total": "WORLD row",
            "area": 250,
            "sheet": "B",
            "cell": "C4",
            "stated": 7.5e6,
            "sum_of_cells": 7.0e6,
            "cells": 2,
        }
    ]
    assert "C4 (France) states 7,500,000, its cells sum to 7,000,000" in row.message
    (total,) = [f for f in found.values() if "grand total" in f.title]
    assert (total.rows[0]["cell"], total.observed, total.expected) == ("D4", 7.5e6, 12.0e6)


def test_wdi_edition_without_metadata_borrows_another_editions_groupings(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert wdi.groupings_from() == {"2021-09-15": "2025-07-01"}
    con.execute(
        "INSERT INTO area_groups VALUES (900, 12, 'wdi/2025-07-01'), (900, 250, 'wdi/2025-07-01')"
    )
    assert wdi_aggregates.check(con) == []
    series(
        con, "wdi", "remittances_paid", [(12, 10.0), (250, 20.0), (900, 50.0)], edition="2021-09-15"
    )
    assert wdi_aggregates.check(con) == []  # no groupings of its own: not checked
    wdi.borrow_groupings(con)
    wdi.borrow_groupings(con)  # once only
    (found,) = wdi_aggregates.check(con)
    assert (found.edition, found.observed, found.expected) == ("2021-09-15", 50.0, 30.0)
    scheme = con.execute("SELECT count(*) FROM area_groups WHERE scheme = 'wdi/2021-09-15'")
    assert scheme.fetchone() == (2,)
