"""``migobs report``: a country report, every figure with the file, sheet and cell it came from."""

from __future__ import annotations

from pathlib import Path

import click

from migobs.cli._common import json_text, reports_errors, settings_from
from migobs.i18n import LANGUAGES, speaking


@click.command(name="report")
@click.argument("area")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["markdown", "json"]),
    default="markdown",
    show_default=True,
    help="A Markdown document, or the same report as JSON with every input cell.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
@click.option(
    "--lang",
    type=click.Choice(LANGUAGES),
    default="en",
    show_default=True,
    help="Language of the report's words, names and number formats (ar, zh, en, fr, ru, es); "
    "JSON values stay locale-free.",
)
@click.pass_context
@reports_errors
def report_command(
    ctx: click.Context, area: str, format_: str, out: Path | None, lang: str
) -> None:
    """A country report for AREA (M49 code, ISO3 code or exact name, e.g. 484, MEX, Mexico).

    The newest value of each headline indicator (migrant stock, women's share, share of
    population, change since 2000, emigrants, refugees, remittances against GDP and aid,
    remittance costs), each with its edition and cells; what the Compact's 23 objectives can
    measure from the data held; and the official files cited, with licence and checksum.
    """
    from migobs.reports import country_report, markdown
    from migobs.warehouse.read import open_warehouse
    from migobs.warehouse.read.identify import find_area

    con = open_warehouse(settings_from(ctx).warehouse)
    report = country_report(con, find_area(con, area).m49)
    with speaking(lang):
        text = json_text(report.as_dict()) + "\n" if format_ == "json" else markdown(report)
    if out is None:
        click.echo(text, nl=False)
        return
    out.write_text(text, encoding="utf-8")
    click.echo(f"Wrote {out}", err=True)
