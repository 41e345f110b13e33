"""``migobs claims`` (the ledger judged) and ``migobs diff`` (revisions between editions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from migobs.cli._common import echo_json, reports_errors, settings_from
from migobs.m49 import m49_text
from migobs.numbers import brief

if TYPE_CHECKING:
    from migobs.claims.check import ClaimResult


def _number(value: float | None) -> str:
    if value is None:
        return "-"
    return brief(value)


def _inputs(result: ClaimResult) -> str:
    if result.value is None or not result.value.inputs:
        return ""
    cells = result.value.inputs
    first = cells[0]
    files = sorted({f"{c.source} {c.edition} {c.file}" for c in cells})
    if len(cells) == 1:
        return f"{first.source} {first.edition} {first.where()}"
    if len(cells) <= 3:
        return "; ".join(f"{c.source} {c.edition} {c.where()}" for c in cells)
    return f"{len(cells)} cells/rows of " + "; ".join(files) + f" (first {first.where()})"


def _echo(result: ClaimResult) -> None:
    c = result.claim
    click.echo(
        f"{c.id:4} {_number(c.stated):>18} {_number(result.computed):>20}  {result.verdict:12} "
        f"{c.text}"
    )
    click.echo(f"     {result.reason}")
    if result.value is not None:
        click.echo(f"     inputs: {_inputs(result)}")
    for alternative in result.alternatives:
        click.echo(f"     alternative: {_number(alternative.value)} = {alternative.label}")
    for label, figure in (("revised", result.revised), ("now", result.now)):
        if figure is not None:
            click.echo(
                f"     {label}: {_number(figure.value)} (edition {figure.edition}, year {figure.year})"
            )


@click.command("claims")
@click.option("--json", "as_json", is_flag=True, help="Print the results as a JSON list.")
@click.pass_context
@reports_errors
def claims_command(ctx: click.Context, as_json: bool) -> None:
    """Judge every claim of the ledger against the warehouse.

    For each claim: stated and computed figures, a verdict (reproduced, close, differs,
    not_testable), the reason, the inputs (source, edition, file, cell) and the figure on the
    newest data ('revised' for the claim's year, 'now' for the newest year).
    """
    from migobs.claims.check import evaluate
    from migobs.warehouse.read import open_warehouse

    results = evaluate(open_warehouse(settings_from(ctx).warehouse))
    if as_json:
        echo_json([result.as_dict() for result in results])
        return
    click.echo(f"{'id':4} {'stated':>18} {'computed':>20}  {'verdict':12} claim")
    for result in results:
        _echo(result)
    counts = {
        v: sum(r.verdict == v for r in results) for v in dict.fromkeys(r.verdict for r in results)
    }
    click.echo(", ".join(f"{n} {verdict}" for verdict, n in counts.items()))


@click.command("diff")
@click.argument("source")
@click.argument("old")
@click.argument("new")
@click.option("--limit", type=int, default=20, show_default=True, help="Largest changes to show.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
@reports_errors
def diff_command(
    ctx: click.Context, source: str, old: str, new: str, limit: int, as_json: bool
) -> None:
    """List values for the same area and year that changed from edition OLD to NEW of SOURCE,
    largest change first, with the cell in both editions (e.g. `migobs diff undesa_stock 2017
    2020`, `migobs diff iom_mmp 2022 2025`)."""
    from migobs.claims.diff import diff
    from migobs.warehouse.read import open_warehouse

    found = diff(open_warehouse(settings_from(ctx).warehouse), source, old, new, limit)
    if as_json:
        echo_json([revision.as_dict() for revision in found])
        return
    if not found:
        click.echo(f"No value of {source} changed from edition {old} to {new}.")
    for r in found:
        click.echo(
            f"{m49_text(r.area):>5} {r.year} {r.key:24} {_number(r.old):>16} -> {_number(r.new):>16} "
            f"({r.change:+,.0f})  {r.old_where}  |  {r.new_where}"
        )
        if r.note:
            click.echo(f"      note: {r.note}")
