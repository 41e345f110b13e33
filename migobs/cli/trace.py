"""``migobs trace``: where a migrant-stock figure comes from (file, sha256, sheet, cell)."""

from __future__ import annotations

import click

from migobs.cli._common import ImportedChoice, echo_json, reports_errors, settings_from


@click.command(name="trace")
@click.argument("source")
@click.option("--edition", required=True, help="Edition of the source, e.g. 2017.")
@click.option("--year", required=True, type=int, help="Reference year, e.g. 2017.")
@click.option(
    "--destination",
    required=True,
    help="The destination: M49 code with or without leading zeros, ISO3 code or name (900 = "
    "world; 484, MEX or Mexico; 004, 4 or AFG).",
)
@click.option(
    "--origin",
    default=None,
    help="The origin: M49 code, ISO3 code or name (900 or absent = from all origins).",
)
@click.option(
    "--sex",
    type=ImportedChoice("migobs.warehouse.read.stock:SEXES"),
    default="total",
    show_default=True,
    help="Sex.",
)
@click.option(
    "--json",
    "as_json",
    is_flag=True,
    help="Print one JSON object (value, file, sha256, sheet, cell ...).",
)
@click.pass_context
@reports_errors
def trace_command(
    ctx: click.Context,
    source: str,
    edition: str,
    year: int,
    destination: str,
    origin: str | None,
    sex: str,
    as_json: bool,
) -> None:
    """Show the value SOURCE's edition states and the file, sheet and cell it comes from.

    Example: migobs trace undesa_stock --edition 2017 --year 2017 --destination 900
    """
    from migobs.m49 import m49_text
    from migobs.warehouse.read import open_warehouse
    from migobs.warehouse.read.identify import find_area
    from migobs.warehouse.read.trace import trace

    settings = settings_from(ctx)
    with open_warehouse(settings.warehouse) as con:
        to = find_area(con, destination).m49
        from_ = None if origin is None else find_area(con, origin).m49
        found = trace(con, source, edition, year, to, from_, sex)
    if as_json:
        echo_json(found.as_dict())
        return
    value = (
        "no value (" + (found.flag or "missing") + ")"
        if found.value is None
        else f"{found.value:,.0f}"
    )
    click.echo(
        f"{source} {edition}, {year}, destination {m49_text(to)}, "
        f"origin {m49_text(found.origin)}, {sex}: {value}"
    )
    click.echo(f"  file   {found.file}")
    click.echo(f"  sha256 {found.sha256}")
    click.echo(f"  cell   [{found.sheet}]{found.cell}")
    click.echo(f"  url    {found.url}")
