"""Every export format by name (``write(table, directory) -> files written``), and
:func:`export`, which writes several with one README."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from migobs.errors import ExportError
from migobs.exports.datapackage import write_datapackage
from migobs.exports.grapher import write_grapher
from migobs.exports.readme import write_readme
from migobs.exports.sdmx.csv import write_sdmx_csv1, write_sdmx_csv2
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


@dataclass(frozen=True)
class Exported:
    """What :func:`export` wrote: every file, the README last."""

    files: list[Path]


def export(table: TidyTable, directory: Path, formats: Iterable[str] | None = None) -> Exported:
    """Write ``table`` into ``directory`` in each of ``formats`` (default: every format),
    then one ``README.md`` that lists every file written (sources, licence, citation).

    Raises
    ------
    ExportError
        A format is not one of :data:`FORMATS`.
    """
    chosen = list(FORMATS) if formats is None else list(formats)
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown:
        raise ExportError(
            f"Unknown export format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}."
        )
    written: list[Path] = []
    for name in chosen:
        written += [p for p in FORMATS[name](table, directory) if p not in written]
    readme = write_readme(table, directory, [p.name for p in written])
    return Exported(files=[*written, readme])
