"""Every export format by name: ``write(table, directory) -> files written``."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from migobs.errors import ExportError
from migobs.exports.datapackage import write_datapackage
from migobs.exports.grapher import write_grapher
from migobs.exports.sdmx_csv import write_sdmx_csv1, write_sdmx_csv2
from migobs.exports.table import TidyTable
from migobs.exports.tabular import write_csv, write_parquet

Writer = Callable[[TidyTable, Path], list[Path]]

FORMATS: dict[str, Writer] = {
    "csv": write_csv,
    "parquet": write_parquet,
    "grapher": write_grapher,
    "datapackage": write_datapackage,
    "sdmx-csv-2": write_sdmx_csv2,
    "sdmx-csv-1": write_sdmx_csv1,
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
