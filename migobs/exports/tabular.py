"""CSV and Parquet in key order: CSV with an indicator's values to its stated decimals, Parquet
with full precision."""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from migobs.exports.table import COLUMN_MEANINGS, TidyTable
from migobs.spreadsheet import inert_frame


def write_csv(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.csv`` (UTF-8, empty cell for a missing value)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.csv"
    inert_frame(table.stated()).to_csv(path, index=False, encoding="utf-8")
    return [path]


def write_parquet(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.parquet`` with the metadata in its schema."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.parquet"
    arrow = pa.Table.from_pandas(table.sorted(), preserve_index=False)
    arrow = arrow.cast(
        pa.schema(
            field.with_metadata({b"description": COLUMN_MEANINGS[field.name].encode()})
            if field.name in COLUMN_MEANINGS
            else field
            for field in arrow.schema
        )
    )
    meta = table.meta
    extra = {
        b"migobs.name": meta.name.encode(),
        b"migobs.title": meta.title.encode(),
        b"migobs.unit": meta.unit.encode(),
        b"migobs.licence": meta.licence.encode(),
    }
    arrow = arrow.replace_schema_metadata({**(arrow.schema.metadata or {}), **extra})
    pq.write_table(arrow, path)
    return [path]
