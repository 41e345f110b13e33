"""Provenance: the file, checksum, licence, citation, sheet and cell behind any value."""

from __future__ import annotations

from fastapi import APIRouter

from migobs.api.routes.stock import EditionDep, Sex
from migobs.api.schemas import ProvenancePublic
from migobs.errors import ValueNotFound
from migobs.http.areas import AreaQuery, area_param
from migobs.http.deps import WarehouseDep, Year
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.m49 import m49_text
from migobs.warehouse.read import listing
from migobs.warehouse.read.trace import trace

router = APIRouter(prefix="/api/provenance", tags=["provenance"])


@router.get("/stock", response_model=ProvenancePublic, responses=ERROR_RESPONSES)
def stock_provenance(
    con: WarehouseDep,
    chosen: EditionDep,
    year: Year,
    destination: AreaQuery,
    origin: AreaQuery = "900",
    sex: Sex = "total",
) -> ProvenancePublic:
    """Where one migrant-stock value was read: file, sheet and cell."""
    to = area_param(con, "destination", destination)
    from_ = area_param(con, "origin", origin)
    try:
        value = trace(con, chosen.source, chosen.edition, year, to, from_, sex)
    except ValueNotFound as error:
        raise ApiError(
            404,
            "not-found",
            f"{chosen.source} {chosen.edition} has no value for year {year}, destination "
            f"{m49_text(to)}, origin {m49_text(from_)}, sex {sex}. GET /api/stock lists what it holds.",
            parameter="destination",
        ) from error
    files = listing.source_files(con)
    record = files[files["sha256"] == value.sha256].iloc[0]
    return ProvenancePublic(
        table="migrant_stock",
        value=value.value,
        source=value.source,
        edition=value.edition,
        file_key=str(record["file_key"]),
        file=value.file,
        url=value.url,
        sha256=value.sha256,
        licence=str(record["licence"]),
        citation=str(record["citation"]),
        sheet=value.sheet,
        cell=value.cell,
        obtained_at=record["obtained_at"],
    )
