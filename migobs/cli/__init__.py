"""The ``migobs`` command: a click group whose help is the documentation.

Each command parses its options, calls one function of the layers below and prints the result.
"""

from __future__ import annotations

import click

from migobs import __version__
from migobs.cli.build import build_command
from migobs.cli.claims import claims_command, diff_command
from migobs.cli.export import export_command
from migobs.cli.fetch import fetch_command
from migobs.cli.flows import flows
from migobs.cli.indicators import indicator_command
from migobs.cli.report import report_command
from migobs.cli.serve import serve
from migobs.cli.sql import sql_command
from migobs.cli.trace import trace_command
from migobs.cli.tracker import tracker
from migobs.config import Settings
from migobs.errors import MigobsError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="migobs")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Migration Observatory: official migration statistics as evidence anyone can check.

    Settings come from MIGOBS_* environment variables (see docs/configuration.md): MIGOBS_HOME
    (data directory), MIGOBS_MIRROR (read official files from a folder), MIGOBS_WAREHOUSE,
    MIGOBS_TRACKER_URL, MIGOBS_SECRET_KEY, MIGOBS_ENV.
    """
    try:
        ctx.obj = Settings.from_env()
    except MigobsError as error:
        raise click.ClickException(str(error)) from error


for command in (
    build_command,
    claims_command,
    diff_command,
    export_command,
    fetch_command,
    flows,
    indicator_command,
    report_command,
    serve,
    sql_command,
    trace_command,
    tracker,
):
    cli.add_command(command)


def main() -> None:
    """Entry point of the ``migobs`` console script."""
    cli()
