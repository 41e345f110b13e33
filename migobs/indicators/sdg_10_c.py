"""SDG 10.c.1: remittance costs as % of the amount sent (World Bank Remittance Prices Worldwide).

The World Bank's Global Average (and its regional, G20 and country averages) is the simple
average of every observation of a period: each service's total cost of sending USD 200 in each
corridor. The extract held (RPW Corridors, series ATCR.CORR) gives one observation per corridor
and quarter, each already the average of that corridor's services, so ``sdg.10.c.1`` averages
every corridor-quarter observation of the year, equally: the Bank's formula on the finest
observations held, equal to its figure when corridors are quoted by equally many services.
``sdg.10.c.1.corridor_mean`` averages each corridor's yearly mean instead (corridors weigh the
same whatever their number of quarters). A corridor's cost in a year is the mean of its quarters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from statistics import fmean

from migobs.errors import ValueNotFound
from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.totals import Total, value_of
from migobs.indicators.values import Options, Value
from migobs.warehouse.read import editions, prices
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.groupings import Area

SOURCE, WORLD, TARGET_CORRIDOR = "rpw", 900, 5.0


def _edition(ctx: Context, edition: str | None) -> str:
    held = ctx.memo(("editions", SOURCE), lambda: editions.source_editions(ctx.con, SOURCE))
    return editions.pick(held, edition, "Remittance Prices Worldwide")


def corridor_costs(ctx: Context, year: int, edition: str) -> dict[tuple[int, int], list[Cell]]:
    """Quarterly cost cells of each (sending, receiving) corridor in ``year``."""

    def read() -> dict[tuple[int, int], list[Cell]]:
        found: dict[tuple[int, int], list[Cell]] = defaultdict(list)
        for cell in prices.corridor_costs(ctx.con, edition, year):
            found[(cell.counterpart or 0, cell.area)].append(cell)
        return dict(found)

    return ctx.memo(("corridor-costs", edition, year), read)


def _mean(cells: list[Cell]) -> float:
    return fmean(cell.value for cell in cells if cell.value is not None)


def _select(
    ctx: Context, area: Area, corridors: dict[tuple[int, int], list[Cell]], sending: bool
) -> dict[tuple[int, int], list[Cell]]:
    if area.m49 == WORLD:
        return corridors
    side = 0 if sending else 1
    inside = {area.m49}
    if area.is_group:
        present = {pair[side] for pair in corridors}
        schemes = ctx.with_income_groups(["m49", "sdg", "development"])
        inside = set(ctx.members(area.m49, schemes, present)[1])
    return {pair: cells for pair, cells in corridors.items() if pair[side] in inside}


def average(sending: bool) -> Indicator:
    """``sdg.10.c.1`` (corridors into the area) or ``sdg.10.c.1.sending`` (out of it): the simple
    average of every corridor-quarter observation of the year."""
    code = "sdg.10.c.1.sending" if sending else "sdg.10.c.1"

    def compute(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
        held = _edition(ctx, edition)
        chosen = _select(ctx, area, corridor_costs(ctx, year, held), sending)
        cells = tuple(c for cells in chosen.values() for c in cells if c.value is not None)
        return value_of(
            code, area, year, "percent", held, [Total(None, cells, "")],
            fmean(c.value for c in cells if c.value is not None) if cells else None,
            method=f"simple average of {len(cells)} corridor-quarter observations of {year} "
            f"({len(chosen)} corridors)",
        )  # fmt: skip

    return Indicator(compute, years, areas)


def corridor_mean(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """Equal-weight mean over the corridors into the area of each corridor's yearly mean."""
    held = _edition(ctx, edition)
    chosen = _select(ctx, area, corridor_costs(ctx, year, held), sending=False)
    means = [_mean(cells) for cells in chosen.values()]
    part = Total(None, tuple(c for cells in chosen.values() for c in cells), "")
    return value_of(
        "sdg.10.c.1.corridor_mean", area, year, "percent", held, [part],
        fmean(means) if means else None,
        method=f"unweighted mean over {len(means)} corridors of each corridor's mean quarterly cost",
    )  # fmt: skip


def above_target(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """% of the area's corridors (receiving) whose yearly cost is above 5% (target 10.c)."""
    held = _edition(ctx, edition)
    chosen = _select(ctx, area, corridor_costs(ctx, year, held), sending=False)
    above = [cells for cells in chosen.values() if _mean(cells) > TARGET_CORRIDOR]
    part = Total(None, tuple(c for cells in chosen.values() for c in cells), "")
    share = 100 * len(above) / len(chosen) if chosen else None
    return value_of(
        "sdg.10.c.1.above_5pct", area, year, "percent", held, [part], share,
        method=f"{len(above)} of {len(chosen)} corridors cost more than 5% on average",
    )  # fmt: skip


def corridor(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Cost of sending from ``counterpart`` to ``area`` in ``year`` (mean of its quarters)."""
    if opts.counterpart is None:
        raise ValueNotFound("sdg.10.c.1.corridor needs the sending country: counterpart (--from).")
    held = _edition(ctx, edition)
    cells = corridor_costs(ctx, year, held).get((opts.counterpart, area.m49), [])
    return _corridor_value(ctx, area, year, held, opts.counterpart, cells)


def _corridor_value(
    ctx: Context, area: Area, year: int, edition: str, sending: int, cells: list[Cell]
) -> Value:
    value = value_of(
        "sdg.10.c.1.corridor", area, year, "percent", edition, [Total(None, tuple(cells), "")],
        _mean(cells) if cells else None,
        method=f"mean of {len(cells)} quarterly costs, {ctx.area(sending).name} → {area.name}",
    )  # fmt: skip
    return replace(value, counterpart=sending)


def corridor_table(ctx: Context, year: int, edition: str | None) -> list[Value]:
    """Every corridor's cost in ``year``, dearest first."""
    held = _edition(ctx, edition)
    values = [
        _corridor_value(ctx, ctx.area(receiving), year, held, sending, cells)
        for (sending, receiving), cells in corridor_costs(ctx, year, held).items()
    ]
    return sorted(values, key=lambda v: -(v.value or 0.0))


def years(ctx: Context, edition: str | None) -> list[int]:
    """Years with corridor costs."""
    return prices.price_years(ctx.con, _edition(ctx, edition))


def areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """The world, every country at either end of a corridor and every grouping of countries."""
    pairs = corridor_costs(ctx, year, _edition(ctx, edition))
    groups = ctx.groupings(ctx.with_income_groups(["m49", "sdg", "development"]))
    return sorted({WORLD} | {s for s, _ in pairs} | {r for _, r in pairs} | set(groups))


INDICATORS = {
    "sdg.10.c.1": average(sending=False),
    "sdg.10.c.1.sending": average(sending=True),
    "sdg.10.c.1.above_5pct": Indicator(above_target, years, areas),
    "sdg.10.c.1.corridor_mean": Indicator(corridor_mean, years, areas),
    "sdg.10.c.1.corridor": Indicator(corridor, years, areas, corridor_table),
}
