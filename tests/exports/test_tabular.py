from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from migobs.exports.table import TidyTable
from migobs.exports.tabular import write_csv, write_parquet


def test_csv_round_trip(stock_table: TidyTable, tmp_path: Path) -> None:
    (csv,) = write_csv(stock_table, tmp_path)
    back = pd.read_csv(csv)
    assert back.columns.tolist() == ["area", "area_name", "iso3", "year", "value"]
    france = back[(back.area == 250)].set_index("year")["value"]
    assert france[2015] == 7_918_382.0
    assert math.isnan(france[2019])


def test_parquet_round_trip_keeps_values_and_metadata(
    stock_table: TidyTable, tmp_path: Path
) -> None:
    (parquet,) = write_parquet(stock_table, tmp_path)
    back = pd.read_parquet(parquet)
    expected = stock_table.sorted()
    pd.testing.assert_frame_equal(back, expected, check_dtype=False)
    metadata = pq.read_schema(parquet).metadata
    assert metadata[b"migobs.unit"] == b"persons"
    assert metadata[b"migobs.name"] == b"undesa_stock/2019/by_destination"
