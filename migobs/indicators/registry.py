"""Indicator code → how to compute it; the public ``compute``, ``table`` and ``years``."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import duckdb

from migobs.errors import MigobsError, ValueNotFound
from migobs.indicators import corridors, remittances, sdg_10_7, sdg_10_c, stocks, stored
from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.outline import Outline
from migobs.indicators.values import Options, Value
from migobs.warehouse.read.materialised import Kind

WORLD = 900

DEFAULT = Options()
"""The options values are stored with at build (:mod:`migobs.indicators.materialise`); other
options are computed on demand."""

REGISTRY: dict[str, Indicator] = {
    **stocks.INDICATORS,
    **remittances.INDICATORS,
    **corridors.INDICATORS,
    **sdg_10_7.INDICATORS,
    **sdg_10_c.INDICATORS,
}


def indicator(code: str) -> Indicator:
    """The indicator registered under ``code``.

    Raises
    ------
    ValueNotFound
        No such code; the message lists the known ones.
    """
    if code not in REGISTRY:
        raise ValueNotFound(
            f"Unknown indicator {code!r}. Known: {', '.join(sorted(REGISTRY))} "
            "(see docs/indicators.md or `migobs indicator --list`)."
        )
    return REGISTRY[code]


def of_pairs(code: str) -> bool:
    """Whether ``code`` is an indicator of a pair of areas (a corridor): it needs the other end,
    ``counterpart``, besides the area."""
    return indicator(code).tabulate is not None


def compute(
    con: duckdb.DuckDBPyConnection,
    code: str,
    area: int,
    year: int,
    edition: str | None = None,
    **options: Any,
) -> Value:
    """Compute indicator ``code`` for one area and year from the warehouse.

    Parameters
    ----------
    con: an open warehouse (``migobs.warehouse.read.open_warehouse``).
    code: an indicator of ``definitions.yml``, e.g. ``stock.share_of_population``.
    area: M49 code (900 = world; groupings by their UN DESA / M49 / World Bank code).
    year: reference year.
    edition: edition of the indicator's first source (e.g. ``2017``); ``None`` = newest held.
    **options: ``base_year``, ``since``, ``counterpart`` (see :class:`Options`).

    Returns
    -------
    Value
        The figure with its unit and the cells it was computed from; ``value`` is ``None`` with a
        ``note`` when the data do not allow it.

    Raises
    ------
    ValueNotFound
        Unknown indicator or area.
    UnknownSource
        The edition is not held.
    """
    return compute_in(Context(con), code, area, year, edition, **options)


def compute_in(
    ctx: Context, code: str, area: int, year: int, edition: str | None = None, **options: Any
) -> Value:
    """:func:`compute` reusing the reads of earlier computations kept in ``ctx``, for callers
    computing many values with options the build did not store (``migobs claims``)."""
    opts = Options(**options)
    if opts == DEFAULT:
        kept = stored.value(ctx.con, code, area, year, edition)
        if kept is not None:
            return kept
    found = indicator(code)
    value = found.compute(ctx, ctx.area(area), year, edition, opts)
    if value.value is None:
        held = found.years(ctx, edition)
        if year not in held:
            note = f"edition {value.edition} has no {year}; its years: {', '.join(map(str, held))}"
            return replace(value, note=note)
    return value


def series(
    con: duckdb.DuckDBPyConnection,
    code: str,
    area: int,
    in_years: list[int] | None = None,
    edition: str | None = None,
) -> list[Value]:
    """:func:`compute` with default options for one area in each of ``in_years`` (default:
    every year of the edition), read at once from what the build stored where it can.

    Raises
    ------
    ValueNotFound, UnknownSource
        As :func:`compute`.
    """
    wanted = in_years if in_years is not None else years(con, code, edition)
    kept = stored.series(con, code, area, edition) or {}
    ctx = Context(con, every_year=True)
    return [kept.get(year) or compute_in(ctx, code, area, year, edition) for year in wanted]


def listed_per_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None = None
) -> list[tuple[int, int, str]]:
    """Each year :func:`table` lists values about one area (not corridors) in: the year, how
    many areas it lists (an indicator of quarters counts an area once) and the period the
    world's value covers (``2020, Q1–Q3``; its last quarter's for quarters; empty when the
    world has none). Read from what the build stored, else computed (a table per year)."""
    kept = stored.listed_per_year(con, code, edition, WORLD)
    if kept is not None:
        return kept
    found = []
    for year, listed in _each_year(con, code, edition):
        last = {v.area: v for v in listed if v.counterpart is None}
        if last:
            found.append((year, len(last), last[WORLD].period if WORLD in last else ""))
    return found


def years(con: duckdb.DuckDBPyConnection, code: str, edition: str | None = None) -> list[int]:
    """Years the edition (``None`` = newest) allows for indicator ``code``, oldest first."""
    kept = stored.years(con, code, edition)
    return kept if kept is not None else indicator(code).years(Context(con), edition)


def table(
    con: duckdb.DuckDBPyConnection,
    code: str,
    year: int | None = None,
    edition: str | None = None,
    **options: Any,
) -> list[Value]:
    """Indicator ``code`` for every area with data (countries and groupings) in one year.

    ``year=None`` takes the newest year the data allow. Values the data do not allow are left
    out. An indicator of quarters (``sdg.10.c.1.quarterly``) lists every quarter of the year
    held, each value's ``period`` naming it (``2017 Q1``), unless ``quarter`` picks one. A grouping the area model holds under several codes (M49's 150 Europe and UN DESA's
    908) is listed once when they agree: under the code whose own row the source publishes,
    else the SDG region's, else the lowest code (:func:`table_every_code` keeps them all). Corridor indicators list every corridor,
    largest first (the top corridors).
    """
    opts = Options(**options)
    kept = _stored(con, code, year, edition, opts, "listed")
    if kept is not None:
        return kept
    ctx = Context(con)
    return once(ctx, _table(ctx, code, year, edition, opts))


def every_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None = None
) -> list[Value]:
    """:func:`table` of every year, oldest first, with default options (read at once from what
    the build stored where it can; what exports write)."""
    kept = stored.every_year(con, code, edition)
    if kept is not None:
        return kept
    return [v for _, listed in _each_year(con, code, edition) for v in listed]


def _each_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None
) -> Iterator[tuple[int, list[Value]]]:
    """Each year's :func:`table` computed live with default options, oldest first, in one
    :class:`Context` reading each input for every year at once (a context per year read them
    again: 44 s for SDG 10.7.4's first map on the official files, against 1.8 s)."""
    ctx = Context(con, every_year=True)
    for year in years(con, code, edition):
        yield year, once(ctx, _table(ctx, code, year, edition, DEFAULT))


def every_year_outline(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None = None
) -> Outline:
    """:func:`every_year` as exports write it (:class:`Outline`): read from what the build
    stored without rebuilding every input cell where it can, else computed."""
    kept = stored.outline(con, code, edition)
    return kept if kept is not None else Outline.of(every_year(con, code, edition))


def table_every_code(
    con: duckdb.DuckDBPyConnection,
    code: str,
    year: int | None = None,
    edition: str | None = None,
    **options: Any,
) -> list[Value]:
    """As :func:`table`, but a grouping held under several codes is listed under each, so that
    a check compares every code's members with the published row."""
    opts = Options(**options)
    kept = _stored(con, code, year, edition, opts, "every_code")
    if kept is not None:
        return kept
    ctx = Context(con)
    return _table(ctx, code, year, edition, opts)


def _stored(
    con: duckdb.DuckDBPyConnection,
    code: str,
    year: int | None,
    edition: str | None,
    options: Options,
    kind: Kind,
) -> list[Value] | None:
    """The table as the build stored it, when the options are the defaults and it did."""
    if options != DEFAULT:
        return None
    if year is None:
        held = stored.years(con, code, edition)
        if not held:
            return None
        year = held[-1]
    return stored.table(con, code, year, edition, kind)


def _table(
    ctx: Context, code: str, year: int | None, edition: str | None, options: Options
) -> list[Value]:
    found = indicator(code)
    if year is None:
        held_years = found.years(ctx, edition)
        if not held_years:
            raise ValueNotFound(f"No year of {code} in the edition asked for.")
        year = held_years[-1]
    if found.tabulate is not None:
        return found.tabulate(ctx, year, edition)
    periods = found.periods(ctx, year, edition, options) if found.periods else [options]
    values = [
        found.compute(ctx, ctx.area(code_), year, edition, period)
        for code_ in found.areas(ctx, year, edition)
        for period in periods
    ]
    return [value for value in values if value.value is not None]


def quarterly(code: str) -> bool:
    """Whether ``code`` lists several values per area and year, one per quarter."""
    return indicator(code).periods is not None


def once(ctx: Context, values: list[Value]) -> list[Value]:
    """``values`` with each grouping held under several codes kept under one of them, when the
    codes give the same figure (where they differ, each is kept, with its finding)."""
    listed = {(value.area, value.period): value for value in values if value.counterpart is None}
    kept = []
    for value in values:
        if value.counterpart is None:
            same = [
                listed[(twin, value.period)]
                for twin in ctx.twins(value.area)
                if (twin, value.period) in listed
                and math.isclose(listed[(twin, value.period)].value or 0.0, value.value or 0.0)
            ]
            if min([value, *same], key=lambda v: _rank(ctx, v)) is not value:
                continue
        kept.append(value)
    return kept


def _rank(ctx: Context, value: Value) -> tuple[bool, bool, int]:
    """The code to list a region under: its own published row, else the SDG region, else the
    lowest code."""
    return (
        value.method != "published aggregate",
        ctx.area(value.area).kind != "sdg_region",
        value.area,
    )


def deaths_by(
    con: duckdb.DuckDBPyConnection,
    by: str,
    year: int,
    edition: str | None = None,
    since: int | None = None,
) -> list[Value]:
    """SDG 10.7.3 for the world broken down by IOM ``region`` or ``route`` of incident.

    Each value's ``label`` is the region or route; largest first. ``since`` makes the counts
    cumulative from that year.
    """
    if by not in ("region", "route"):
        raise ValueNotFound(f"Break sdg.10.7.3 down by 'region' or 'route', not {by!r}.")
    return sdg_10_7.deaths_by(Context(con), by, year, edition, since)


def has_data(con: duckdb.DuckDBPyConnection) -> Callable[[str], bool]:
    """A test of whether the warehouse holds any year of an indicator (for objective coverage)."""

    def held(code: str) -> bool:
        try:
            return bool(years(con, code))
        except MigobsError:
            return False

    return held
