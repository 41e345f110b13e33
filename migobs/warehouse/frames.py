"""Append a pandas DataFrame to a warehouse table in one statement (no row-by-row inserts)."""

from __future__ import annotations

import duckdb
import pandas as pd
import pyarrow as pa


def append(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> int:
    """Insert every row of ``frame`` into ``table``, matching columns by name; return the count.

    Columns of the table missing from ``frame`` get their default (NULL). The insert runs on a
    cursor of ``con``, so an unfinished result on ``con`` does not get in the way. DuckDB is
    handed the frame as an Arrow table: pandas' text columns are Arrow arrays already, which
    DuckDB reads as they are, where it would make a Python string of every value of a frame.
    """
    if frame.empty:
        return 0
    view = f"_append_{table}"
    with con.cursor() as cursor:
        cursor.register(view, pa.Table.from_pandas(frame, preserve_index=False))
        cursor.execute(f'INSERT INTO "{table}" BY NAME SELECT * FROM "{view}"')
    return len(frame)
