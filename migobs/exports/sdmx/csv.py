"""SDMX-CSV 2.0 (with the SDMX-ML 2.1 structure beside it) and SDMX-CSV 1.0 for older systems.

Both have one row per observation with a value: the dataflow reference, one column per
dimension (codes as in the structure's codelists), ``TIME_PERIOD``, ``OBS_VALUE`` and the
attributes ``UNIT_MEASURE``, ``UNIT_MULT`` and ``OBS_STATUS``.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.exports.sdmx.artefacts import codelists, flow_of, table_areas
from migobs.exports.sdmx.observations import observations
from migobs.exports.sdmx.structure_xml import Structures, structure_xml
from migobs.exports.table import TidyTable
from migobs.spreadsheet import inert_frame


def table_structures(table: TidyTable) -> Structures:
    """Everything the table's structure message holds: its dataflow, its DSD, the codelists it
    uses and the concept scheme."""
    flow = flow_of(table)
    lists = codelists(table_areas(table))
    return Structures((flow,), tuple(lists[c] for c in flow.codelists), True, (flow,))


def write_structure(table: TidyTable, directory: Path) -> Path:
    """Write ``<slug>.structure.xml`` (SDMX-ML 2.1) into ``directory`` and return its path."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.structure.xml"
    path.write_bytes(structure_xml(table_structures(table), f"STR_{table.meta.sdmx_id}"))
    return path


def sdmx_csv2(table: TidyTable) -> pd.DataFrame:
    """The SDMX-CSV 2.0 rows of ``table``."""
    body = observations(table)
    body.insert(0, "ACTION", "I")
    body.insert(0, "STRUCTURE_ID", flow_of(table).urn)
    body.insert(0, "STRUCTURE", "dataflow")
    return body


def write_sdmx_csv2(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.sdmx2.csv`` (SDMX-CSV 2.0) and ``<slug>.structure.xml`` (SDMX-ML 2.1)."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.sdmx2.csv"
    inert_frame(sdmx_csv2(table)).to_csv(path, index=False, encoding="utf-8")
    return [path, write_structure(table, directory)]


def write_sdmx_csv1(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.sdmx1.csv`` (SDMX-CSV 1.0, ``DATAFLOW`` first) and the structure."""
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{table.meta.slug}.sdmx1.csv"
    body = observations(table)
    body.insert(0, "DATAFLOW", flow_of(table).urn)
    inert_frame(body).to_csv(path, index=False, encoding="utf-8")
    return [path, write_structure(table, directory)]
