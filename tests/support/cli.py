"""Running ``migobs`` in-process with a test's settings and nothing from the environment the tests
run in: its home, its warehouse (if it names one), and no mirror (a test passes ``--mirror``)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner, Result

from migobs.cli import cli
from migobs.config import Settings


def migobs(settings: Settings, *args: str, stdin: str | None = None) -> Result:
    """The result of ``migobs ARGS``; an exception the command does not handle is raised."""
    env = {
        "MIGOBS_HOME": str(settings.home),
        "MIGOBS_WAREHOUSE": str(settings.warehouse_path or ""),
        "MIGOBS_MIRROR": "",
    }
    return CliRunner().invoke(cli, list(args), input=stdin, env=env, catch_exceptions=False)


def at(warehouse: Path) -> Settings:
    """Settings for the warehouse file ``warehouse``, with its folder as home."""
    return Settings(home=warehouse.parent, warehouse_path=warehouse)
