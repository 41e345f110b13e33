"""The ``migobs`` command: a click group whose help is the documentation.

Each command parses its options, calls one function of the layers below and prints the result.
"""

from __future__ import annotations

import click

from migobs import __version__
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


def main() -> None:
    """Entry point of the ``migobs`` console script."""
    cli()


from migobs.cli.tracker import tracker  # noqa: E402

cli.add_command(tracker)
