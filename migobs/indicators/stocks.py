"""International migrant stock: totals by sex, share of population, female share, change, emigrants,
corridors (UN DESA International Migrant Stock, any edition held)."""

from __future__ import annotations

from dataclasses import replace

from migobs.errors import ValueNotFound
from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.totals import Total, corridor_value, divide, total, value_of
from migobs.indicators.values import Options, Value
from migobs.warehouse.read import editions, stock_cells
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.groupings import Area

SOURCE = "undesa_stock"
DEFAULT_BASE_YEAR = 2000


def edition_of(ctx: Context, edition: str | None) -> str:
    """The stock edition asked for, or the newest held."""
    return editions.pick(held_editions(ctx), edition, "the UN DESA migrant stock")


def held_editions(ctx: Context) -> list[str]:
    """The editions of the migrant stock held, oldest first."""
    return ctx.memo(("editions", SOURCE), lambda: editions.source_editions(ctx.con, SOURCE))


def schemes(edition: str) -> list[str]:
    """Membership lists for groupings: the edition's own ANNEX first, then M49, SDG, UN groups."""
    return [f"{SOURCE}/{edition}", "m49", "sdg", "development", "wpp/2019"]


def stock(ctx: Context, area: Area, year: int, edition: str, sex: str = "total") -> Total:
    """Migrants (persons) of one sex living in ``area`` in ``year``."""
    cells = ctx.memo(
        ("stock", edition, year, sex),
        lambda: stock_cells.by_destination(ctx.con, SOURCE, edition, year, sex),
    )
    return total(ctx, cells, area, schemes(edition))


def _stated(ctx: Context, edition: str, variable: str, area: Area, year: int) -> Cell | None:
    cells = ctx.memo(
        ("table", edition, variable, year),
        lambda: stock_cells.table_values(ctx.con, edition, variable, year),
    )
    return cells.get(area.m49)


def by_sex(sex: str) -> Indicator:
    """``stock.total``, ``stock.male`` or ``stock.female``: migrants living in the area."""

    def compute(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
        held = edition_of(ctx, edition)
        part = stock(ctx, area, year, held, sex)
        return value_of(
            f"stock.{sex}", area, year, "persons", held, [part], part.value,
            method=part.method, from_members=part.from_members, published=part.published,
        )  # fmt: skip

    return Indicator(compute, years, areas, held_editions)


def share_of_population(
    ctx: Context, area: Area, year: int, edition: str | None, _: Options
) -> Value:
    """Migrants as % of the total population (Table 1 over Table 2 of the same edition)."""
    held = edition_of(ctx, edition)
    migrants = stock(ctx, area, year, held)
    population_cells = ctx.memo(
        ("table", held, "population", year),
        lambda: stock_cells.table_values(ctx.con, held, "population", year),
    )
    population = total(ctx, population_cells, area, schemes(held))
    stated = _stated(ctx, held, "migrant_share_pct", area, year)
    return value_of(
        "stock.share_of_population", area, year, "percent", held, [migrants, population],
        divide(migrants.value, population.value, 100),
        method="100 × migrant stock / total population",
        from_members=divide(migrants.from_members, population.from_members, 100),
        published=stated.value if stated else None,
    )  # fmt: skip


def female_share(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """Women as % of the migrant stock (female over both sexes)."""
    held = edition_of(ctx, edition)
    women, everyone = stock(ctx, area, year, held, "female"), stock(ctx, area, year, held)
    stated = _stated(ctx, held, "female_share_pct", area, year)
    return value_of(
        "stock.female_share", area, year, "percent", held, [women, everyone],
        divide(women.value, everyone.value, 100),
        method="100 × female migrant stock / migrant stock",
        from_members=divide(women.from_members, everyone.from_members, 100),
        published=stated.value if stated else None,
    )  # fmt: skip


def change(percent: bool) -> Indicator:
    """``stock.change`` (persons) or ``stock.change_pct`` (%) from ``base_year`` to the year."""
    code = "stock.change_pct" if percent else "stock.change"

    def compute(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
        held = edition_of(ctx, edition)
        base = opts.base_year or DEFAULT_BASE_YEAR
        now, then = stock(ctx, area, year, held), stock(ctx, area, base, held)
        figure, members = _difference(now, then, percent)
        return value_of(
            code, area, year, "percent" if percent else "persons", held, [now, then], figure,
            method=f"migrant stock {year} {'/' if percent else '-'} migrant stock {base}"
            + (" - 1, × 100" if percent else ""),
            from_members=members, period=f"{base}–{year}",
        )  # fmt: skip

    return Indicator(compute, years, areas, held_editions)


def _difference(now: Total, then: Total, percent: bool) -> tuple[float | None, float | None]:
    def one(a: float | None, b: float | None) -> float | None:
        if a is None or b is None:
            return None
        return divide(a - b, b, 100) if percent else a - b

    return one(now.value, then.value), one(now.from_members, then.from_members)


def _origin_editions(ctx: Context) -> list[str]:
    held = held_editions(ctx)
    return ctx.memo(
        ("origin editions", SOURCE),
        lambda: [e for e in held if stock_cells.origin_years(ctx.con, SOURCE, e)],
    )


def _origin_edition(ctx: Context, edition: str | None) -> str:
    return editions.pick(
        _origin_editions(ctx), edition, "migrants by origin (an origin-destination table)"
    )


def emigrants(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """People born in ``area`` living in another country (world row of the O-D table)."""
    held = _origin_edition(ctx, edition)
    cells = ctx.memo(
        ("origin", held, year), lambda: stock_cells.by_origin(ctx.con, SOURCE, held, year)
    )
    part = total(ctx, cells, area, schemes(held))
    unknown = "migrants of unknown origin (Other North, Other South) belong to no area: left out"
    return value_of(
        "stock.emigrants", area, year, "persons", held, [part], part.value,
        method=part.method, from_members=part.from_members,
        note=unknown if area.is_group else "",
    )  # fmt: skip


def corridors(ctx: Context, year: int, edition: str | None) -> list[Cell]:
    """Every origin→destination stock between two countries in ``year``, largest first."""
    held = _origin_edition(ctx, edition)
    return ctx.memo(
        ("corridors", held, year), lambda: stock_cells.corridors(ctx.con, SOURCE, held, year)
    )


def corridor(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Migrants from ``counterpart`` (origin) living in ``area`` (destination)."""
    if opts.counterpart is None:
        raise ValueNotFound(
            "stock.corridor is about a pair of countries: give the origin as the counterpart."
        )
    found = [
        cell
        for cell in corridors(ctx, year, edition)
        if cell.area == area.m49 and cell.counterpart == opts.counterpart
    ]
    part = Total(found[0].value, (found[0],), "stated") if found else Total(None, (), "no value")
    value = value_of(
        "stock.corridor", area, year, "persons", _origin_edition(ctx, edition), [part], part.value,
        method=f"migrants born in {opts.counterpart} living in {area.m49}",
    )  # fmt: skip
    return replace(value, counterpart=opts.counterpart)


def corridor_table(ctx: Context, year: int, edition: str | None) -> list[Value]:
    """Every corridor of ``year`` as a value, largest first (the top corridors)."""
    held = _origin_edition(ctx, edition)
    return [
        corridor_value(
            "stock.corridor",
            cell,
            ctx.area(cell.area).name,
            year,
            "persons",
            held,
            f"migrants born in {cell.counterpart} living in {cell.area}",
        )
        for cell in corridors(ctx, year, edition)
    ]


def years(ctx: Context, edition: str | None) -> list[int]:
    """Reference years of an edition of the migrant stock."""
    return stock_cells.stock_years(ctx.con, SOURCE, edition_of(ctx, edition))


def origin_years(ctx: Context, edition: str | None) -> list[int]:
    """Reference years with migrants by origin."""
    return stock_cells.origin_years(ctx.con, SOURCE, _origin_edition(ctx, edition))


def areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """Countries the edition reports for ``year``, the groupings whose rows it publishes (the
    2020 edition's income groups, which its file gives no member list for) and every grouping
    of the area model with members."""
    held = edition_of(ctx, edition)
    cells = ctx.memo(
        ("stock", held, year, "total"),
        lambda: stock_cells.by_destination(ctx.con, SOURCE, held, year),
    )
    stated = {code for code in cells if ctx.area(code).kind == "country" or ctx.area(code).is_group}
    return sorted(stated | set(ctx.groupings(schemes(held))))


def origin_areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """Countries of origin in the O-D table for ``year``."""
    held = _origin_edition(ctx, edition)
    cells = ctx.memo(
        ("origin", held, year), lambda: stock_cells.by_origin(ctx.con, SOURCE, held, year)
    )
    return sorted(code for code in cells if ctx.area(code).kind == "country")


def corridor_areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """Destinations of corridors."""
    return sorted({cell.area for cell in corridors(ctx, year, edition)})


INDICATORS = {
    "stock.total": by_sex("total"),
    "stock.male": by_sex("male"),
    "stock.female": by_sex("female"),
    "stock.share_of_population": Indicator(share_of_population, years, areas, held_editions),
    "stock.female_share": Indicator(female_share, years, areas, held_editions),
    "stock.change": change(percent=False),
    "stock.change_pct": change(percent=True),
    "stock.emigrants": Indicator(emigrants, origin_years, origin_areas, _origin_editions),
    "stock.corridor": Indicator(
        corridor, origin_years, corridor_areas, _origin_editions, corridor_table
    ),
}
