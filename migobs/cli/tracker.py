"""``migobs tracker``: accounts, migrations, exports and imports of the Compact tracker."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from migobs.cli._common import ImportedChoice, echo_json, reports_errors, settings_from

if TYPE_CHECKING:
    from migobs.tracker.service import Tracker


@contextmanager
def _tracker(ctx: click.Context) -> Iterator[Tracker]:
    from migobs.tracker import db
    from migobs.tracker.service import Tracker

    settings = settings_from(ctx)
    opened = Tracker.from_settings(settings)
    try:
        if not settings.tracker.startswith("sqlite"):
            db.prepare(opened.engine)
        yield opened
    finally:
        opened.engine.dispose()


password_stdin_option = click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input (required: passwords never go on the command line).",
)


@click.group()
def tracker() -> None:
    """The Compact tracker: States' commitments, actions and reviews (database at MIGOBS_TRACKER_URL)."""


@tracker.command("add-user")
@click.argument("email")
@click.option(
    "--role",
    type=ImportedChoice("migobs.tracker.models:ROLES"),
    required=True,
    help="What the account may do.",
)
@click.option(
    "--state", "state", metavar="M49", default=None, help="M49 code of a focal point's State."
)
@password_stdin_option
@click.pass_context
@reports_errors
def add_user(
    ctx: click.Context, email: str, role: str, state: str | None, password_stdin: bool
) -> None:
    """Create an account for EMAIL, reading its password from standard input."""
    from migobs.tracker.policy import SYSTEM

    password = _password(password_stdin)
    with _tracker(ctx) as opened:
        created = opened.add_user(SYSTEM, email, password, role, state)
    click.echo(f"created users/{created['id']}: {created['email']} ({created['role']})")


@tracker.command("set-password")
@click.argument("email")
@password_stdin_option
@click.pass_context
@reports_errors
def set_password(ctx: click.Context, email: str, password_stdin: bool) -> None:
    """Give the account EMAIL a new password, read from standard input; its API tokens and
    browser sessions end."""
    from migobs.tracker.policy import SYSTEM

    password = _password(password_stdin)
    with _tracker(ctx) as opened:
        opened.reset_password(SYSTEM, opened.user_id(SYSTEM, email), password)
    click.echo(f"new password set for {email}; its tokens and sessions have ended")


def _password(password_stdin: bool) -> str:
    """The password on the first line of standard input."""
    if not password_stdin:
        raise click.UsageError("Pass --password-stdin and send the password on standard input.")
    return sys.stdin.readline().rstrip("\r\n")


@tracker.command()
@click.pass_context
@reports_errors
def migrate(ctx: click.Context) -> None:
    """Upgrade the tracker's database to the newest schema and load the reference data."""
    from migobs.tracker import db

    engine = db.make_engine(settings_from(ctx).tracker)
    try:
        db.prepare(engine)
    finally:
        engine.dispose()
    click.echo("tracker database is up to date")


@tracker.command()
@click.option(
    "--kind",
    type=ImportedChoice("migobs.tracker.models:RECORD_KINDS"),
    default=None,
    help="Export one kind as CSV (default: everything as JSON).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to FILE instead of standard output.",
)
@click.pass_context
@reports_errors
def export(ctx: click.Context, kind: str | None, output: Path | None) -> None:
    """Export every published record (JSON), or one kind of them (CSV)."""
    from migobs.tracker import exporting

    with _tracker(ctx) as opened:
        if kind is None:
            text = json.dumps(exporting.published(opened), indent=2, ensure_ascii=False)
        else:
            text = exporting.csv_text(opened, kind)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")


@tracker.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--as", "as_email", required=True, help="Email of the focal point the drafts are recorded for."
)
@click.pass_context
@reports_errors
def import_(ctx: click.Context, csv_file: Path, as_email: str) -> None:
    """Create draft commitments from CSV_FILE (columns: see `docs/tracker.md`); all rows or none."""
    from migobs.tracker import importing

    with _tracker(ctx) as opened:
        caller = opened.caller_for_operator(as_email)
        ids = importing.import_commitments(opened, caller, csv_file.read_text(encoding="utf-8-sig"))
    echo_json({"created": [f"commitments/{i}" for i in ids]})
