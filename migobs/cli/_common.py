"""What every command shares: the settings object and turning our errors into CLI messages."""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

import click

from migobs.config import Settings
from migobs.errors import MigobsError

P = ParamSpec("P")
R = TypeVar("R")


def settings_from(ctx: click.Context) -> Settings:
    """The one ``Settings`` read by the group, with ``--mirror`` applied."""
    settings = ctx.find_object(Settings)
    if settings is None:
        raise click.ClickException("internal: settings were not read by the `migobs` group")
    return settings


def mirror_option(command: Callable[P, R]) -> Callable[P, R]:
    """``--mirror DIR``: read official files from a folder laid out like shared/data."""
    return click.option(
        "--mirror",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Read official files from DIR (laid out like shared/data) instead of the network. "
        "Overrides MIGOBS_MIRROR.",
    )(command)


class ImportedChoice(click.Choice[str]):
    """A choice among the names held by ``"module:attribute"``, imported when first checked or
    shown, so that listing the commands (``migobs --help``) does not import the library that
    defines them."""

    def __init__(self, target: str) -> None:
        super().__init__(())
        del self.choices
        self.target = target

    def __getattr__(self, name: str) -> Any:
        if name != "choices":
            raise AttributeError(name)
        module, _, attribute = self.target.partition(":")
        self.choices = tuple(str(c) for c in getattr(importlib.import_module(module), attribute))
        return self.choices


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Show a :class:`MigobsError` as a one-line CLI error (exit 1) instead of a traceback."""

    @functools.wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except MigobsError as error:
            raise click.ClickException(str(error)) from error

    return wrapper


def json_text(data: Any) -> str:
    """``data`` as indented JSON (dates and other values as their text)."""
    import json

    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def echo_json(data: Any) -> None:
    """Print ``data`` as indented JSON."""
    click.echo(json_text(data))
