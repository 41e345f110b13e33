from __future__ import annotations

from pathlib import Path

import pytest

from migobs.config import Settings
from migobs.errors import QueryError, UnknownSource, ValueNotFound, WarehouseMissing
from migobs.warehouse.build import build
from migobs.warehouse.read import open_warehouse
from migobs.warehouse.read.sql import query
from migobs.warehouse.read.stock import countries, editions, stock_frame, stock_values
from migobs.warehouse.read.trace import trace
from tests.support.writers import stock


@pytest.fixture
def warehouse(small_mirror: Settings) -> Path:
    return build(small_mirror).path


def test_trace_gives_value_file_checksum_sheet_and_cell(warehouse: Path) -> None:
    with open_warehouse(warehouse) as con:
        found = trace(con, "undesa_stock", "2020", 2020, 900, sex="female")
        assert (found.value, found.sheet, found.cell, found.origin) == (
            stock(900, 6, "female"),
            "Table 1",
            "Z12",
            900,
        )
        assert found.file == "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"
        assert len(found.sha256) == 64
        by_origin = trace(con, "undesa_stock", "2017", 1990, 108, origin=9901)
        assert (by_origin.value, by_origin.cell, by_origin.sheet) == (10, "H6", "Sheet1")


def test_trace_errors_name_the_coordinates_and_known_editions(warehouse: Path) -> None:
    with open_warehouse(warehouse) as con:
        with pytest.raises(
            UnknownSource, match="Unknown edition '2024'.*Known editions: 2017, 2019, 2020"
        ):
            trace(con, "undesa_stock", "2024", 2020, 900)
        with pytest.raises(
            ValueNotFound, match="year 2016, destination 900, origin 900, sex total"
        ):
            trace(con, "undesa_stock", "2017", 2016, 900)
        with pytest.raises(QueryError, match="Unknown sex 'both'"):
            trace(con, "undesa_stock", "2017", 2017, 900, sex="both")


def test_stock_reads(warehouse: Path) -> None:
    with open_warehouse(warehouse) as con:
        assert editions(con) == ["2017", "2019", "2020"]
        assert countries(con, "2019") == [108, 404, 830]
        values = stock_values(con, "2017", year=2017, origin=900, sex=None, destination=830)
        assert [(v.sex, v.value) for v in values] == [
            ("female", stock(830, 6, "female")),
            ("male", stock(830, 6, "male")),
            ("total", stock(830, 6, "total")),
        ]
        frame = stock_frame(con, "2019")
        assert set(frame.columns) >= {"value", "file", "sha256", "sheet", "cell"}
        assert len(frame) == 7 * 9


def test_sql_is_read_only(warehouse: Path) -> None:
    with open_warehouse(warehouse) as con:
        result = query(con, "SELECT m49, kind FROM areas WHERE m49 = 900")
        assert result.records() == [{"m49": 900, "kind": "world"}]
        for statement in (
            "DELETE FROM areas",
            "COPY areas TO 'x.csv'",
            "ATTACH 'y.db'",
            "SELECT 1; SELECT 2",
        ):
            with pytest.raises(QueryError):
                query(con, statement)
        with pytest.raises(QueryError, match="The query failed"):
            query(con, "SELECT nope FROM areas")


def test_open_missing_warehouse_says_how_to_build(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing, match="Run `migobs build`"):
        open_warehouse(tmp_path / "none.duckdb")
