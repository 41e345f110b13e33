"""``migobs fetch``: obtain and verify the official files."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import click

from migobs.cli._common import mirror_option, reports_errors, settings_from

if TYPE_CHECKING:
    from rich.progress import Progress

    from migobs.sources.catalog import FileSpec
    from migobs.sources.fetch import Fetched


@click.command(name="fetch")
@click.argument("sources", nargs=-1, metavar="[SOURCE ...]")
@mirror_option
@click.pass_context
@reports_errors
def fetch_command(ctx: click.Context, sources: tuple[str, ...], mirror: Path | None) -> None:
    """Obtain the official files of SOURCE (all sources by default) and verify their sha256.

    Downloads show a progress bar; with --mirror (or MIGOBS_MIRROR) files are read from the
    folder instead. Ends with a list of files: sha256 ok (matches the catalogue), recorded
    (first seen now: its checksum is recorded for later checks), not held, or mirror-only /
    manual (files migobs cannot download; the message says how to obtain each).
    """
    from rich.console import Console
    from rich.progress import Progress

    from migobs.sources.fetch import fetch

    settings = settings_from(ctx).with_mirror(mirror)
    with Progress(console=Console(stderr=True), transient=True) as bars:
        fetched = fetch(settings, sources, progress_for=_bar(bars))
    _report(fetched)


def _bar(bars: Progress) -> Callable[[FileSpec], Callable[[int, int | None], None]]:
    def for_spec(spec: FileSpec) -> Callable[[int, int | None], None]:
        task = bars.add_task(spec.name, total=spec.size)

        def advance(done: int, total: int | None) -> None:
            bars.update(task, completed=done, total=total)

        return advance

    return for_spec


def _report(fetched: list[Fetched]) -> None:
    width = max(len(item.spec.dataset) for item in fetched)
    status = max(len(item.status) for item in fetched)
    for item in fetched:
        sha = item.obtained.sha256 if item.obtained else "-" * 64
        click.echo(
            f"{item.spec.dataset:<{width}}  {sha}  {item.status:<{status}}  {item.spec.name}"
        )
    missing = [item for item in fetched if item.obtained is None]
    for item in missing:
        click.echo(f"{item.spec.dataset}: {item.status}: {item.note}", err=True)
    by_hand = sum(item.status in ("mirror-only", "manual") for item in missing)
    held = len(fetched) - len(missing)
    tail = f"; {by_hand} must come from a mirror or be saved by hand (see above)" if by_hand else ""
    click.echo(f"{held} of {len(fetched)} files held and verified{tail}.")
