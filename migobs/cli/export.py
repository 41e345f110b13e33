"""``migobs export``: a table of the warehouse in the formats of the field."""

from __future__ import annotations

from pathlib import Path

import click

from migobs.cli._common import ImportedChoice, reports_errors, settings_from


@click.command("export")
@click.argument("name", required=False)
@click.option(
    "--format",
    "formats",
    type=ImportedChoice("migobs.exports.formats:FormatName"),
    multiple=True,
    help="Format to write; repeat for several. Default: every format (a grapher CSV writes "
    "each value of a further dimension, such as sex or origin, as a column of its own).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("export"),
    show_default=True,
    help="Folder to write into (created if missing).",
)
@click.option("--list", "list_only", is_flag=True, help="List the tables that can be exported.")
@click.pass_context
@reports_errors
def export_command(
    ctx: click.Context, name: str | None, formats: tuple[str, ...], out: Path, list_only: bool
) -> None:
    """Write table NAME (e.g. undesa_stock/2019/by_destination) as CSV, Parquet, grapher CSV,
    Data Package, SDMX-CSV 2.0 and 1.0 (with an SDMX-ML 2.1 structure), and one README
    listing every file written with its sources, licence and citation.

    `migobs export --list` shows the names the warehouse holds.
    """
    from migobs.exports.datasets import dataset, dataset_names
    from migobs.exports.formats import export
    from migobs.warehouse.read.session import reading

    settings = settings_from(ctx)
    with reading(settings.warehouse) as con:
        if list_only or name is None:
            for known in dataset_names(con):
                click.echo(known)
            return
        table = dataset(con, name)
    exported = export(table, out, formats or None)
    for path in exported.files:
        click.echo(str(path))
