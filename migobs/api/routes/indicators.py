"""Indicators: definitions, values by area and year (any edition), each with its input cells.

A whole year of an indicator takes a fraction of a second to a few seconds to compute; it is
computed once per warehouse build and kept (``migobs.http.results``), so lists are fast after the
first.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Path, Query, Request, Response

from migobs.api.schemas import (
    IndicatorDetailPublic,
    IndicatorPublic,
    IndicatorValueDetailPublic,
    IndicatorValuePublic,
    ListOf,
)
from migobs.errors import MigobsError
from migobs.http.areas import AreaPath, AreaQuery, area_filter, area_param
from migobs.http.deps import PagingDep, WarehouseDep, Year
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.lists import answer, list_route
from migobs.http.memo import per_build
from migobs.http.results import indicator_table
from migobs.indicators import registry
from migobs.indicators.definitions import Definition, definitions

COUNTERPART = (
    "the other end of a corridor: the origin (migrant stock) or the sender (remittances); area "
    "is the destination or the receiver. M49 code with or without leading zeros, ISO3 code or "
    "name (004, 4, AFG, Afghanistan)"
)
CounterpartQuery = Annotated[str, Query(max_length=200, description=COUNTERPART)]

router = APIRouter(prefix="/api/indicators", tags=["indicators"])

Code = Annotated[str, Path(description="indicator code, e.g. stock.share_of_population")]
Edition = Annotated[str | None, Query(description="edition of the first source; default newest")]


def _definition(code: str) -> Definition:
    found = definitions()
    if code not in found or code not in registry.REGISTRY:
        raise ApiError(
            404,
            "not-found",
            f"Unknown indicator {code!r}.",
            parameter="code",
            accepted=[c for c in found if c in registry.REGISTRY],
        )
    return found[code]


def _public(definition: Definition) -> dict[str, Any]:
    record = asdict(definition)
    record["sources"] = list(definition.sources)
    return record


def _years(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> list[int]:
    try:
        return registry.years(con, code, edition)
    except MigobsError as error:
        raise ApiError(404, "not-found", str(error), parameter="edition") from error


def _year(con: duckdb.DuckDBPyConnection, code: str, year: int | None, edition: str | None) -> int:
    years = _years(con, code, edition)
    if not years:
        raise ApiError(
            404, "not-found", f"No years of {code} in the warehouse.", parameter="edition"
        )
    if year is None:
        return years[-1]
    if year not in years:
        raise ApiError(
            404, "not-found", f"{code} has no value for {year}.", parameter="year", accepted=years
        )
    return year


@list_route(router, "", ListOf[IndicatorPublic])
def list_indicators(paging: PagingDep) -> dict[str, Any] | Response:
    """Every indicator the warehouse can compute, in the order of definitions.yml."""
    known = [d for c, d in definitions().items() if c in registry.REGISTRY]
    page = known[paging.offset : paging.offset + paging.limit]
    return answer([IndicatorPublic(**_public(d)) for d in page], len(known), paging, "indicators")


@router.get("/{code}", response_model=IndicatorDetailPublic, responses=ERROR_RESPONSES)
def get_indicator(con: WarehouseDep, code: Code) -> IndicatorDetailPublic:
    """One indicator's definition and the years the newest edition allows."""
    definition = _definition(code)
    return IndicatorDetailPublic(**_public(definition), years=_years(con, code, None))


@list_route(router, "/{code}/values", ListOf[IndicatorValuePublic])
def list_values(
    request: Request,
    con: WarehouseDep,
    paging: PagingDep,
    code: Code,
    year: Year | None = None,
    edition: Edition = None,
    area: AreaQuery | None = None,
    counterpart: CounterpartQuery | None = None,
) -> dict[str, Any] | Response:
    """The indicator for every area with data in one year (default the newest), by area; as
    CSV its figures are rounded to the indicator's stated decimals."""
    definition = _definition(code)
    m49 = area_filter(con, "area", area)
    other = area_filter(con, "counterpart", counterpart)
    chosen = _year(con, code, year, edition)
    values = [
        v
        for v in indicator_table(request, con, code, chosen, edition)
        if (m49 is None or v.area == m49) and (other is None or v.counterpart == other)
    ]
    page = values[paging.offset : paging.offset + paging.limit]
    items = [IndicatorValuePublic(**v.as_dict(with_inputs=False)) for v in page]
    figures = dict.fromkeys(("value", "from_members", "published"), definition.decimals)
    return answer(items, len(values), paging, f"{code}-{chosen}", figures)


@router.get(
    "/{code}/areas/{area}", response_model=IndicatorValueDetailPublic, responses=ERROR_RESPONSES
)
def get_value(
    request: Request,
    con: WarehouseDep,
    code: Code,
    area: AreaPath,
    year: Year | None = None,
    edition: Edition = None,
    base_year: Annotated[
        int | None, Query(ge=1800, le=2200, description="start of a change")
    ] = None,
    since: Annotated[
        int | None, Query(ge=1800, le=2200, description="first year of a count")
    ] = None,
    counterpart: CounterpartQuery | None = None,
    quarter: Annotated[
        int | None, Query(ge=1, le=4, description="quarter of a quarterly indicator")
    ] = None,
) -> IndicatorValueDetailPublic:
    """One value with the cells (file, sha256, sheet, cell) it was computed from."""
    _definition(code)
    m49 = area_param(con, "area", area)
    other = area_filter(con, "counterpart", counterpart)
    if other is None and registry.of_pairs(code):
        raise ApiError(
            422,
            "invalid-parameter",
            f"counterpart: {code} is about a corridor; give the other end as counterpart "
            "(M49 code, ISO3 code or name; GET /api/areas lists them).",
            parameter="counterpart",
        )
    chosen = _year(con, code, year, edition)
    given = {"base_year": base_year, "since": since, "counterpart": other, "quarter": quarter}
    options = {k: v for k, v in given.items() if v is not None}
    key = ("value", code, m49, chosen, edition, *sorted(options.items()))
    try:
        value = per_build(
            request, key, lambda: registry.compute(con, code, m49, chosen, edition, **options)
        )
    except MigobsError as error:
        raise ApiError(404, "not-found", str(error), parameter="area") from error
    return IndicatorValueDetailPublic(**value.as_dict(with_inputs=True))
