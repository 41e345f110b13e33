"""Revisions: how the same stock value changed between two editions."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Response

from migobs.api.deps import AreaCode, PagingDep, WarehouseDep, Year
from migobs.api.lists import CSV_RESPONSE, answer, build
from migobs.api.routes.stock import Sex, resolve_edition
from migobs.api.schemas import ListOf, RevisionPublic
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/revisions", tags=["revisions"])


@router.get("", response_model=ListOf[RevisionPublic], responses=CSV_RESPONSE)
def list_revisions(
    con: WarehouseDep,
    paging: PagingDep,
    old: Annotated[str, Query(description="the earlier edition, e.g. 2017")],
    new: Annotated[str, Query(description="the later edition, e.g. 2019")],
    source: Annotated[str, Query(description="stock source")] = "undesa_stock",
    destination: AreaCode | None = None,
    origin: AreaCode | None = None,
    year: Year | None = None,
    sex: Sex | None = None,
) -> dict[str, Any] | Response:
    """Values present in both editions for the same year, destination, origin and sex."""
    resolve_edition(con, source, old)
    resolve_edition(con, source, new)
    page = listing.revisions(
        con,
        source=source,
        old=old,
        new=new,
        destination=destination,
        origin=origin,
        year=year,
        sex=sex,
        limit=paging.limit,
        offset=paging.offset,
    )
    return answer(build(RevisionPublic, page.rows), page.count, paging, f"revisions-{old}-{new}")
