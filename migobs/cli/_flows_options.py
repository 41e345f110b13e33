"""Options of `migobs flows`: shared accounting options, which method uses which, periods."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

import click

from migobs.flows.methods import (
    ACCOUNTING,
    BirthMethod,
    BirthplaceBalance,
    DeathMethod,
    GlobalBalance,
    Method,
    choices,
)

P = ParamSpec("P")
R = TypeVar("R")


def accounting_options(command: Callable[P, R]) -> Callable[P, R]:
    """The options of demographic accounting, shared by `flows estimate` and `flows run`."""
    for option in reversed(ACCOUNTING_OPTIONS):
        command = option(command)
    return command


ACCOUNTING_OPTIONS = [
    click.option(
        "--birthplace-balance",
        type=click.Choice(choices(BirthplaceBalance)),
        default="rescale",
        show_default=True,
        help="demographic-accounting: match "
        "birthplace totals by rescaling (closed; Abel & Sander 2014, Abel & Cohen 2019), "
        "by moves to and from outside (open; Abel 2018) or the older open variant "
        "(open-dr; Abel 2013).",
    ),
    click.option(
        "--global-balance",
        type=click.Choice(choices(GlobalBalance)),
        default="before",
        show_default=True,
        help="demographic-accounting: make world change equal births "
        "minus deaths before or after removing births and deaths (Abel & Cohen 2019).",
    ),
    click.option(
        "--stayers/--no-stayers",
        default=True,
        show_default=True,
        help="demographic-accounting: minimum-migration stayer assumption (Abel 2013) or "
        "the independence model (Azose & Raftery 2019 use it as a start).",
    ),
    click.option(
        "--birth-method",
        type=click.Choice(choices(BirthMethod)),
        default="native",
        show_default=True,
        help="demographic-accounting: babies are native-born, or "
        "births spread like the end stock (Abel 2018).",
    ),
    click.option(
        "--death-method",
        type=click.Choice(choices(DeathMethod)),
        default="proportion",
        show_default=True,
        help="demographic-accounting: one death "
        "rate per residence, or deaths fitted by demographic accounting (Abel 2018).",
    ),
]


ACCOUNTING_NAMES = (
    "birthplace_balance",
    "global_balance",
    "stayers",
    "birth_method",
    "death_method",
)


# Which methods use each input and option (by parameter name); anything else is refused.
USED_BY: dict[str, set[Method]] = {
    "stock_end": {"stock-difference", "rogers-von-rabenau", ACCOUNTING},
    "births": {ACCOUNTING},
    "deaths": {ACCOUNTING},
    "decrease": {"stock-difference"},
    "include_native_born": {"stock-difference"},
    "total_flows": {"migration-rate"},
    "negative_flows": {"rogers-von-rabenau"},
    "birthplace_balance": {ACCOUNTING},
    "global_balance": {ACCOUNTING},
    "stayers": {ACCOUNTING},
    "birth_method": {ACCOUNTING},
    "death_method": {ACCOUNTING},
    "seed_matrix": {ACCOUNTING},
    "array_path": {ACCOUNTING},
}
REQUIRED: dict[Method, tuple[str, ...]] = {
    "migration-rate": ("total_flows",),
    "stock-difference": ("stock_end",),
    "rogers-von-rabenau": ("stock_end",),
    ACCOUNTING: ("stock_end", "births", "deaths"),
}


def check_applicable(ctx: click.Context, options: dict[str, Any]) -> None:
    """Refuse options the method does not use, and missing ones it needs, before any work."""
    method = options["method"]
    given = {
        name
        for name in USED_BY
        if ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT
    }
    unused = sorted(name for name in given if method not in USED_BY[name])
    if unused:
        flags = ", ".join(_flag(ctx, name) for name in unused)
        raise click.UsageError(
            f"{flags} not used by --method {method}: drop it, or choose a method that uses "
            "it (see --help)"
        )
    missing = [name for name in REQUIRED[method] if options[name] is None]
    if missing:
        flags = ", ".join(_flag(ctx, name) for name in missing)
        raise click.UsageError(f"--method {method} needs {flags}")
    if method == ACCOUNTING:
        _check_accounting(ctx, options)


def _check_accounting(ctx: click.Context, options: dict[str, Any]) -> None:
    if options["seed_matrix"] is not None and options["stayers"]:
        raise click.UsageError(
            "--seed-matrix is used only with --no-stayers (the independence model): the "
            "stayer model's flows follow from the stocks alone (methods.md section 6a)"
        )
    check_global_balance(ctx, options)


def check_global_balance(ctx: click.Context, options: dict[str, Any]) -> None:
    given = ctx.get_parameter_source("global_balance") is not click.core.ParameterSource.DEFAULT
    if given and options["birthplace_balance"] != "rescale":
        raise click.UsageError(
            "--global-balance applies to the closed method (--birthplace-balance rescale) "
            "only: the open methods balance birthplace totals with moves to and from outside"
        )


def _flag(ctx: click.Context, name: str) -> str:
    param = next(p for p in ctx.command.params if p.name == name)
    return "/".join(param.opts + param.secondary_opts)


def parse_periods(
    ctx: click.Context, param: click.Parameter, values: tuple[str, ...]
) -> list[tuple[int, int]] | None:
    """``--period 1990-2000`` (repeatable) as year pairs; None for the default."""
    pairs = []
    for value in values:
        first, dash, last = value.partition("-")
        if not (dash and first.isdigit() and last.isdigit()):
            raise click.BadParameter(f"{value!r} is not YEAR0-YEAR1, e.g. 1990-2000", ctx, param)
        pairs.append((int(first), int(last)))
    return pairs or None
