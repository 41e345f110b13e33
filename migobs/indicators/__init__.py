"""Indicators computed from the warehouse, each value with the cells it came from.

Layer: domain (imports core and ``migobs.warehouse.read``; no SQL here).

Public API::

    compute(con, code, area, year, edition=None, **options) -> Value
    table(con, code, year=None, edition=None, **options) -> list[Value]
    table_every_code(con, code, year=None, edition=None, **options)   (for checks)
    years(con, code, edition=None) -> list[int]
    deaths_by(con, by, year, edition=None, since=None) -> list[Value]   (10.7.3 by region/route)
    definitions() -> dict[str, Definition]
    objective_coverage(held=has_data(con)) -> list[ObjectiveCoverage]
"""

from __future__ import annotations

from migobs.indicators.definitions import Definition, definitions
from migobs.indicators.gcm import ObjectiveCoverage, objective_coverage
from migobs.indicators.registry import (
    compute,
    deaths_by,
    has_data,
    table,
    table_every_code,
    years,
)
from migobs.indicators.values import Options, Value

__all__ = [
    "Definition",
    "ObjectiveCoverage",
    "Options",
    "Value",
    "compute",
    "deaths_by",
    "has_data",
    "definitions",
    "objective_coverage",
    "table",
    "table_every_code",
    "years",
]
