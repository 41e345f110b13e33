"""The claims ledger judged against the warehouse, and the findings of the build."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request, Response

from migobs.api.schemas import ClaimPublic, FindingPublic, ListOf
from migobs.claims.check import Verdict
from migobs.http.deps import PagingDep, WarehouseDep
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.lists import answer, list_route, records
from migobs.http.results import judged
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api", tags=["claims"])


@list_route(router, "/claims", ListOf[ClaimPublic])
def list_claims(
    request: Request,
    con: WarehouseDep,
    paging: PagingDep,
    verdict: Annotated[Verdict | None, Query(description="keep one verdict")] = None,
) -> dict[str, Any] | Response:
    """Claims of the ledger in ledger order: stated, computed, verdict, then and now."""
    found = [c for c in judged(request, con) if verdict is None or c["verdict"] == verdict]
    page = found[paging.offset : paging.offset + paging.limit]
    return answer([ClaimPublic(**c) for c in page], len(found), paging, "claims")


@router.get("/claims/{claim_id}", response_model=ClaimPublic, responses=ERROR_RESPONSES)
def get_claim(
    request: Request,
    con: WarehouseDep,
    claim_id: Annotated[str, Path(description="ledger id, e.g. C01")],
) -> ClaimPublic:
    """One claim with the cells its figure was computed from."""
    claims = judged(request, con)
    for claim in claims:
        if claim["id"] == claim_id:
            return ClaimPublic(**claim)
    raise ApiError(
        404,
        "not-found",
        f"No claim {claim_id!r} in the ledger.",
        parameter="claim_id",
        accepted=[c["id"] for c in claims],
    )


@list_route(router, "/findings", ListOf[FindingPublic])
def list_findings(
    con: WarehouseDep,
    paging: PagingDep,
    type: Annotated[
        str | None, Query(description="kebab-case type, e.g. aggregate-mismatch")
    ] = None,
) -> dict[str, Any] | Response:
    """What the build's checks found (aggregate mismatches, unmapped areas, corrections ...)."""
    if type is not None:
        types = listing.finding_types(con)
        if type not in types:
            raise ApiError(
                404, "not-found", f"No findings of type {type!r}.", parameter="type", accepted=types
            )
    page = listing.findings(con, type=type, limit=paging.limit, offset=paging.offset)
    rows = [{**r, "rows": _json(r["rows"])} for r in records(page.rows)]
    return answer([FindingPublic(**r) for r in rows], page.count, paging, "findings")


def _json(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text
