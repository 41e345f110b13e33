"""Revisions: the values a newer edition of a source changed, largest change first."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from migobs.api.schemas import ListOf, RevisionPublic
from migobs.claims.diff import diff
from migobs.errors import MigobsError
from migobs.http.areas import AreaQuery, area_filter
from migobs.http.deps import PagingDep, WarehouseDep, Year
from migobs.http.errors import ApiError
from migobs.http.lists import CSV_RESPONSE, answer
from migobs.http.memo import per_build
from migobs.warehouse.read.editions import source_editions
from migobs.warehouse.read.revisions import Revision

router = APIRouter(prefix="/api/revisions", tags=["revisions"])

Source = Literal["undesa_stock", "knomad", "wpp", "wdi", "iom_mmp"]


@router.get("", response_model=ListOf[RevisionPublic], responses=CSV_RESPONSE)
def list_revisions(
    request: Request,
    con: WarehouseDep,
    paging: PagingDep,
    old: Annotated[str, Query(description="the earlier edition, e.g. 2017")],
    new: Annotated[str, Query(description="the later edition, e.g. 2020")],
    source: Annotated[
        Source, Query(description="a source with editions side by side")
    ] = "undesa_stock",
    area: AreaQuery | None = None,
    year: Year | None = None,
) -> dict[str, Any] | Response:
    """Values for the same area, year and breakdown that changed from ``old`` to ``new``,
    largest absolute change first, each with its cell in both editions."""
    held = source_editions(con, source)
    for parameter, edition in (("old", old), ("new", new)):
        if edition not in held:
            raise ApiError(
                404,
                "not-found",
                f"{source} has no edition {edition!r} in the warehouse.",
                parameter=parameter,
                accepted=held,
            )
    try:
        found: list[Revision] = per_build(
            request, ("diff", source, old, new), lambda: diff(con, source, old, new)
        )
    except MigobsError as error:
        raise ApiError(404, "not-found", str(error), parameter="source") from error
    m49 = area_filter(con, "area", area)
    chosen = [
        r for r in found if (m49 is None or r.area == m49) and (year is None or r.year == year)
    ]
    page = chosen[paging.offset : paging.offset + paging.limit]
    items = [
        RevisionPublic(source=source, old_edition=old, new_edition=new, **r.as_dict()) for r in page
    ]
    return answer(items, len(chosen), paging, f"revisions-{source}-{old}-{new}")
