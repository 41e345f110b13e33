from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from migobs.exports.readme import write_readme
from migobs.exports.table import TableMeta, TidyTable
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


def test_parquet_and_readme_say_the_direction_of_the_codes(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "area": [840],
            "area_name": ["United States of America"],
            "counterpart": [484],
            "year": [2019],
            "value": [11_489_684.0],
        }
    )
    meta = TableMeta(name="indicator/stock.corridor", title="Corridor", unit="persons")
    table = TidyTable(frame=frame, meta=meta, dimensions=("counterpart",))
    (path,) = write_parquet(table, tmp_path)
    schema = pq.read_schema(path)
    assert pa.types.is_large_string(schema.field("counterpart").type)
    assert b"the sender (remittances)" in schema.field("counterpart").metadata[b"description"]
    assert pq.read_table(path).to_pandas()["counterpart"].tolist() == ["484"]
    readme = write_readme(table, tmp_path, [path.name]).read_text()
    assert "- `counterpart`: UN M49 code (text) of the other end of the corridor" in readme
