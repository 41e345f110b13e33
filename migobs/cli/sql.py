"""``migobs sql``: ask the warehouse a read-only question."""

from __future__ import annotations

import csv
import sys
from typing import TYPE_CHECKING

import click

from migobs.cli._common import echo_json, reports_errors, settings_from
from migobs.numbers import plain
from migobs.spreadsheet import inert

if TYPE_CHECKING:
    from migobs.warehouse.read.sql import QueryResult


@click.command(name="sql")
@click.argument("statement")
@click.option("--json", "as_json", is_flag=True, help="Print the rows as a JSON list of objects.")
@click.option("--csv", "as_csv", is_flag=True, help="Print the rows as CSV with a header line.")
@click.option(
    "--wide",
    is_flag=True,
    help="Print the table at its full width, one line per row (for a pager or a wide terminal); "
    "without it, text wraps to fit the terminal and numbers are never cut.",
)
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=60.0,
    show_default=True,
    help="Stop the query after SECONDS.",
)
@click.option(
    "--memory-limit",
    default="1GB",
    show_default=True,
    help="Memory the query may use (DuckDB's memory_limit, e.g. 512MB, 4GB).",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=1_000_000,
    show_default=True,
    help="Refuse a result with more rows than this (every row is held in memory).",
)
@click.pass_context
@reports_errors
def sql_command(
    ctx: click.Context,
    statement: str,
    as_json: bool,
    as_csv: bool,
    timeout: float,
    memory_limit: str,
    max_rows: int,
    wide: bool,
) -> None:
    """Run one read-only SELECT on the warehouse and print the result.

    The query sees the warehouse only: it cannot read other files (read_csv, glob ...) or load
    extensions. It is stopped when it runs longer than --timeout or needs more memory than
    --memory-limit.

    Example: migobs sql "SELECT type, count(*) FROM findings GROUP BY type"
    """
    if as_json and as_csv:
        raise click.UsageError("Give --json or --csv, not both.")
    from migobs.warehouse.read import open_warehouse
    from migobs.warehouse.read.sql import query

    settings = settings_from(ctx)
    with open_warehouse(
        settings.warehouse, external_access=False, memory_limit=memory_limit
    ) as con:
        result = query(con, statement, timeout=timeout, max_rows=max_rows)
    if as_json:
        echo_json(result.records())
    elif as_csv:
        _csv(result)
    else:
        _table(result, wide)


def _csv(result: QueryResult) -> None:
    writer = csv.writer(sys.stdout)
    writer.writerow([inert(name) for name in result.columns])
    writer.writerows([inert(value) for value in row] for row in result.rows)


def _table(result: QueryResult, wide: bool) -> None:
    """The rows as a table: numbers whole and right-aligned, text wrapped to fit (or all of it on
    one line with ``wide``)."""
    from rich.console import Console
    from rich.table import Column, Table

    cells = [[_cell(v) for v in row] for row in result.rows]
    columns = []
    for i, name in enumerate(result.columns):
        numeric = any(isinstance(row[i], int | float) for row in result.rows)
        widest = max([len(name), *(len(row[i]) for row in cells)])
        columns.append(
            Column(name, justify="right", no_wrap=True, min_width=widest)
            if numeric
            else Column(name, overflow="fold", no_wrap=wide)
        )
    table = Table(*columns)
    for row in cells:
        table.add_row(*row)
    Console(width=10_000 if wide else None).print(table)
    click.echo(f"{len(result.rows)} row(s)")


def _cell(value: object) -> str:
    """A value as a person reads it: numbers without exponent (--csv and --json keep them
    exact)."""
    if value is None:
        return ""
    return plain(value) if isinstance(value, float) else str(value)
