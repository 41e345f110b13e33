"""Provenance: the file, checksum, licence, citation, sheet and cell behind any value."""

from __future__ import annotations

from fastapi import APIRouter

from migobs.api.deps import AreaCode, WarehouseDep, Year
from migobs.api.errors import ERROR_RESPONSES, ApiError
from migobs.api.lists import clean
from migobs.api.routes.stock import EditionDep, Sex
from migobs.api.schemas import ProvenancePublic
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/provenance", tags=["provenance"])


@router.get("/stock", response_model=ProvenancePublic, responses=ERROR_RESPONSES)
def stock_provenance(
    con: WarehouseDep,
    chosen: EditionDep,
    year: Year,
    destination: AreaCode,
    origin: AreaCode = 900,
    sex: Sex = "total",
) -> ProvenancePublic:
    """Where one migrant-stock value was read: file, sheet and cell."""
    record = listing.stock_cell(
        con,
        source=chosen.source,
        edition=chosen.edition,
        year=year,
        destination=destination,
        origin=origin,
        sex=sex,
    )
    if record is None:
        raise ApiError(
            404,
            "not-found",
            f"{chosen.source} {chosen.edition} has no value for year {year}, destination "
            f"{destination}, origin {origin}, sex {sex}. GET /api/stock lists what it holds.",
            parameter="destination",
        )
    return ProvenancePublic(table="migrant_stock", **clean(record))
