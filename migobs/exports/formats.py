"""Every export format by name (``write(table, directory) -> files written``), and
:func:`export`, which writes several with one README."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from migobs.errors import ExportError
from migobs.exports.datapackage import write_datapackage
from migobs.exports.grapher import grapher_refusal, write_grapher
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


REFUSALS: dict[str, Callable[[TidyTable], str | None]] = {FormatName.grapher: grapher_refusal}
"""Formats some tables cannot be written in, and the check that says why."""


@dataclass(frozen=True)
class Exported:
    """What :func:`export` wrote: every file (the README last), and the formats skipped with
    the reason (format → why)."""

    files: list[Path]
    skipped: dict[str, str]


def refusal(table: TidyTable, name: str) -> str | None:
    """Why ``table`` cannot be written as format ``name``, or ``None`` when it can."""
    check = REFUSALS.get(name)
    return check(table) if check else None


def export(table: TidyTable, directory: Path, formats: Iterable[str] | None = None) -> Exported:
    """Write ``table`` into ``directory`` in each of ``formats``, then one ``README.md`` that
    lists every file written (sources, licence, citation).

    Without ``formats``, every format the table can be written in; those it cannot (a grapher
    CSV of a table with dimensions) are skipped and the README says why. Nothing is written
    when a format asked for cannot be.

    Raises
    ------
    ExportError
        A format is not one of :data:`FORMATS`, or ``table`` cannot be written in one asked for.
    """
    chosen = list(FORMATS) if formats is None else list(formats)
    unknown = [name for name in chosen if name not in FORMATS]
    if unknown:
        raise ExportError(
            f"Unknown export format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}."
        )
    skipped = {name: why for name in chosen if (why := refusal(table, name))}
    if formats is not None and skipped:
        name, why = next(iter(skipped.items()))
        fitting = [f for f in FORMATS if not refusal(table, f)]
        raise ExportError(
            f"Cannot export {table.meta.name} as {name}: {why}. Formats it can be written in: "
            f"{', '.join(fitting)}."
        )
    written: list[Path] = []
    for name in chosen:
        if name not in skipped:
            written += [p for p in FORMATS[name](table, directory) if p not in written]
    readme = write_readme(table, directory, [p.name for p in written], skipped)
    return Exported(files=[*written, readme], skipped=skipped)
