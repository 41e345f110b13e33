"""Remittance corridors: the World Bank/KNOMAD bilateral remittance estimates (sending →
receiving), and each area's total received and sent as the matrix gives it."""

from __future__ import annotations

from dataclasses import replace

from migobs.errors import ValueNotFound
from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.totals import Total, corridor_value, sum_of, value_of
from migobs.indicators.values import Options, Value
from migobs.warehouse.read import bilateral, editions
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.groupings import Area

SOURCE, WORLD = "knomad", 900


def _edition(ctx: Context, edition: str | None) -> str:
    return editions.pick(_editions(ctx), edition, "the KNOMAD bilateral remittance matrix")


def _editions(ctx: Context) -> list[str]:
    return ctx.memo(("editions", SOURCE), lambda: editions.source_editions(ctx.con, SOURCE))


def _matrix(ctx: Context, year: int, edition: str) -> list[Cell]:
    return ctx.memo(
        ("remittance-matrix", edition, year),
        lambda: bilateral.remittance_matrix(ctx.con, edition, year),
    )


def _by_receiver(ctx: Context, year: int, edition: str) -> dict[int, list[Cell]]:
    def read() -> dict[int, list[Cell]]:
        found: dict[int, list[Cell]] = {}
        for cell in _matrix(ctx, year, edition):
            found.setdefault(cell.area, []).append(cell)
        return found

    return ctx.memo(("remittance-matrix by receiver", edition, year), read)


def corridor(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Remittances sent from ``counterpart`` to ``area`` (current US$)."""
    if opts.counterpart is None:
        raise ValueNotFound(
            "remittances.corridor is about a pair of countries: give the sending country as the counterpart."
        )
    held = _edition(ctx, edition)
    found = [
        c
        for c in _matrix(ctx, year, held)
        if (c.area, c.counterpart) == (area.m49, opts.counterpart)
    ]
    part = Total(found[0].value, (found[0],), "stated") if found else Total(None, (), "no estimate")
    value = value_of(
        "remittances.corridor", area, year, "current_usd", held, [part], part.value,
        method=f"bilateral estimate, {ctx.area(opts.counterpart).name} → {area.name}",
    )  # fmt: skip
    return replace(value, counterpart=opts.counterpart)


def corridor_table(ctx: Context, year: int, edition: str | None) -> list[Value]:
    """Every corridor between two countries in ``year``, largest first (the top corridors)."""
    held = _edition(ctx, edition)
    return [
        corridor_value(
            "remittances.corridor",
            c,
            ctx.area(c.area).name,
            year,
            "current_usd",
            held,
            "bilateral estimate",
        )
        for c in _matrix(ctx, year, held)
        if WORLD not in (c.area, c.counterpart)
    ]


def received(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """Remittances into ``area`` as the matrix totals them (its WORLD row); for the world, the
    grand total with the sum of every corridor between two countries beside it."""
    held = _edition(ctx, edition)
    into = _by_receiver(ctx, year, held).get(area.m49, [])
    stated = [c for c in into if c.counterpart == WORLD]
    parts = [c for c in into if c.counterpart != WORLD]
    total = Total(stated[0].value, tuple(stated), "the matrix's total") if stated else Total(
        sum_of(parts), tuple(parts), f"sum of {len(parts)} corridors"
    )  # fmt: skip
    value = value_of(
        "remittances.bilateral_received", area, year, "current_usd", held, [total], total.value,
        method=total.method,
    )  # fmt: skip
    if area.m49 != WORLD:
        return value
    between = [c for c in _matrix(ctx, year, held) if WORLD not in (c.area, c.counterpart)]
    return replace(value, from_members=sum_of(between))


def years(ctx: Context, edition: str | None) -> list[int]:
    """Years of the matrix."""
    return bilateral.matrix_years(ctx.con, _edition(ctx, edition))


def areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """Receiving areas of the matrix."""
    return sorted({c.area for c in _matrix(ctx, year, _edition(ctx, edition))})


INDICATORS = {
    "remittances.corridor": Indicator(corridor, years, areas, _editions, corridor_table),
    "remittances.bilateral_received": Indicator(received, years, areas, _editions),
}
