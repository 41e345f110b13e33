"""The ``migobs`` command: a click group whose help is the documentation.

Each command parses its options, calls one function of the layers below and prints the result.
Commands are loaded when they are used (click's lazy-group pattern), and each imports its heavy
libraries inside the function that needs them, so ``migobs --version`` starts at once.
"""

from __future__ import annotations

import importlib

import click

from migobs import __version__
from migobs.config import Settings
from migobs.errors import MigobsError

# Command name -> "module:attribute" of the click command, imported on first use.
COMMANDS = {
    "build": "migobs.cli.build:build_command",
    "claims": "migobs.cli.claims:claims_command",
    "diff": "migobs.cli.claims:diff_command",
    "export": "migobs.cli.export:export_command",
    "fetch": "migobs.cli.fetch:fetch_command",
    "flows": "migobs.cli.flows:flows",
    "indicator": "migobs.cli.indicators:indicator_command",
    "report": "migobs.cli.report:report_command",
    "serve": "migobs.cli.serve:serve",
    "sql": "migobs.cli.sql:sql_command",
    "trace": "migobs.cli.trace:trace_command",
    "tracker": "migobs.cli.tracker:tracker",
}


class LazyGroup(click.Group):
    """A group that imports a command's module only when the command is listed or run."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[cmd_name].partition(":")
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
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


def main() -> None:
    """Entry point of the ``migobs`` console script."""
    cli()
