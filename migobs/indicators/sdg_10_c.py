"""SDG 10.c.1: remittance costs as % of the amount sent (World Bank Remittance Prices Worldwide).

The World Bank's Global Average (and its regional, G20 and country averages) is, for each
quarter, the simple average of every service's total cost of sending USD 200 in every corridor
it surveys. The extract held (RPW Corridors, series ATCR.CORR) gives one figure per corridor and
quarter, each already the average of that corridor's services, so:

- ``sdg.10.c.1.quarterly`` is the simple average of the corridor averages of one quarter (every
  corridor weighs the same, whatever its number of services): the Bank's quarterly series on
  the finest observations held, not its published figure (7.34% for the world in Q4 2017, where
  the Bank published 7.09%), listed and exported per quarter (``2017 Q1`` ... ``2017 Q4``);
- ``sdg.10.c.1`` is the annual figure: the simple average of every corridor-quarter average of
  the year's quarters held (a year with fewer than four quarters says which, e.g.
  ``2020, Q1–Q3``);
- a corridor's cost in a year is the mean of its quarters.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from itertools import chain
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
Corridors = dict[tuple[int, int], list[Cell]]
"""Cost cells by (sending, receiving) corridor."""


def _edition(ctx: Context, edition: str | None) -> str:
    return editions.pick(_editions(ctx), edition, "Remittance Prices Worldwide")


def _editions(ctx: Context) -> list[str]:
    return ctx.memo(("editions", SOURCE), lambda: editions.source_editions(ctx.con, SOURCE))


def _observations(ctx: Context, year: int, edition: str) -> tuple[Corridors, dict[Cell, int]]:
    """Quarterly cost cells of each corridor in ``year``, and the quarter of each cell."""

    def read() -> tuple[Corridors, dict[Cell, int]]:
        found: Corridors = defaultdict(list)
        quarters: dict[Cell, int] = {}
        for quarter, cell in prices.corridor_costs(ctx.con, edition, year):
            found[(cell.counterpart or 0, cell.area)].append(cell)
            quarters[cell] = quarter
        return dict(found), quarters

    return ctx.memo(("corridor-costs", edition, year), read)


def corridor_costs(ctx: Context, year: int, edition: str) -> Corridors:
    """Quarterly cost cells of each (sending, receiving) corridor in ``year``."""
    return _observations(ctx, year, edition)[0]


def quarters_held(ctx: Context, year: int, edition: str, cells: tuple[Cell, ...]) -> list[int]:
    """The quarters ``cells`` are about, in order."""
    quarter_of = _observations(ctx, year, edition)[1]
    return sorted({quarter_of[cell] for cell in cells})


def part_of_year(year: int, quarters: list[int]) -> str:
    """``2020, Q1–Q3`` for a year with data for some quarters only; empty for a whole year."""
    if not quarters or quarters == [1, 2, 3, 4]:
        return ""
    if quarters == list(range(quarters[0], quarters[-1] + 1)):
        return f"{year}, Q{quarters[0]}" + (f"–Q{quarters[-1]}" if len(quarters) > 1 else "")
    return f"{year}, " + ", ".join(f"Q{quarter}" for quarter in quarters)


def _mean(cells: list[Cell]) -> float:
    return fmean(cell.value for cell in cells if cell.value is not None)


def _select(ctx: Context, area: Area, year: int, edition: str, sending: bool) -> Corridors:
    """The corridors of ``year`` out of (``sending``) or into the area, in their order."""
    corridors = corridor_costs(ctx, year, edition)
    if area.m49 == WORLD:
        return corridors
    side = 0 if sending else 1
    ends = ctx.memo(("corridor ends", edition, year, side), lambda: _by_end(corridors, side))
    inside = [area.m49]
    if area.is_group:
        schemes = ctx.with_income_groups(["m49", "sdg", "development"])
        inside = ctx.members(area.m49, schemes, ends)[1]
    chosen = sorted(chain.from_iterable(ends.get(end, ()) for end in set(inside)))
    return {pair: corridors[pair] for _, pair in chosen}


def _by_end(corridors: Corridors, side: int) -> dict[int, list[tuple[int, tuple[int, int]]]]:
    """Each country at one end (``side`` 0: sending, 1: receiving) of the corridors, with each
    of its corridors and their place in ``corridors``: an area's corridors are then found
    without going through every corridor (per area, year and quarter of every SDG 10.c.1
    indicator)."""
    ends: dict[int, list[tuple[int, tuple[int, int]]]] = defaultdict(list)
    for place, pair in enumerate(corridors):
        ends[pair[side]].append((place, pair))
    return dict(ends)


def average(sending: bool) -> Indicator:
    """``sdg.10.c.1`` (corridors into the area) or ``sdg.10.c.1.sending`` (out of it): the simple
    average of every corridor-quarter average of the year."""
    code = "sdg.10.c.1.sending" if sending else "sdg.10.c.1"

    def compute(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
        held = _edition(ctx, edition)
        chosen = _select(ctx, area, year, held, sending)
        cells = tuple(c for cells in chosen.values() for c in cells if c.value is not None)
        quarters = quarters_held(ctx, year, held, cells)
        value = value_of(
            code, area, year, "percent", held, [Total(None, cells, "")],
            fmean(c.value for c in cells if c.value is not None) if cells else None,
            method=f"simple average of {len(cells)} corridor-quarter averages of {year} "
            f"({len(chosen)} corridors, quarters {', '.join(f'Q{q}' for q in quarters)})",
        )  # fmt: skip
        return replace(value, period=part_of_year(year, quarters))

    return Indicator(compute, years, areas, _editions)


def quarterly(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Simple average of the corridor averages into the area in one quarter (default: the
    year's last quarter with data)."""
    held = _edition(ctx, edition)
    every = _observations(ctx, year, held)[1]
    quarter = opts.quarter or max(every.values(), default=4)
    if not 1 <= quarter <= 4:
        raise ValueNotFound(f"A quarter is 1, 2, 3 or 4, not {quarter}.")
    chosen = _select(ctx, area, year, held, sending=False)
    cells = tuple(c for cs in chosen.values() for c in cs if every[c] == quarter)
    value = value_of(
        "sdg.10.c.1.quarterly", area, year, "percent", held, [Total(None, cells, "")],
        fmean(c.value for c in cells if c.value is not None) if cells else None,
        method=f"simple average of the {len(cells)} corridor averages of {year} Q{quarter}",
    )  # fmt: skip
    return replace(value, period=f"{year} Q{quarter}")


def quarters(ctx: Context, year: int, edition: str | None, opts: Options) -> list[Options]:
    """One ``quarter`` option per quarter of ``year`` held (only ``opts.quarter`` when given)."""
    if opts.quarter is not None:
        return [opts]
    held = sorted(set(_observations(ctx, year, _edition(ctx, edition))[1].values()))
    return [replace(opts, quarter=quarter) for quarter in held]


def above_target(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """% of the area's corridors (receiving) whose yearly cost is above 5% (target 10.c)."""
    held = _edition(ctx, edition)
    chosen = _select(ctx, area, year, held, sending=False)
    above = [cells for cells in chosen.values() if _mean(cells) > TARGET_CORRIDOR]
    part = Total(None, tuple(c for cells in chosen.values() for c in cells), "")
    share = 100 * len(above) / len(chosen) if chosen else None
    value = value_of(
        "sdg.10.c.1.above_5pct", area, year, "percent", held, [part], share,
        method=f"{len(above)} of {len(chosen)} corridors cost more than 5% on average",
    )  # fmt: skip
    return replace(value, period=part_of_year(year, quarters_held(ctx, year, held, part.inputs)))


def corridor(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Cost of sending from ``counterpart`` to ``area`` in ``year`` (mean of its quarters)."""
    if opts.counterpart is None:
        raise ValueNotFound(
            "sdg.10.c.1.corridor is about a pair of countries: give the sending country as the counterpart."
        )
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
    period = part_of_year(year, quarters_held(ctx, year, edition, tuple(cells)))
    return replace(value, counterpart=sending, period=period)


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
    "sdg.10.c.1.quarterly": Indicator(quarterly, years, areas, _editions, periods=quarters),
    "sdg.10.c.1.above_5pct": Indicator(above_target, years, areas, _editions),
    "sdg.10.c.1.corridor": Indicator(corridor, years, areas, _editions, corridor_table),
}
