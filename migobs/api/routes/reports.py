"""Country reports: the newest headline figures of one area with their cells, as data or as a
Markdown document."""

from __future__ import annotations

from typing import Annotated, Any, Literal

import duckdb
from fastapi import APIRouter, Query, Request
from fastapi.responses import PlainTextResponse, Response

from migobs.http.areas import AreaPath, area_param
from migobs.http.deps import WarehouseDep
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.memo import per_build
from migobs.i18n import speaking
from migobs.m49 import m49_text
from migobs.reports import CountryReport, country_report, markdown, pdf
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/reports", tags=["reports"])

Language = Literal["en", "ar", "zh", "fr", "ru", "es"]
LangQuery = Annotated[
    Language,
    Query(description="language of the report's words and names; figures stay locale-free"),
]


def report_of(request: Request, con: duckdb.DuckDBPyConnection, typed: str) -> CountryReport:
    """The report of the area ``typed`` names (M49, ISO3 or name), computed once per build; 404
    naming ``m49`` for an unknown area."""
    m49 = area_param(con, "m49", typed)
    if not listing.area_exists(con, m49):
        raise ApiError(
            404,
            "not-found",
            f"No area with M49 code {m49}. GET /api/areas lists them.",
            parameter="m49",
        )
    return per_build(request, ("report", m49), lambda: country_report(con, m49))


@router.get(
    "/{m49}.md",
    response_model=None,
    responses={
        200: {"content": {"text/markdown": {"schema": {"type": "string"}}}},
        **ERROR_RESPONSES,
    },
)
def report_markdown(
    request: Request, con: WarehouseDep, m49: AreaPath, lang: LangQuery = "en"
) -> PlainTextResponse:
    """The country report as a Markdown document, each figure with its file, sheet and cell,
    in one of the six UN languages (``lang``; numbers in its format)."""
    report = report_of(request, con, m49)
    with speaking(lang):
        text = markdown(report)
    return PlainTextResponse(
        text,
        media_type="text/markdown; charset=utf-8",
        headers={"Content-Disposition": f'inline; filename="migobs-report-{m49}.md"'},
    )


@router.get(
    "/{m49}.pdf",
    response_class=Response,
    responses={
        200: {"content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}},
        **ERROR_RESPONSES,
    },
)
def report_pdf(
    request: Request, con: WarehouseDep, m49: AreaPath, lang: LangQuery = "en"
) -> Response:
    """The country report as a PDF: a title page with the date and the warehouse build, the
    figures with numbered notes citing file, sheet and cell, charts, the Compact's objectives
    and the files cited, in one of the six UN languages (``lang``)."""
    report = report_of(request, con, m49)
    with speaking(lang):
        document = pdf(report)  # kept by the response store (migobs/http/caching.py), per build
    return Response(
        document,
        media_type="application/pdf",
        headers={
            "Content-Disposition": f'inline; filename="migobs-report-{m49_text(report.area.m49)}.pdf"'
        },
    )


@router.get("/{m49}", responses=ERROR_RESPONSES)
def report_data(
    request: Request, con: WarehouseDep, m49: AreaPath, lang: LangQuery = "en"
) -> dict[str, Any]:
    """The country report as data: sections of headline indicators (newest value, its input
    cells), the Compact objectives the data can measure, and the files cited; section titles
    and the area's name in ``lang``, values locale-free."""
    report = report_of(request, con, m49)
    with speaking(lang):
        return report.as_dict()
