"""Indicators computed from the warehouse, each value with the cells it came from.

Layer: domain (imports core and ``migobs.warehouse.read``; no SQL here).

Public API::

    compute(con, code, area, year, edition=None, **options) -> Value
    compute_in(Context(con), code, area, year, ...)   (reads shared between computations)
    table(con, code, year=None, edition=None, **options) -> list[Value]
    table_every_code(con, code, year=None, edition=None, **options)   (for checks)
    years(con, code, edition=None) -> list[int]
    series(con, code, area, in_years=None, edition=None) -> list[Value]   (one area, many years)
    every_year(con, code, edition=None) -> list[Value]   (every year's table, for exports)
    listed_per_year(con, code, edition=None) -> list[(year, areas, world period)]

With default options these read what ``migobs build`` stored (``materialise.py``, read back by
``stored.py``); other options compute on demand.
    deaths_by(con, by, year, edition=None, since=None) -> list[Value]   (10.7.3 by region/route)
    definitions() -> dict[str, Definition]
    objective_coverage(held=has_data(con)) -> list[ObjectiveCoverage]
"""

from __future__ import annotations

from migobs.indicators.context import Context
from migobs.indicators.definitions import Definition, definitions
from migobs.indicators.gcm import ObjectiveCoverage, objective_coverage
from migobs.indicators.registry import (
    compute,
    compute_in,
    deaths_by,
    every_year,
    has_data,
    listed_per_year,
    series,
    table,
    table_every_code,
    years,
)
from migobs.indicators.values import Options, Value

__all__ = [
    "Context",
    "Definition",
    "ObjectiveCoverage",
    "Options",
    "Value",
    "compute",
    "compute_in",
    "deaths_by",
    "every_year",
    "has_data",
    "definitions",
    "listed_per_year",
    "series",
    "objective_coverage",
    "table",
    "table_every_code",
    "years",
]
