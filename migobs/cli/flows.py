"""``migobs flows``: estimate bilateral migration flows from two stock tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from migobs.cli._common import reports_errors, settings_from
from migobs.cli._flows_options import (
    ACCOUNTING_NAMES,
    accounting_options,
    check_applicable,
    check_global_balance,
    parse_periods,
)
from migobs.cli.flows_ensemble import ensemble
from migobs.flows.methods import ACCOUNTING, Decrease, Method, NegativeFlows, choices

if TYPE_CHECKING:
    from migobs.flows.diagnostics import Diagnostics, FlowEstimate
    from migobs.flows.estimate import PeriodFlows
    from migobs.flows.ipf import FloatArray

FILE = click.Path(dir_okay=False, path_type=Path)
IN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def flows() -> None:
    """Bilateral migration flows estimated from stock tables (place of birth x residence)."""


@flows.command()
@click.option(
    "--method",
    required=True,
    type=click.Choice(choices(Method)),
    help="stock-difference (Beine et al. 2016; Abel & Cohen 2019), migration-rate (Dennett "
    "2015), rogers-von-rabenau (Rogers & von Rabenau 1971) or demographic-accounting (Abel "
    "2013; Abel & Sander 2014; Abel 2018; Abel & Cohen 2019).",
)
@click.option(
    "--stock-start",
    required=True,
    type=IN_FILE,
    help="Stock at the start: wide CSV, first column place of birth, header place of residence.",
)
@click.option(
    "--stock-end",
    type=IN_FILE,
    help="Stock at the end, same layout and names (not used by migration-rate).",
)
@click.option("--births", type=IN_FILE, help="Births per residence in the period (name,value).")
@click.option("--deaths", type=IN_FILE, help="Deaths per residence in the period (name,value).")
@click.option(
    "--decrease",
    type=click.Choice(choices(Decrease)),
    default="return",
    show_default=True,
    help="stock-difference: drop falls in stock (zero; Beine et al. "
    "2016) or count them as returns to the birthplace (return; Abel & Cohen 2019).",
)
@click.option(
    "--include-native-born/--no-include-native-born",
    default=False,
    show_default=True,
    help="stock-difference: keep the native-born diagonal in the difference (an option of "
    "migest's ffs_diff; Beine et al. 2016 and Abel & Cohen 2019 difference the foreign-born "
    "only, the default).",
)
@click.option(
    "--total-flows",
    type=float,
    help="migration-rate: global flow total of the "
    "period in persons, to which the stock pattern is scaled (Dennett 2015).",
)
@accounting_options
@click.option(
    "--seed-matrix",
    type=IN_FILE,
    help="demographic-accounting with --no-stayers: origin x destination auxiliary data "
    "for the independence model's fit (the offset of Abel 2013's log-linear model; wide "
    "CSV, e.g. inverse distances). The stayer model has no seed.",
)
@click.option(
    "--negative-flows",
    type=click.Choice(choices(NegativeFlows)),
    default="zero",
    show_default=True,
    help="rogers-von-rabenau: set the method's negative flows to 0 (zero) or keep them "
    "(keep, as migest does). Either way --diagnostics counts them and their persons.",
)
@click.option("--out", required=True, type=FILE, help="Write orig,dest,flow (off-diagonal).")
@click.option(
    "--array",
    "array_path",
    type=FILE,
    help="demographic-accounting: also write orig,dest,pob,flow (n^3 rows).",
)
@click.option(
    "--diagnostics",
    "diagnostics_path",
    type=FILE,
    help="Write the diagnostics as JSON: convergence and the worst margin of each fit, "
    "negative cells and flows and how they were treated, stock decreases, excess births, "
    "global balance, total flow.",
)
@click.pass_context
@reports_errors
def estimate(ctx: click.Context, /, **options: Any) -> None:
    """Estimate flows between two stock tables and write them as CSV.

    Stocks are wide CSV matrices (rows: place of birth, columns: place of residence) with the
    same region names; births and deaths are name,value files. Inconsistent input is an error
    that names the problem, never a silent change of units; so is an option that the chosen
    method does not use. Nothing is written unless the estimate succeeds.
    """
    from migobs.flows.files import write_array, write_od

    check_applicable(ctx, options)
    start, names = _read_stock(options, "stock_start")
    result = _estimate(options, start, names)
    write_od(options["out"], result.od, names)
    if result.array is not None:
        write_array(options["array_path"], result.array, names)
    if options["diagnostics_path"] is not None:
        diagnostics = result.diagnostics.as_dict() | {"method": options["method"]}
        options["diagnostics_path"].write_text(json.dumps(diagnostics, indent=2))
    total = result.diagnostics.total_flow
    click.echo(f"{len(names)} regions, {total:,.0f} movers -> {options['out']}")
    notes = _notes(result.diagnostics)
    if notes:
        click.echo("; ".join(notes))


def _notes(diagnostics: Diagnostics) -> list[str]:
    """What the user should know about the estimate: missed margins, negatives treated."""
    from migobs.flows.diagnostics import fit_summary

    notes = [] if diagnostics.converged else [fit_summary(diagnostics.as_dict())]
    negative = diagnostics.negative_flows
    if negative.get("cells"):
        notes.append(
            f"{negative['cells']:,} negative flows ({negative['persons']:,.0f} persons) "
            f"{negative['treatment']}"
        )
    if diagnostics.negative_native_born:
        notes.append(f"negative native-born in {', '.join(diagnostics.negative_native_born)}")
    return notes


def _read_stock(
    options: dict[str, Any], key: str, names: list[str] | None = None
) -> tuple[FloatArray, list[str]]:
    """A stock file; negative native-born cells pass where the method handles or ignores them."""
    from migobs.flows.files import read_matrix

    method = options["method"]
    ignored = method == "migration-rate" or (
        method == "stock-difference" and not options["include_native_born"]
    )
    return read_matrix(options[key], names, negative_native_born=method == ACCOUNTING or ignored)


def _estimate(options: dict[str, Any], start: FloatArray, names: list[str]) -> FlowEstimate:
    from migobs.flows.rates import dennett, rogers_von_rabenau
    from migobs.flows.stock_difference import stock_difference

    method = options["method"]
    if method == "migration-rate":
        return dennett(start, options["total_flows"], names)
    end, _ = _read_stock(options, "stock_end", names)
    if method == "stock-difference":
        return stock_difference(
            start,
            end,
            decrease=options["decrease"],
            include_native_born=options["include_native_born"],
            names=names,
        )
    if method == "rogers-von-rabenau":
        return rogers_von_rabenau(start, end, names, options["negative_flows"])
    return _accounting(options, start, end, names)


def _accounting(
    options: dict[str, Any], start: FloatArray, end: FloatArray, names: list[str]
) -> FlowEstimate:
    from migobs.flows.demographic import AccountingOptions, demographic_accounting
    from migobs.flows.files import read_matrix, read_vector

    seed = None
    if options["seed_matrix"] is not None:
        seed = read_matrix(options["seed_matrix"], names)[0]
    opts = AccountingOptions(**{name: options[name] for name in ACCOUNTING_NAMES})
    births = read_vector(options["births"], names)
    deaths = read_vector(options["deaths"], names)
    want_array = options["array_path"] is not None
    return demographic_accounting(start, end, births, deaths, names, opts, seed, want_array)


@flows.command()
@click.option(
    "--edition",
    required=True,
    help="undesa_stock edition of the origin x destination stock tables, e.g. 2017.",
)
@click.option(
    "--sex",
    type=click.Choice(["both", "male", "female", "all"]),
    default="both",
    show_default=True,
    help="Sex of the stock tables. Only both sexes can be estimated today: the 2017 O-D table "
    "has both sexes only, and the WPP series loaded have no sex (by-sex flows need by-sex "
    "population and deaths). male/female stop with that reason before any work; all "
    "estimates both sexes and says why the others are skipped.",
)
@click.option(
    "--method",
    type=click.Choice([ACCOUNTING]),
    default=ACCOUNTING,
    show_default=True,
    help="Estimation method (demographic accounting; closed minimum migration by default, "
    "Abel & Cohen 2019).",
)
@accounting_options
@click.option(
    "--period",
    "periods",
    multiple=True,
    callback=parse_periods,
    help="Two stock years to estimate between, YEAR0-YEAR1 (e.g. 1990-2000); repeat for "
    "several. Default: each consecutive pair of the edition's stock years.",
)
@click.option(
    "--wpp-edition",
    default="2019",
    show_default=True,
    help="WPP edition of population, deaths and net migrants (births derived).",
)
@click.option(
    "--if-missing",
    is_flag=True,
    help="Skip a sex whose flows of this edition and method the warehouse already holds "
    "(a new build starts without flows).",
)
@click.pass_context
@reports_errors
def run(ctx: click.Context, /, **options: Any) -> None:
    """Estimate flows between stock years of an edition from the warehouse and store them.

    Results go to the warehouse tables flow_runs and flows (see docs/methods/flows.md), one
    run per sex and period; the run id names the method, edition, sex, period, WPP edition
    and options, so runs with other settings are kept side by side.
    """
    from migobs.flows.demographic import AccountingOptions
    from migobs.flows.estimate import estimate_edition

    settings = settings_from(ctx)
    check_global_balance(ctx, options)
    opts = AccountingOptions(**{name: options[name] for name in ACCOUNTING_NAMES})
    for sex in _runnable_sexes(settings.warehouse, options["edition"], options["sex"]):
        if options["if_missing"] and _stored(settings.warehouse, options, sex):
            click.echo(
                f"{sex}: flows of edition {options['edition']} ({options['method']}) are "
                "stored; nothing to do."
            )
            continue
        periods = estimate_edition(
            settings.warehouse,
            options["edition"],
            sex,
            options["wpp_edition"],
            opts,
            options["periods"],
        )
        for period in periods:
            click.echo(_period_line(sex, period))
        click.echo(f"stored as {periods[0].run_id.rsplit('/', 3)[0]}/... in flow_runs, flows")


def _period_line(sex: str, period: PeriodFlows) -> str:
    """A period's total and annual average (periods differ in length), and how far to trust it."""
    from migobs.flows.diagnostics import fit_summary

    total = period.estimate.od.sum()
    years = period.year1 - period.year0
    diagnostics = period.estimate.diagnostics
    assumed = sorted({item["name"] for item in diagnostics.imputations})
    line = (
        f"{sex} {period.year0}-{period.year1} ({years} years): {total / 1e6:.2f} million movers, "
        f"{total / years / 1e6:.2f} million a year ({100 * total / period.world_pop:.3f}% of "
        f"world population), {fit_summary(diagnostics.as_dict())}"
    )
    if assumed:
        line += f"; values assumed for {len(assumed)} areas (see the run's diagnostics)"
    return line


def _stored(warehouse: Path, options: dict[str, Any], sex: str) -> bool:
    """Whether the warehouse holds runs of the asked method for the edition and ``sex``."""
    from migobs.warehouse.read.flows import flow_runs
    from migobs.warehouse.read.session import reading

    with reading(warehouse) as con:
        filters = {"edition": options["edition"], "sex": sex, "method": options["method"]}
        return flow_runs(con, filters=filters, limit=1).count > 0


def _runnable_sexes(warehouse: Path, edition: str, asked: str) -> list[str]:
    """The sexes to run, checked before any work: --sex all skips (and says) what cannot run."""
    from migobs.flows.inputs import SEXES, sexes

    wanted = list(SEXES) if asked == "all" else [{"both": "total"}.get(asked, asked)]
    reasons = sexes(warehouse, edition)
    runnable = [sex for sex in wanted if reasons[sex] is None]
    for sex in wanted:
        reason = reasons[sex]
        if reason is not None and (asked != "all" or not runnable):
            raise click.ClickException(f"cannot estimate sex {sex}: {reason}")
        if reason is not None:
            click.echo(f"skipping sex {sex}: {reason}")
    return runnable


flows.add_command(ensemble)
