"""``migobs report``: a country report, every figure with the file, sheet and cell it came from."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from migobs.cli._common import json_text, reports_errors, settings_from
from migobs.i18n import LANGUAGES, speaking

if TYPE_CHECKING:
    from migobs.reports import CountryReport


@click.command(name="report")
@click.argument("area")
@click.option(
    "--format",
    "format_",
    type=click.Choice(["markdown", "json", "pdf"]),
    default="markdown",
    show_default=True,
    help="A Markdown document, the same report as JSON with every input cell, or a PDF with "
    "a title page and charts (needs --out; docs/reports.md).",
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
    The PDF adds a title page with the date and the warehouse build, and charts.
    """
    from migobs.reports import country_report
    from migobs.warehouse.read import open_warehouse
    from migobs.warehouse.read.identify import find_area

    if format_ == "pdf" and out is None:
        raise click.UsageError(
            "A PDF report is written to a file: add --out FILE (e.g. report.pdf)."
        )
    con = open_warehouse(settings_from(ctx).warehouse)
    report = country_report(con, find_area(con, area).m49)
    with speaking(lang):
        written = _written(report, format_)
    if out is None:
        click.echo(written.decode(), nl=False)
        return
    out.write_bytes(written)
    click.echo(f"Wrote {out}", err=True)


def _written(report: CountryReport, format_: str) -> bytes:
    """``report`` in ``format_``, in the current language."""
    from migobs.reports import markdown, pdf

    if format_ == "pdf":
        return pdf(report)
    if format_ == "json":
        return (json_text(report.as_dict()) + "\n").encode()
    return markdown(report).encode()
