"""Areas: countries and the groupings they belong to (M49 regions, SDG regions, income groups)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from migobs.api.schemas import AreaDetailPublic, AreaPublic, ListOf
from migobs.http.areas import AreaPath, area_filter, area_param
from migobs.http.deps import PagingDep, WarehouseDep
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.lists import CSV_RESPONSE, answer, build, clean
from migobs.m49 import m49_text
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/areas", tags=["areas"])


@router.get("", response_model=ListOf[AreaPublic], responses=CSV_RESPONSE)
def list_areas(
    con: WarehouseDep,
    paging: PagingDep,
    kind: Annotated[str | None, Query(description="country, region, world, ...")] = None,
    group: Annotated[
        str | None,
        Query(
            max_length=200,
            description="members of this grouping: M49 code with or without leading zeros, "
            "or name (902, 1503, High-income countries)",
        ),
    ] = None,
) -> dict[str, Any] | Response:
    """Areas by M49 code, optionally of one kind or members of one grouping."""
    if kind is not None:
        kinds = listing.area_kinds(con)
        if kind not in kinds:
            raise ApiError(
                404, "not-found", f"No areas of kind {kind!r}.", parameter="kind", accepted=kinds
            )
    members_of = area_filter(con, "group", group)
    page = listing.areas(con, kind=kind, group=members_of, limit=paging.limit, offset=paging.offset)
    return answer(build(AreaPublic, page.rows), page.count, paging, "areas")


@router.get("/{m49}", response_model=AreaDetailPublic, responses=ERROR_RESPONSES)
def get_area(con: WarehouseDep, m49: AreaPath) -> AreaDetailPublic:
    """One area with its groupings (``m49``: an M49 code, ISO3 code or name)."""
    code = area_param(con, "m49", m49)
    record = listing.area(con, code)
    if record is None:
        raise unknown_area("m49", code)
    record["groups"] = [clean(g) for g in record["groups"]]
    return AreaDetailPublic(**clean(record))


def unknown_area(parameter: str, code: int) -> ApiError:
    """The 404 for an M49 code the warehouse does not know; see /api/areas for the list."""
    return ApiError(
        404,
        "not-found",
        f"{parameter}={m49_text(code)}: no area with this M49 code. GET /api/areas lists the codes.",
        parameter=parameter,
    )
