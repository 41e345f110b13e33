"""``migobs indicator``: compute an indicator for an area and year, with the cells behind it."""

from __future__ import annotations

from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from migobs.cli._common import echo_json, reports_errors, settings_from
from migobs.m49 import m49_text
from migobs.numbers import plain, stated

if TYPE_CHECKING:
    import duckdb

    from migobs.indicators import Value


def _line(value: Value, decimals: int) -> str:
    """One value, its figures to the indicator's stated decimals (--json has them in full)."""
    figure = "n/a" if value.value is None else stated(value.value, decimals)
    pair = f" from {m49_text(value.counterpart)}" if value.counterpart is not None else ""
    label = f" [{value.label}]" if value.label else ""
    members = (
        ""
        if value.from_members is None
        else f"  (from members: {stated(value.from_members, decimals)})"
    )
    return (
        f"{m49_text(value.area)} {value.area_name}{pair}{label} {value.when()}: {figure} {value.unit} "
        f"({value.edition_label()}){members}"
    )


def _echo(value: Value, inputs: int, decimals: int) -> None:
    click.echo(_line(value, decimals))
    click.echo(f"  method: {value.method}")
    if value.published is not None:
        click.echo(f"  as the source states it: {stated(value.published, decimals)}")
    if value.note:
        click.echo(f"  note: {value.note}")
    for cell in value.inputs[:inputs]:
        shown = "empty" if cell.value is None else plain(cell.value)
        click.echo(f"  input: {cell.source} {cell.edition} {cell.where()} = {shown}")
    if 0 < inputs < len(value.inputs):
        click.echo(f"  ... and {len(value.inputs) - inputs} more inputs (--json lists them all)")


def _echo_objectives(con: duckdb.DuckDBPyConnection, as_json: bool) -> None:
    from migobs.indicators import has_data, objective_coverage

    coverage = objective_coverage(has_data(con))
    if as_json:
        echo_json([asdict(objective) for objective in coverage])
        return
    for objective in coverage:
        click.echo(f"Objective {objective.objective}:")
        for link in objective.measurable:
            click.echo(f"  measurable  {link.name} -> {', '.join(link.measured_by)}")
        for link in objective.not_measurable:
            click.echo(f"  not         {link.name}: {link.reason}")


def _breakdown(
    con: duckdb.DuckDBPyConnection,
    code: str,
    by: str,
    year: int | None,
    edition: str | None,
    since: int | None,
) -> list[Value]:
    from migobs.indicators import deaths_by

    if code != "sdg.10.7.3" or year is None:
        raise click.ClickException("--by breaks down sdg.10.7.3 for one --year only.")
    return deaths_by(con, by, year, edition, since)


def _newest_year(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> int:
    from migobs.indicators import years

    held = years(con, code, edition)
    if not held:
        raise click.ClickException(f"No year of {code} in the edition asked for; give --year.")
    return held[-1]


@click.command("indicator")
@click.argument("code", required=False)
@click.option(
    "--area",
    default="900",
    show_default=True,
    help="M49 code with or without leading zeros, ISO3 code or name (004, 4, AFG).",
)
@click.option("--year", type=int, default=None,
              help="Reference year (default: the newest year the data of every input allow).")  # fmt: skip
@click.option("--edition", default=None, help="Edition of the first source (default: newest).")
@click.option(
    "--from",
    "counterpart",
    default=None,
    help="The other end of a corridor, where migrants were born or remittances are sent from: "
    "M49 code, ISO3 code or name.",
)
@click.option("--base-year", type=int, default=None, help="Start of a change (default 2000).")
@click.option("--since", type=int, default=None, help="First year of a cumulative count.")
@click.option("--quarter", type=click.IntRange(1, 4), default=None,
              help="Quarter of a quarterly indicator (default: the year's last with data).")  # fmt: skip
@click.option("--by", type=click.Choice(["region", "route"]), default=None,
              help="sdg.10.7.3 only: break the world down by IOM region or route.")  # fmt: skip
@click.option("--all-areas", is_flag=True, help="Every area (a table, as for a map).")
@click.option("--list", "list_", is_flag=True, help="List the indicator codes and titles.")
@click.option("--objectives", is_flag=True,
              help="For each Compact objective: what the warehouse can and cannot measure.")  # fmt: skip
@click.option("--inputs", type=int, default=5, show_default=True, help="Inputs to print.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (with every input).")
@click.pass_context
@reports_errors
def indicator_command(
    ctx: click.Context,
    code: str | None,
    area: str,
    year: int | None,
    edition: str | None,
    counterpart: str | None,
    base_year: int | None,
    since: int | None,
    quarter: int | None,
    by: str | None,
    all_areas: bool,
    list_: bool,
    objectives: bool,
    inputs: int,
    as_json: bool,
) -> None:
    """Compute indicator CODE (e.g. stock.share_of_population, sdg.10.7.3) from the warehouse.

    Prints the figure, how it was computed and the cells it came from. Examples:
    `migobs indicator stock.total --area 900 --year 2017 --edition 2017`,
    `migobs indicator sdg.10.7.3 --year 2017 --by route`,
    `migobs indicator stock.corridor --all-areas --year 2017` (top corridors).
    """
    from migobs.indicators import compute, definitions, table
    from migobs.warehouse.read import open_warehouse
    from migobs.warehouse.read.identify import find_area

    if list_ or (code is None and not objectives):
        for definition in definitions().values():
            click.echo(f"{definition.code:26} {definition.unit:12} {definition.title}")
        return
    con = open_warehouse(settings_from(ctx).warehouse)
    if objectives:
        _echo_objectives(con, as_json)
        return
    options = {"base_year": base_year, "since": since, "quarter": quarter}
    if counterpart is not None:
        options["counterpart"] = find_area(con, counterpart).m49
    options = {k: v for k, v in options.items() if v is not None}
    if by is not None:
        values = _breakdown(con, str(code), by, year, edition, since)
    elif all_areas:
        values = table(con, str(code), year, edition, **options)
    else:
        year = year if year is not None else _newest_year(con, str(code), edition)
        values = [compute(con, str(code), find_area(con, area).m49, year, edition, **options)]
    if as_json:
        echo_json([value.as_dict() for value in values])
        return
    for value in values:
        _echo(value, inputs if len(values) == 1 else 0, definitions()[str(code)].decimals)
