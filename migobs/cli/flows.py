"""``migobs flows``: estimate bilateral migration flows from two stock tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import numpy as np

from migobs.cli._common import reports_errors, settings_from
from migobs.errors import EstimationError
from migobs.flows.demographic import AccountingOptions, FlowEstimate, demographic_accounting
from migobs.flows.diagnostics import Diagnostics
from migobs.flows.estimate import estimate_edition
from migobs.flows.files import read_matrix, read_vector, write_array, write_od
from migobs.flows.rates import dennett, rogers_von_rabenau
from migobs.flows.stock_difference import stock_difference

FILE = click.Path(dir_okay=False, path_type=Path)
IN_FILE = click.Path(exists=True, dir_okay=False, path_type=Path)


@click.group()
def flows() -> None:
    """Bilateral migration flows estimated from stock tables (place of birth x residence)."""


@flows.command()
@click.option(
    "--method",
    required=True,
    type=click.Choice(
        ["stock-difference", "migration-rate", "rogers-von-rabenau", "demographic-accounting"]
    ),
    help="stock-difference (Beine et al. 2016; Abel & Cohen 2019), migration-rate (Dennett "
    "2016), rogers-von-rabenau (Rogers & von Rabenau 1971) or demographic-accounting (Abel "
    "2013; Abel & Sander 2014; Abel 2018; Abel & Cohen 2019).",
)
@click.option(
    "--stock-start",
    required=True,
    type=IN_FILE,
    help="Stock at the start: wide CSV, first column place of birth, header place of residence.",
)
@click.option("--stock-end", type=IN_FILE, help="Stock at the end, same layout and names.")
@click.option("--births", type=IN_FILE, help="Births per residence in the period (name,value).")
@click.option("--deaths", type=IN_FILE, help="Deaths per residence in the period (name,value).")
@click.option(
    "--decrease",
    type=click.Choice(["zero", "return"]),
    default="return",
    show_default=True,
    help="stock-difference: drop falls in stock (zero; Beine et al. "
    "2016) or count them as returns to the birthplace (return; Abel & Cohen 2019).",
)
@click.option(
    "--include-native-born/--no-include-native-born",
    default=False,
    show_default=True,
    help="stock-difference: keep the native-born diagonal.",
)
@click.option(
    "--total-flows",
    type=float,
    help="migration-rate: global flow total of the "
    "period in persons, to which the stock pattern is scaled (Dennett 2016).",
)
@click.option(
    "--birthplace-balance",
    type=click.Choice(["rescale", "open", "open-dr"]),
    default="rescale",
    show_default=True,
    help="demographic-accounting: match "
    "birthplace totals by rescaling (closed; Abel & Sander 2014, Abel & Cohen 2019), "
    "by moves to and from outside (open; Abel 2018) or the older open variant "
    "(open-dr; Abel 2013).",
)
@click.option(
    "--global-balance",
    type=click.Choice(["before", "after"]),
    default="before",
    show_default=True,
    help="demographic-accounting: make world change equal births "
    "minus deaths before or after removing births and deaths (Abel & Cohen 2019).",
)
@click.option(
    "--stayers/--no-stayers",
    default=True,
    show_default=True,
    help="demographic-accounting: minimum-migration stayer assumption (Abel 2013) or "
    "the independence model (Azose & Raftery 2019 use it as a start).",
)
@click.option(
    "--birth-method",
    type=click.Choice(["native", "proportion"]),
    default="native",
    show_default=True,
    help="demographic-accounting: babies are native-born, or "
    "births spread like the end stock (Abel 2018).",
)
@click.option(
    "--death-method",
    type=click.Choice(["proportion", "accounting"]),
    default="proportion",
    show_default=True,
    help="demographic-accounting: one death "
    "rate per residence, or deaths fitted by demographic accounting (Abel 2018).",
)
@click.option(
    "--seed-matrix",
    type=IN_FILE,
    help="demographic-accounting with --no-stayers: "
    "origin x destination seed (wide CSV, e.g. inverse distances).",
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
    help="Write the diagnostics (convergence, negatives, excess births, global balance) as JSON.",
)
@reports_errors
def estimate(**options: Any) -> None:
    """Estimate flows between two stock tables and write them as CSV.

    Stocks are wide CSV matrices (rows: place of birth, columns: place of residence) with the
    same region names; births and deaths are name,value files. Inconsistent input is an error
    that names the problem, never a silent change of units.
    """
    start, names = read_matrix(options["stock_start"])
    result = _estimate(options, start, names)
    write_od(options["out"], result.od, names)
    if options["array_path"] is not None:
        if result.array is None:
            raise EstimationError("--array is only available with demographic-accounting")
        write_array(options["array_path"], result.array, names)
    if options["diagnostics_path"] is not None:
        diagnostics = result.diagnostics.as_dict() | {"method": options["method"]}
        options["diagnostics_path"].write_text(json.dumps(diagnostics, indent=2))
    click.echo(f"{len(names)} regions, {result.od.sum():,.0f} movers -> {options['out']}")


def _estimate(options: dict[str, Any], start: np.ndarray, names: list[str]) -> FlowEstimate:
    method = options["method"]
    if method == "migration-rate":
        if options["total_flows"] is None:
            raise EstimationError("migration-rate needs --total-flows (persons in the period)")
        return FlowEstimate(dennett(start, options["total_flows"]), None, Diagnostics())
    end = _required_matrix(options, "stock_end", names)
    if method == "stock-difference":
        od = stock_difference(
            start,
            end,
            decrease=options["decrease"],
            include_native_born=options["include_native_born"],
        )
        return FlowEstimate(od, None, Diagnostics())
    if method == "rogers-von-rabenau":
        return FlowEstimate(rogers_von_rabenau(start, end), None, Diagnostics())
    return _accounting(options, start, end, names)


def _required_matrix(options: dict[str, Any], key: str, names: list[str]) -> np.ndarray:
    if options[key] is None:
        raise EstimationError(
            f"--{key.replace('_', '-')} is needed by --method {options['method']}"
        )
    return read_matrix(options[key], names)[0]


def _accounting(
    options: dict[str, Any], start: np.ndarray, end: np.ndarray, names: list[str]
) -> FlowEstimate:
    for key in ("births", "deaths"):
        if options[key] is None:
            raise EstimationError(f"--{key} is needed by --method demographic-accounting")
    seed = None
    if options["seed_matrix"] is not None:
        seed = read_matrix(options["seed_matrix"], names)[0]
    opts = AccountingOptions(
        global_balance=options["global_balance"],
        birthplace_balance=options["birthplace_balance"],
        stayers=options["stayers"],
        birth_method=options["birth_method"],
        death_method=options["death_method"],
    )
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
    help="Sex of the stock tables (the 2017 O-D table has both sexes only).",
)
@click.option(
    "--method",
    type=click.Choice(["demographic-accounting"]),
    default="demographic-accounting",
    show_default=True,
    help="Estimation method (closed minimum migration; Abel & Cohen 2019).",
)
@click.option(
    "--wpp-edition",
    default="2019",
    show_default=True,
    help="WPP edition of population, deaths and net migrants (births derived).",
)
@click.pass_context
@reports_errors
def run(ctx: click.Context, edition: str, sex: str, method: str, wpp_edition: str) -> None:
    """Estimate flows for every period of an edition from the warehouse and store them.

    Results go to the warehouse tables flow_runs and flows (see docs/methods/flows.md).
    """
    settings = settings_from(ctx)
    sexes = ["total", "male", "female"] if sex == "all" else [{"both": "total"}.get(sex, sex)]
    for one in sexes:
        for period in estimate_edition(settings.warehouse, edition, one, wpp_edition):
            total = period.estimate.od.sum()
            click.echo(
                f"{one} {period.year0}-{period.year1}: {total / 1e6:.2f} million movers "
                f"({100 * total / period.world_pop:.3f}% of world population), "
                f"{fit_summary(period.estimate.diagnostics)}"
            )


def fit_summary(diagnostics: Diagnostics) -> str:
    """``converged``, or which margin the fits missed and by how much (persons)."""
    worst = diagnostics.worst_margin
    if diagnostics.margins_met or worst is None:
        return "converged" if diagnostics.converged else "NOT converged: sweep limit reached"
    where = f"{worst['margin']} {worst['name']}"
    if "birthplace" in worst:
        where += f" (born in {worst['birthplace']})"
    return (
        f"NOT converged: {worst['fit']} misses the {where} total by {worst['gap']:+,.0f} "
        "persons (see the diagnostics)"
    )
