"""Exports: any table of the warehouse as a zip of files in one of the field's formats."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Response

from migobs.api.deps import PagingDep, WarehouseDep
from migobs.api.errors import ERROR_RESPONSES, ApiError
from migobs.api.lists import CSV_RESPONSE, answer
from migobs.api.schemas import ExportablePublic, ListOf
from migobs.errors import ExportError
from migobs.exports.datasets import dataset, dataset_names
from migobs.exports.formats import FORMATS, FormatName, export

router = APIRouter(prefix="/api/exports", tags=["exports"])


@router.get("", response_model=ListOf[ExportablePublic], responses=CSV_RESPONSE)
def list_exports(con: WarehouseDep, paging: PagingDep) -> dict[str, Any] | Response:
    """Every table that can be exported, with a link per format."""
    names = dataset_names(con)
    items = [
        ExportablePublic(name=n, links={f: f"/api/exports/{n}?format={f}" for f in FORMATS})
        for n in names[paging.offset : paging.offset + paging.limit]
    ]
    return answer(items, len(names), paging, "exports")


@router.get(
    "/{source}/{edition}/{table}",
    response_class=Response,
    responses={200: {"content": {"application/zip": {}}}, **ERROR_RESPONSES},
)
def get_export(
    con: WarehouseDep,
    source: Annotated[str, Path(description="e.g. undesa_stock")],
    edition: Annotated[str, Path(description="e.g. 2019")],
    table: Annotated[str, Path(description="e.g. by_destination")],
    format: Annotated[FormatName, Query(description="export format")] = FormatName.csv,
) -> Response:
    """A zip with the table in ``format`` and its README (sources, licence, citation)."""
    name = f"{source}/{edition}/{table}"
    try:
        tidy = dataset(con, name)
    except ExportError as error:
        raise ApiError(
            404, "not-found", str(error), parameter="table", accepted=dataset_names(con)
        ) from error
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(buffer, "w") as archive:
        for path in export(tidy, FilePath(folder), [format]):
            archive.write(path, path.name)
    filename = f"{tidy.meta.slug}-{format.value}.zip"
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )
