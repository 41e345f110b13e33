"""``migobs flows ensemble``: flows with intervals, from draws of redrawn inputs and a method
ensemble, on local processes or a Dask cluster (docs/methods/flows.md, "Uncertainty")."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from migobs.cli._common import reports_errors, settings_from
from migobs.cli._flows_options import parse_periods

FILE = click.Path(dir_okay=False, path_type=Path)
IN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)
COLUMNS = [
    "period",
    "origin",
    "destination",
    "flow",
    "lower",
    "upper",
    "median",
    "method_min",
    "method_max",
    "draws",
]
FILE_OPTIONS = ("stock_start", "stock_end", "births", "deaths")
WPP_EDITION = "2019"


@click.command()
@click.option(
    "--edition",
    help="undesa_stock edition of the warehouse's origin x destination stocks, e.g. 2017 "
    "(results are also stored in the warehouse). Or give your own tables with --stock-start, "
    "--stock-end, --births and --deaths.",
)
@click.option(
    "--period",
    "periods",
    multiple=True,
    callback=parse_periods,
    help="Two stock years, YEAR0-YEAR1 (e.g. 2010-2015); repeat for several. Default: each "
    "consecutive pair of the edition's stock years; with files, the label of the one period "
    "(default 1-2).",
)
@click.option(
    "--draws",
    type=click.IntRange(1),
    default=200,
    show_default=True,
    help="Draws of redrawn inputs per period.",
)
@click.option(
    "--seed",
    type=click.IntRange(0),
    default=1,
    show_default=True,
    help="Seed from which every draw's seed is derived: the same seed gives the same "
    "results on any number of processes or machines.",
)
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Run on an existing dask.distributed cluster, e.g. tcp://10.0.0.5:8786.",
)
@click.option(
    "--workers",
    type=click.IntRange(1),
    help="Local worker processes when no --scheduler is given. [default: all cores]",
)
@click.option(
    "--out",
    type=FILE,
    help="Write period,origin,destination,flow,lower,upper,median,"
    "method_min,method_max,draws as CSV.",
)
@click.option(
    "--stock-start",
    type=IN_FILE,
    help="Your stock at the start: wide CSV, first column place of birth, header "
    "place of residence (as flows estimate).",
)
@click.option("--stock-end", type=IN_FILE, help="Your stock at the end, same layout and names.")
@click.option("--births", type=IN_FILE, help="Births per residence in the period (name,value).")
@click.option("--deaths", type=IN_FILE, help="Deaths per residence in the period (name,value).")
@click.option(
    "--type-of-data",
    "type_of_data",
    type=IN_FILE,
    help="With files: each destination's type of data as area,code (codes of UN "
    'DESA: B birthplace, C citizenship, R refugees added, I imputed, e.g. "B R"); '
    "it sets the noise of that destination's stocks.",
)
@click.option(
    "--noise",
    "noise",
    multiple=True,
    metavar="NAME=VALUE",
    callback=lambda ctx, param, values: _noise_changes(values),
    help="Change one noise scale (a log-scale standard deviation, about a relative error), "
    "e.g. citizenship=0.2; repeat for several. Names, defaults and their reasons: "
    'docs/methods/flows.md ("Uncertainty").',
)
@click.pass_context
@reports_errors
def ensemble(ctx: click.Context, /, **options: Any) -> None:
    """Flows with 90% intervals: the default method (closed demographic accounting) on many
    redrawn inputs, and the range over a method ensemble.

    Each draw redraws the stock tables, births and deaths with noise that follows each
    destination's type of data; lower and upper are the 5th and 95th percentiles of the draws,
    corrected for their bias; method_min and method_max the range over the methods. Draws
    run on local processes (--workers) or a Dask cluster (--scheduler), reduced as they arrive.
    """
    from migobs.config import available_cores
    from migobs.flows.ensemble_run import EnsembleSettings
    from migobs.flows.perturb import NoiseScales

    settings = settings_from(ctx)
    periods = _periods(ctx, options, settings.warehouse)
    run = EnsembleSettings(
        draws=options["draws"],
        seed=options["seed"],
        workers=options["workers"] or available_cores(),
        scheduler=options["scheduler"],
        ports=settings.dask_ports,
        scales=NoiseScales().changed(options["noise"]),
    )
    result = _run(periods, run)
    if options["out"] is not None:
        from migobs.spreadsheet import inert_frame

        inert_frame(result.corridors[COLUMNS]).to_csv(options["out"], index=False)
    for row in result.totals.to_dict("records"):
        click.echo(_total_line(row))
    click.echo(f"{run.draws:,} draws a period on {result.ran_on} in {result.seconds:,.1f} s")
    if options["edition"] is not None:
        from migobs.flows.ensemble_store import store_ensemble

        ident = store_ensemble(settings.warehouse, options["edition"], WPP_EDITION, run, result)
        click.echo(f"stored as {ident} in flow_ensembles, flow_intervals")
    if options["out"] is not None:
        click.echo(f"-> {options['out']}")


def _periods(ctx: click.Context, options: dict[str, Any], warehouse: Path) -> list[Any]:
    """The periods to run, from the warehouse (``--edition``) or the user's files."""
    given = [name for name in FILE_OPTIONS if options[name] is not None]
    if options["edition"] is not None:
        if given or options["type_of_data"] is not None:
            raise click.UsageError(
                "give --edition or your own tables (--stock-start, --stock-end, --births, "
                "--deaths), not both"
            )
        from migobs.flows.ensemble_inputs import edition_periods

        return edition_periods(warehouse, options["edition"], WPP_EDITION, options["periods"])
    missing = [f"--{name.replace('_', '-')}" for name in FILE_OPTIONS if options[name] is None]
    if missing:
        raise click.UsageError(f"give --edition, or your own tables: {', '.join(missing)} missing")
    if options["periods"] is not None and len(options["periods"]) > 1:
        raise click.UsageError("with your own tables there is one period: give --period once")
    year0, year1 = (options["periods"] or [(1, 2)])[0]
    from migobs.flows.ensemble_inputs import file_period

    start, end, births, deaths = (options[name] for name in FILE_OPTIONS)
    return [file_period(f"{year0}-{year1}", start, end, births, deaths, options["type_of_data"])]


def _run(periods: list[Any], run: Any) -> Any:
    """Run with a progress bar: draws done per period."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from migobs.flows.ensemble_run import run_ensemble

    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, transient=True) as bar:
        tasks = {p.label: bar.add_task(f"draws {p.label}", total=run.draws) for p in periods}

        def advance(label: str, done: int) -> None:
            bar.advance(tasks[label], done)

        return run_ensemble(periods, run, advance)


def _total_line(row: dict[str, Any]) -> str:
    """A period's world total with its interval and method range, in millions."""
    million = {k: row[k] / 1e6 for k in ("flow", "lower", "upper", "method_min", "method_max")}
    failed = f"; {row['failed']} draws failed (see the warehouse)" if row["failed"] else ""
    return (
        f"{row['period']}: {million['flow']:,.2f} million movers, 90% interval "
        f"{million['lower']:,.2f}-{million['upper']:,.2f} million ({row['draws']:,} draws); "
        f"methods {million['method_min']:,.2f}-{million['method_max']:,.2f} million{failed}"
    )


def _noise_changes(values: tuple[str, ...]) -> dict[str, float]:
    """``NAME=VALUE`` pairs of ``--noise`` as a mapping; the names are checked by the scales."""
    changes = {}
    for text in values:
        name, equals, value = text.partition("=")
        try:
            changes[name.strip()] = float(value)
        except ValueError:
            equals = ""
        if not equals:
            raise click.BadParameter(f"{text!r}: give NAME=VALUE, e.g. citizenship=0.2")
    return changes
