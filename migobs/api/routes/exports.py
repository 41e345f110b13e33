"""Exports: any table of the warehouse as a zip of files in one of the field's formats."""

from __future__ import annotations

import io
import tempfile
import zipfile
from pathlib import Path as FilePath
from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Path, Query, Response

from migobs.api.schemas import ExportablePublic, ListOf
from migobs.errors import ExportError
from migobs.exports.datasets import dataset, dataset_names, why_empty
from migobs.exports.formats import FORMATS, FormatName, export
from migobs.exports.table import TidyTable
from migobs.http.deps import PagingDep, WarehouseDep
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.lists import CSV_RESPONSE, answer

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


ZIP_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}},
        "description": "a zip of the files and their README",
    },
    **ERROR_RESPONSES,
}
FormatQuery = Annotated[FormatName, Query(description="export format")]


def _table(con: duckdb.DuckDBPyConnection, name: str) -> TidyTable:
    """The table called ``name``; 404 names the path parameter at fault and lists its values
    (indicator codes for ``indicator/<code>``, else table names)."""
    known = dataset_names(con)
    indicator = name.startswith("indicator/")
    parameter = "code" if indicator else "table"
    if name not in known:
        accepted = [n.removeprefix("indicator/") for n in known if n.startswith("indicator/")]
        what = f"indicator {name.removeprefix('indicator/')!r}" if indicator else f"table {name!r}"
        why = why_empty(con, name)
        raise ApiError(
            404,
            "not-found",
            f"{parameter}: no {what} to export{': ' + why if why else ''}. "
            "GET /api/exports lists them.",
            parameter=parameter,
            accepted=accepted
            if indicator
            else [n for n in known if not n.startswith("indicator/")],
        )
    try:
        return dataset(con, name)
    except ExportError as error:  # the warehouse lacks the data it is made from
        raise ApiError(404, "not-found", str(error), parameter=parameter) from error


def zipped(con: duckdb.DuckDBPyConnection, name: str, format: FormatName) -> Response:
    """A zip of table ``name`` in ``format`` with its README; 404 lists the known tables."""
    tidy = _table(con, name)
    buffer = io.BytesIO()
    with tempfile.TemporaryDirectory() as folder, zipfile.ZipFile(buffer, "w") as archive:
        for path in export(tidy, FilePath(folder), [format]).files:
            archive.write(path, path.name)
    filename = f"{tidy.meta.slug}-{format.value}.zip"
    return Response(
        buffer.getvalue(),
        media_type="application/zip",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/indicator/{code}", response_class=Response, responses=ZIP_RESPONSE)
def get_indicator_export(
    con: WarehouseDep,
    code: Annotated[str, Path(description="indicator code, e.g. sdg.10.c.1")],
    format: FormatQuery = FormatName.csv,
) -> Response:
    """A zip with the indicator for every area and year in ``format``, and its README."""
    return zipped(con, f"indicator/{code}", format)


@router.get("/{source}/{edition}/{table}", response_class=Response, responses=ZIP_RESPONSE)
def get_export(
    con: WarehouseDep,
    source: Annotated[str, Path(description="e.g. undesa_stock")],
    edition: Annotated[str, Path(description="e.g. 2019")],
    table: Annotated[str, Path(description="e.g. by_destination")],
    format: FormatQuery = FormatName.csv,
) -> Response:
    """A zip with the table in ``format`` and its README (sources, licence, citation)."""
    return zipped(con, f"{source}/{edition}/{table}", format)
