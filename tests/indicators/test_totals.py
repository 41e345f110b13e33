"""Groupings summed from members as the file gives them, and groupings held under two codes."""

from __future__ import annotations

import duckdb
import pytest

from migobs.claims.findings import aggregate_findings
from migobs.indicators import compute, table

UK, GUERNSEY, JERSEY, CHANNEL, M49_NORTH, DESA_NORTH = 826, 831, 832, 830, 154, 924


@pytest.fixture
def north(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Northern Europe under M49 (154: UK, Guernsey, Jersey) and as the 2017 file publishes it
    (924), with the Channel Islands (830) as one row."""
    con.executemany(
        "INSERT INTO areas VALUES (?, NULL, NULL, ?, ?)",
        [
            (UK, "United Kingdom", "country"),
            (GUERNSEY, "Guernsey", "country"),
            (JERSEY, "Jersey", "country"),
            (CHANNEL, "Channel Islands", "country"),
            (M49_NORTH, "Northern Europe", "subregion"),
            (DESA_NORTH, "Northern Europe", "subregion"),
        ],
    )
    con.executemany(
        "INSERT INTO area_groups VALUES (?, ?, ?)",
        [(M49_NORTH, m, "m49") for m in (UK, GUERNSEY, JERSEY)]
        + [(CHANNEL, m, "composite") for m in (GUERNSEY, JERSEY)],
    )
    con.executemany(
        "INSERT INTO migrant_stock VALUES "
        "('undesa_stock', '2017', 2017, ?, 900, 'total', ?, 1, 'Table 1', ?, NULL)",
        [(UK, 8_800, "L165"), (CHANNEL, 83, "L161"), (DESA_NORTH, 8_883, "L160")],
    )
    return con


def test_a_composite_the_file_gives_counts_in_place_of_its_parts(
    north: duckdb.DuckDBPyConnection,
) -> None:
    value = compute(north, "stock.total", M49_NORTH, 2017, "2017")
    assert (value.value, value.published) == (8_883, 8_883)
    assert sorted(c.cell for c in value.inputs) == ["L161", "L165"]
    assert "published as UN_MigrantStockTotal_2017.xlsx[Table 1]!L160" in value.method
    assert aggregate_findings(north, "stock.total", 2017, "2017") == []


def test_a_grouping_short_of_members_is_compared_with_its_same_named_published_row(
    north: duckdb.DuckDBPyConnection,
) -> None:
    north.execute("DELETE FROM area_groups WHERE scheme = 'composite'")
    value = compute(north, "stock.total", M49_NORTH, 2017, "2017")
    assert (value.value, value.published) == (8_800, 8_883)
    found = [f for f in aggregate_findings(north, "stock.total", 2017, "2017") if f.area == 154]
    assert [(f.type, f.observed, f.expected) for f in found] == [
        ("computed-differs-from-published", 8_800, 8_883)
    ]


def test_a_grouping_held_under_two_codes_is_listed_once_when_they_agree(
    north: duckdb.DuckDBPyConnection,
) -> None:
    listed = {v.area for v in table(north, "stock.total", 2017, "2017")}
    assert DESA_NORTH in listed and M49_NORTH not in listed
    north.execute("DELETE FROM area_groups WHERE scheme = 'composite'")
    listed = {v.area for v in table(north, "stock.total", 2017, "2017")}
    assert {DESA_NORTH, M49_NORTH} <= listed  # they differ: both shown, with the finding
