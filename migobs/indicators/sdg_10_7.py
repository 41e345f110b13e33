"""SDG 10.7.3 (deaths and disappearances during migration, IOM Missing Migrants) and SDG 10.7.4
(refugees per 100,000 population of the country of origin, UNHCR with WPP population)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable

from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.totals import Total, divide, sum_of, total, value_of
from migobs.indicators.values import Options, Value
from migobs.warehouse.read import editions, missing, refugees, series
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.groupings import Area

MMP, UNHCR, WORLD = "iom_mmp", "unhcr", 900
SCHEMES = ["m49", "sdg", "development", "wpp/2019"]
"""Membership lists for groupings of countries of origin or incident, first listing first; the
income groups come after them from the newest WDI metadata (:meth:`Context.with_income_groups`)."""


def _schemes(ctx: Context) -> list[str]:
    return ctx.with_income_groups(SCHEMES)


def _edition(ctx: Context, source: str, edition: str | None) -> str:
    return editions.pick(_editions(source)(ctx), edition, source)


def _editions(source: str) -> Callable[[Context], list[str]]:
    """The editions of ``source`` held, oldest first."""

    def held(ctx: Context) -> list[str]:
        return ctx.memo(("editions", source), lambda: editions.source_editions(ctx.con, source))

    return held


def _incidents(ctx: Context, edition: str, first: int, last: int) -> list[missing.Incident]:
    return ctx.memo(
        ("incidents", edition, first, last),
        lambda: missing.incidents(ctx.con, edition, first, last),
    )


def _cells_by_area(
    ctx: Context, edition: str, first: int, last: int
) -> tuple[list[Cell], dict[int, list[Cell]]]:
    """The incidents' cells from ``first`` to ``last``, in file order, and by country."""

    def read() -> tuple[list[Cell], dict[int, list[Cell]]]:
        found = [i.cell for i in _incidents(ctx, edition, first, last)]
        by_area: dict[int, list[Cell]] = {}
        for cell in found:
            by_area.setdefault(cell.area, []).append(cell)
        return found, by_area

    return ctx.memo(("incident cells", edition, first, last), read)


def _in_area(
    ctx: Context, area: Area, found: tuple[list[Cell], dict[int, list[Cell]]]
) -> tuple[list[Cell], str]:
    cells, by_area = found
    if area.m49 == WORLD:
        return cells, "every incident"
    if not area.is_group:
        return by_area.get(area.m49, []), "incidents in the country"
    scheme, members = ctx.members(area.m49, _schemes(ctx), present=by_area)
    inside = set(members)
    return [c for c in cells if c.area in inside], f"incidents in member countries ({scheme})"


def deaths(ctx: Context, area: Area, year: int, edition: str | None, opts: Options) -> Value:
    """Dead and missing during migration in ``area`` (country of incident) from ``since`` to
    ``year``; the world counts every incident, also those at sea or of unknown country."""
    held = _edition(ctx, MMP, edition)
    first = opts.since or year
    cells, how = _in_area(ctx, area, _cells_by_area(ctx, held, first, year))
    part = Total(sum_of(cells) or 0.0, tuple(cells), how)
    period = f"{first}–{year}" if first != year else str(year)
    return value_of(
        "sdg.10.7.3", area, year, "persons", held, [part], part.value,
        method=f"sum of 'Total Number of Dead and Missing' over {len(cells)} incident rows, {period} ({how})",
        note="" if area.m49 == WORLD else "incidents at sea or in no named country count only in the world total",
        period="" if first == year else period,
    )  # fmt: skip


def deaths_by(
    ctx: Context, by: str, year: int, edition: str | None, since: int | None = None
) -> list[Value]:
    """Dead and missing by IOM ``region`` or ``route`` of incident, largest first."""
    held = _edition(ctx, MMP, edition)
    groups: dict[str, list[Cell]] = defaultdict(list)
    for incident in _incidents(ctx, held, since or year, year):
        label = incident.region if by == "region" else incident.route
        groups[label or "(not stated)"].append(incident.cell)
    world = ctx.area(WORLD)
    values = [
        Value(
            "sdg.10.7.3",
            WORLD,
            world.name,
            year,
            sum_of(cells) or 0.0,
            "persons",
            held,
            tuple(cells),
            f"sum over {len(cells)} incident rows with {by} '{label}'",
            label=label,
        )  # fmt: skip
        for label, cells in groups.items()
    ]
    return sorted(values, key=lambda v: -(v.value or 0.0))


def _refugees(ctx: Context, edition: str, year: int) -> dict[int, list[Cell]]:
    return ctx.by_year(
        ("refugees", edition), lambda one: refugees.refugees_by_origin(ctx.con, edition, one), year
    )


def _refugees_of(ctx: Context, area: Area, year: int, edition: str) -> Total:
    return ctx.memo(
        ("refugees of", edition, year, area.m49), lambda: _sum_refugees(ctx, area, year, edition)
    )


def _sum_refugees(ctx: Context, area: Area, year: int, edition: str) -> Total:
    rows = _refugees(ctx, edition, year)
    if area.m49 == WORLD:
        cells = tuple(c for origin in sorted(rows) for c in rows[origin])
        return Total(sum_of(cells), cells, "every origin, unknown and stateless included")
    if not area.is_group:
        cells = tuple(rows.get(area.m49, ()))
        return Total(sum_of(cells) or 0.0, cells, "refugees from the country, every asylum")
    scheme, members = ctx.members(area.m49, _schemes(ctx), present=rows)
    cells = tuple(c for m in members for c in rows.get(m, ()))
    return Total(sum_of(cells), cells, f"refugees from member countries ({scheme})")


def refugees_total(ctx: Context, area: Area, year: int, edition: str | None, _: Options) -> Value:
    """Refugees under UNHCR's mandate originating from ``area`` (persons)."""
    held = _edition(ctx, UNHCR, edition)
    part = _refugees_of(ctx, area, year, held)
    return value_of(
        "refugees.by_origin", area, year, "persons", held, [part], part.value, method=part.method
    )


def refugees_per_100k(
    ctx: Context, area: Area, year: int, edition: str | None, _: Options
) -> Value:
    """Refugees from ``area`` per 100,000 of its population (WPP, newest edition held)."""
    held = _edition(ctx, UNHCR, edition)
    part = _refugees_of(ctx, area, year, held)
    wpp = _wpp(ctx)
    population = total(ctx, ctx.series("population", wpp, year), area, _schemes(ctx))
    # a grouping's refugees are summed over its members: so is its population, same members
    summed = area.is_group and area.m49 != WORLD
    people = population.from_members if summed else population.value
    return value_of(
        "sdg.10.7.4", area, year, "per_100000", held, [part, population],
        divide(part.value, people, 100_000),
        method="100,000 × refugees from the area / population of the area"
        + (" (both summed over the same member countries)" if summed else ""),
    )  # fmt: skip


def _wpp(ctx: Context) -> str:
    """The newest WPP edition with population, the denominator of SDG 10.7.4."""
    held = ctx.memo(
        ("series-editions", "population"),
        lambda: editions.series_editions(ctx.con, "population"),
    )
    return editions.pick(held, None, "WPP population")


def mmp_years(ctx: Context, edition: str | None) -> list[int]:
    """Complete years of a Missing Migrants vintage."""
    return missing.incident_years(ctx.con, _edition(ctx, MMP, edition))


def refugee_years(ctx: Context, edition: str | None) -> list[int]:
    """Years with refugees in the UNHCR edition."""
    return refugees.refugee_years(ctx.con, _edition(ctx, UNHCR, edition))


def per_100k_years(ctx: Context, edition: str | None) -> list[int]:
    """Years with refugees in the UNHCR edition and population in the newest WPP."""
    population = series.series_years(ctx.con, "population", _wpp(ctx))
    return sorted(set(refugee_years(ctx, edition)) & set(population))


def incident_areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """The world, every country with an incident in ``year`` and every grouping of countries."""
    found = _incidents(ctx, _edition(ctx, MMP, edition), year, year)
    return sorted({WORLD} | {i.cell.area for i in found} | set(ctx.groupings(_schemes(ctx))))


def origin_areas(ctx: Context, year: int, edition: str | None) -> list[int]:
    """The world, every country of origin with refugees, and the groupings of countries."""
    rows = _refugees(ctx, _edition(ctx, UNHCR, edition), year)
    countries = {o for o in rows if ctx.area(o).kind == "country"}
    return sorted({WORLD} | countries | set(ctx.groupings(_schemes(ctx))))


INDICATORS = {
    "sdg.10.7.3": Indicator(deaths, mmp_years, incident_areas, _editions(MMP)),
    "sdg.10.7.4": Indicator(refugees_per_100k, per_100k_years, origin_areas, _editions(UNHCR)),
    "refugees.by_origin": Indicator(refugees_total, refugee_years, origin_areas, _editions(UNHCR)),
}
