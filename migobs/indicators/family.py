"""What a family module declares for each of its indicators, for the registry."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from migobs.indicators.context import Context
from migobs.indicators.values import Options, Value
from migobs.warehouse.read.groupings import Area

Compute = Callable[[Context, Area, int, str | None, Options], Value]
"""Compute one value: context, area, year, edition (``None`` = newest), options."""


@dataclass(frozen=True)
class Indicator:
    """How to compute an indicator, which years an edition allows, and which areas to tabulate.

    Attributes
    ----------
    compute: one value for an area and year.
    years: the years an edition (``None`` = newest) allows, oldest first.
    areas: the M49 codes worth computing for a year and edition (countries with data and
        groupings).
    editions: the editions held, oldest first (the last is the one ``None`` stands for).
    tabulate: for indicators of pairs of areas (corridors), every value of a year at once,
        largest first; ``None`` to compute ``areas`` one by one.
    periods: for an indicator of periods shorter than a year (quarters), the options of each
        period a list holds for a year and edition, given the options asked for (one quarter
        asked for: that one); ``None``: one value per area and year.
    """

    compute: Compute
    years: Callable[[Context, str | None], list[int]]
    areas: Callable[[Context, int, str | None], list[int]]
    editions: Callable[[Context], list[str]]
    tabulate: Callable[[Context, int, str | None], list[Value]] | None = None
    periods: Callable[[Context, int, str | None, Options], list[Options]] | None = None
