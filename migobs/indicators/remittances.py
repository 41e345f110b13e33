"""Remittances (World Bank WDI): received, paid, SDG 17.3.2 (% of GDP), against net ODA received;
net ODA received itself."""

from __future__ import annotations

from collections.abc import Callable

from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.totals import Total, divide, total, value_of
from migobs.indicators.values import Options, Value
from migobs.warehouse.read import editions, series
from migobs.warehouse.read.groupings import Area


def edition_of(ctx: Context, variable: str, edition: str | None) -> str:
    """The WDI extract (vintage) of ``variable`` asked for, or the newest held."""
    return editions.pick(_editions(variable)(ctx), edition, f"WDI {variable}")


def _editions(variable: str) -> Callable[[Context], list[str]]:
    """The WDI extracts holding ``variable``, oldest first."""

    def held(ctx: Context) -> list[str]:
        return ctx.memo(
            ("series-editions", variable), lambda: editions.series_editions(ctx.con, variable)
        )

    return held


def amount(ctx: Context, variable: str, area: Area, year: int, edition: str) -> Total:
    """``variable`` (current US$) for ``area``: the economy's cell, or the World Bank aggregate
    (WLD, LMY, regions, income groups) with the sum of its member economies beside it."""
    return total(ctx, ctx.series(variable, edition, year), area, schemes(edition))


def schemes(edition: str) -> list[str]:
    """Membership lists for groupings: the WDI extract's own classification first."""
    return [f"wdi/{edition}", "m49", "sdg", "development"]


def flow(code: str, variable: str) -> Indicator:
    """``remittances.received``, ``remittances.paid`` or ``oda.received``: WDI ``variable`` in
    current US$."""

    def compute(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
        held = edition_of(ctx, variable, edition)
        part = amount(ctx, variable, area, year, held)
        return value_of(
            code, area, year, "current_usd", held, [part], part.value,
            method=part.method, from_members=part.from_members,
        )  # fmt: skip

    return Indicator(compute, _years(variable), _areas(variable), _editions(variable))


def ratio(code: str, denominator: str, scale: float, unit: str) -> Indicator:
    """Remittances received over ``denominator`` (``gdp`` or ``oda_received``) × ``scale``."""

    def compute(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
        held = edition_of(ctx, "remittances_received", edition)
        received = amount(ctx, "remittances_received", area, year, held)
        base = amount(ctx, denominator, area, year, edition_of(ctx, denominator, None))
        times = " × 100" if scale == 100 else ""
        return value_of(
            code, area, year, unit, held, [received, base],
            divide(received.value, base.value, scale),
            method=f"personal remittances received / {denominator.replace('_', ' ')}{times}",
            from_members=divide(received.from_members, base.from_members, scale),
        )  # fmt: skip

    return Indicator(
        compute,
        _years("remittances_received", denominator),
        _areas("remittances_received"),
        _editions("remittances_received"),
    )


def _years(variable: str, *others: str) -> Callable[[Context, str | None], list[int]]:
    """Years of ``variable`` in the edition asked for that every one of ``others`` (in its
    newest extract, as the ratios use them) also has."""

    def years(ctx: Context, edition: str | None) -> list[int]:
        held = set(series.series_years(ctx.con, variable, edition_of(ctx, variable, edition)))
        for other in others:
            held &= set(series.series_years(ctx.con, other, edition_of(ctx, other, None)))
        return sorted(held)

    return years


def _areas(variable: str) -> Callable[[Context, int, str | None], list[int]]:
    def areas(ctx: Context, year: int, edition: str | None) -> list[int]:
        held = edition_of(ctx, variable, edition)
        cells = ctx.series(variable, held, year)
        countries = {c for c in cells if ctx.area(c).kind == "country"}
        aggregates = {c for c in cells if ctx.area(c).is_group}
        return sorted(countries | aggregates | set(ctx.groupings(schemes(held))))

    return areas


INDICATORS = {
    "remittances.received": flow("remittances.received", "remittances_received"),
    "remittances.paid": flow("remittances.paid", "remittances_paid"),
    "oda.received": flow("oda.received", "oda_received"),
    "sdg.17.3.2": ratio("sdg.17.3.2", "gdp", 100, "percent"),
    "remittances.vs_oda": ratio("remittances.vs_oda", "oda_received", 1, "ratio"),
}
