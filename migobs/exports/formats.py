"""Every export format by name: ``write(table, directory) -> files written``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path

from migobs.errors import ExportError
from migobs.exports.datapackage import write_datapackage
from migobs.exports.grapher import write_grapher
from migobs.exports.sdmx_csv import write_sdmx_csv1, write_sdmx_csv2
from migobs.exports.table import TidyTable
from migobs.exports.tabular import write_csv, write_parquet

Writer = Callable[[TidyTable, Path], list[Path]]


class FormatName(StrEnum):
    """The name of each export format."""

    csv = "csv"
    parquet = "parquet"
    grapher = "grapher"
    datapackage = "datapackage"
    sdmx_csv_2 = "sdmx-csv-2"
    sdmx_csv_1 = "sdmx-csv-1"


FORMATS: dict[str, Writer] = {
    FormatName.csv: write_csv,
    FormatName.parquet: write_parquet,
    FormatName.grapher: write_grapher,
    FormatName.datapackage: write_datapackage,
    FormatName.sdmx_csv_2: write_sdmx_csv2,
    FormatName.sdmx_csv_1: write_sdmx_csv1,
}


def export(table: TidyTable, directory: Path, formats: Iterable[str]) -> list[Path]:
    """Write ``table`` into ``directory`` in each of ``formats``; return every file written.

    Raises
    ------
    ExportError
        A format is not one of :data:`FORMATS`.
    """
    chosen = list(formats)
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown:
        raise ExportError(
            f"Unknown export format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}."
        )
    written: list[Path] = []
    for name in chosen:
        written += [p for p in FORMATS[name](table, directory) if p not in written]
    return written
