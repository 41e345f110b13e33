"""``migobs build``: build the warehouse from the official files, then swap it in."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from migobs.cli._common import mirror_option, reports_errors, settings_from

if TYPE_CHECKING:
    from migobs.warehouse.build import BuildResult


@click.command(name="build")
@mirror_option
@click.option(
    "--if-stale",
    is_flag=True,
    help="Skip the build when the warehouse was built from the same files and migobs version.",
)
@click.option(
    "--only",
    "only",
    multiple=True,
    metavar="SOURCE",
    help="Load only SOURCE (repeatable; m49 is always loaded).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes parsing the files ahead of the loaders and computing the indicators (each "
    "reading the new file read-only); with 1, the build runs in one process. "
    "[default: every core this process may use]",
)
@click.pass_context
@reports_errors
def build_command(
    ctx: click.Context,
    mirror: Path | None,
    if_stale: bool,
    only: tuple[str, ...],
    workers: int | None,
) -> None:
    """Build the DuckDB warehouse from the official files.

    The build writes a new file beside the warehouse, validates it, computes every indicator
    for every area, year and edition into it (so that pages, the API, exports and the claims
    read them), and replaces the old one only when it is complete: a failed build leaves the
    warehouse you had untouched.
    """
    from functools import partial

    from rich.console import Console

    from migobs.indicators.materialise import materialise_file
    from migobs.warehouse.build import build

    settings = settings_from(ctx).with_mirror(mirror)
    console = Console(stderr=True)
    step = partial(materialise_file, workers=workers or 0)
    with console.status("building the warehouse") as status:
        result = build(
            settings,
            only=only,
            if_stale=if_stale,
            progress=status.update,
            steps=[step],
            workers=workers or 0,
        )
    _report(result)


def _report(result: BuildResult) -> None:
    if result.skipped:
        click.echo(
            f"Warehouse {result.path} is up to date (build {result.build_id[:12]}); nothing to do."
        )
        return
    from rich.console import Console
    from rich.table import Table

    summary = result.summary
    console = Console()
    console.print(f"Built {result.path} (build {result.build_id[:12]})")
    console.print(f"Sources: {', '.join(summary['sources'])}")
    console.print(f"Editions: {', '.join(summary['editions'])}")
    table = Table("table", "rows", title="Rows per table")
    for name, count in summary["rows"].items():
        if count:
            table.add_row(name, f"{count:,}")
    console.print(table)
    findings = summary["findings"]
    text = ", ".join(f"{kind}: {n}" for kind, n in findings.items()) or "none"
    console.print(f'Findings: {text} (see `migobs sql "SELECT * FROM findings"`)')
