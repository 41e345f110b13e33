"""Flow estimates: the stored runs (a method on one period of a stock edition, one sex), the
flows of those runs between countries, and both directions of one corridor.

Runs are made by ``migobs flows run`` (see docs/methods/flows.md); a fresh warehouse has none
until then, and every list is then empty.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Depends, Query, Response

from migobs.api.flow_schemas import FlowCorridorPublic, FlowPublic, FlowRunPublic
from migobs.api.routes.stock import Sex
from migobs.api.schemas import ListOf
from migobs.http.areas import AreaPath, AreaQuery, area_filter, area_param
from migobs.http.deps import Paging, PagingDep, WarehouseDep
from migobs.http.errors import ApiError
from migobs.http.lists import answer, build, list_route, records
from migobs.m49 import m49_text
from migobs.warehouse.read import flows

router = APIRouter(prefix="/api/flows", tags=["flow estimates"])


def run_filters(
    con: WarehouseDep,
    run: Annotated[str | None, Query(description="run id, as /api/flows/runs lists them")] = None,
    edition: Annotated[str | None, Query(description="undesa_stock edition, e.g. 2017")] = None,
    method: Annotated[str | None, Query(description="e.g. demographic-accounting")] = None,
    sex: Sex | None = None,
    period: Annotated[str | None, Query(description="<year0>-<year1>, e.g. 2005-2010")] = None,
    converged: Annotated[
        bool | None,
        Query(
            description="true: only runs whose fits all met their margins (false: only those "
            "that did not); see each run's diagnostics"
        ),
    ] = None,
) -> dict[str, Any]:
    """Dependency: which runs a request reads (column → value, ``None`` = any).

    A run, edition, method or period that no stored run has is a 404 naming the parameter,
    with the values the runs chosen by the parameters before it have.
    """
    chosen = flows.run_index(con)
    given = {"run_id": run, "edition": edition, "method": method, "period": period}
    for column, value in given.items():
        if value is None:
            continue
        held = sorted(set(chosen[column]))
        if value not in held:
            raise _no_run(column.removesuffix("_id"), value, held)
        chosen = chosen[chosen[column] == value]
    return {**given, "sex": sex, "converged": converged}


RunsDep = Annotated[dict[str, Any], Depends(run_filters)]


@list_route(router, "/runs", ListOf[FlowRunPublic])
def list_runs(con: WarehouseDep, paging: PagingDep, runs: RunsDep) -> dict[str, Any] | Response:
    """Stored runs by edition, method, sex and period, with totals, options and diagnostics."""
    page = flows.flow_runs(con, filters=runs, limit=paging.limit, offset=paging.offset)
    items = [FlowRunPublic(**_with_json(r)) for r in records(page.rows)]
    return answer(items, page.count, paging, "flow-runs")


@list_route(router, "", ListOf[FlowPublic])
def list_flows(
    con: WarehouseDep,
    paging: PagingDep,
    runs: RunsDep,
    origin: AreaQuery | None = None,
    destination: AreaQuery | None = None,
) -> dict[str, Any] | Response:
    """Persons estimated to have moved from origin to destination (countries) in each period."""
    from_ = area_filter(con, "origin", origin)
    filters = {**runs, "origin": from_, "destination": area_filter(con, "destination", destination)}
    page = flows.flows(con, filters=filters, limit=paging.limit, offset=paging.offset)
    return answer(build(FlowPublic, page.rows), page.count, paging, "flows")


@list_route(router, "/corridors/{origin}/{destination}", ListOf[FlowCorridorPublic])
def get_flow_corridor(
    con: WarehouseDep,
    paging: PagingDep,
    runs: RunsDep,
    origin: AreaPath,
    destination: AreaPath,
) -> dict[str, Any] | Response:
    """Flows origin → destination and back, per run (period), for runs covering both."""
    from_ = area_param(con, "origin", origin)
    return corridor_of(con, paging, runs, from_, area_param(con, "destination", destination))


def corridor_of(
    con: duckdb.DuckDBPyConnection,
    paging: Paging,
    runs: dict[str, Any],
    origin: int,
    destination: int,
) -> dict[str, Any] | Response:
    """The flows of :func:`get_flow_corridor` between two M49 codes."""
    if origin == destination:  # a valid request for a corridor that cannot exist
        raise ApiError(
            404,
            "not-found",
            f"destination={m49_text(destination)}: no corridor from an area to itself (flows are "
            "between countries); give a destination other than the origin.",
            parameter="destination",
        )
    page = flows.corridor_flows(
        con, origin, destination, filters=runs, limit=paging.limit, offset=paging.offset
    )
    items = build(FlowCorridorPublic, page.rows)
    return answer(items, page.count, paging, f"flows-{m49_text(origin)}-{m49_text(destination)}")


def _no_run(parameter: str, value: str, held: list[str]) -> ApiError:
    if held:
        message = f"{parameter}={value!r}: no stored flow run matches."
    else:
        message = f"{parameter}={value!r}: the warehouse holds no flow estimates to match."
    return ApiError(
        404,
        "not-found",
        f"{message} GET /api/flows/runs lists the stored runs.",
        parameter=parameter,
        accepted=held,
    )


def _with_json(row: dict[str, Any]) -> dict[str, Any]:
    """A run row with its JSON text columns (options, diagnostics) decoded."""
    return {k: json.loads(v) if k in ("options", "diagnostics") else v for k, v in row.items()}
