"""SDMX-CSV 2.0 (with the SDMX-ML 2.1 structure beside it) and SDMX-CSV 1.0 for older systems.

Both have one row per observation: the dataflow reference, one column per dimension (codes as
in the structure's codelists), ``TIME_PERIOD``, ``OBS_VALUE`` (``NaN`` where the source has no
value) and ``UNIT_MEASURE``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.exports.sdmx_structure import (
    area_code,
    dataflow_urn,
    dimensions,
    unit_code,
    write_structure,
)
from migobs.exports.table import TidyTable
from migobs.spreadsheet import inert_frame


def observations(table: TidyTable) -> pd.DataFrame:
    """The observations with SDMX column names and codes, in key order."""
    frame = table.sorted()
    columns: dict[str, object] = {}
    for dim in dimensions(table):
        values = frame[dim.column]
        columns[dim.id] = values.map(area_code) if dim.column == "area" else values.astype(str)
    columns["TIME_PERIOD"] = frame["year"].astype(int).astype(str)
    columns["OBS_VALUE"] = frame["value"].map(_number)
    columns["UNIT_MEASURE"] = unit_code(table.meta.unit)
    return pd.DataFrame(columns)


def write_sdmx_csv2(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.sdmx2.csv`` (SDMX-CSV 2.0) and ``<slug>.structure.xml`` (SDMX-ML 2.1)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.sdmx2.csv"
    body = observations(table)
    body.insert(0, "ACTION", "I")
    body.insert(0, "STRUCTURE_ID", dataflow_urn(table))
    body.insert(0, "STRUCTURE", "dataflow")
    inert_frame(body).to_csv(path, index=False, encoding="utf-8")
    return [path, write_structure(table, directory)]


def write_sdmx_csv1(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.sdmx1.csv`` (SDMX-CSV 1.0, ``DATAFLOW`` first) and the structure."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.sdmx1.csv"
    body = observations(table)
    body.insert(0, "DATAFLOW", dataflow_urn(table))
    inert_frame(body).to_csv(path, index=False, encoding="utf-8")
    return [path, write_structure(table, directory)]


def _number(value: float) -> str:
    return "NaN" if pd.isna(value) else repr(float(value))
