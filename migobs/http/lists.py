"""Turning a warehouse :class:`~migobs.warehouse.read.listing.Slice` into the API's list answer:
JSON ``{data, count}`` or CSV."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import pandas as pd
from fastapi import APIRouter, Response
from pydantic import BaseModel

from migobs.http.deps import Format, Paging
from migobs.http.errors import ERROR_RESPONSES, FILE_ERROR_RESPONSES
from migobs.numbers import rounded
from migobs.spreadsheet import inert_rows

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


class CsvResponse(Response):
    """A CSV body: ``text/csv`` in the OpenAPI document and on the wire."""

    media_type = "text/csv"


CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {"text/csv": {"schema": {"type": "string"}}},
        "description": "CSV with a header row; X-Total-Count gives the rows matching in all",
    },
    **FILE_ERROR_RESPONSES,
}
"""OpenAPI ``responses=`` of a route answering CSV only."""


def list_route(router: APIRouter, path: str, model: Any) -> Callable[[Endpoint], Endpoint]:
    """Decorator: the list as two operations, ``GET path`` answering JSON (``model``) and
    ``GET path.csv`` answering CSV (operation id ``<name>_csv``), each typed as what it
    answers, so that a generated client parses each right. The ``.csv`` route comes first:
    ``/destinations/484.csv`` must not be read as the area ``484.csv``."""

    def register(endpoint: Endpoint) -> Endpoint:
        name = endpoint.__name__
        router.add_api_route(
            path + ".csv",
            endpoint,
            methods=["GET"],
            name=f"{name}_csv",
            description=f"{endpoint.__doc__ or ''}\n\nThe same list as CSV, one row per item.",
            response_model=None,
            response_class=CsvResponse,
            responses=CSV_RESPONSE,
        )
        router.add_api_route(
            path,
            endpoint,
            methods=["GET"],
            name=name,
            description=f"{endpoint.__doc__ or ''}\n\nAs CSV: `GET {router.prefix}{path}.csv`.",
            response_model=model,
            responses=ERROR_RESPONSES,
        )
        return endpoint

    return register


def clean(record: dict[Any, Any]) -> dict[str, Any]:
    """A row with NaN and NaT turned into ``None`` and keys as strings."""
    return {str(k): None if _missing(v) else v for k, v in record.items()}


def records(rows: pd.DataFrame) -> list[dict[str, Any]]:
    """The rows of a frame as clean records."""
    return [clean(r) for r in rows.to_dict("records")]


def answer(
    items: Sequence[BaseModel],
    count: int,
    paging: Paging,
    name: str,
    decimals: Mapping[str, int] | None = None,
) -> dict[str, Any] | Response:
    """The list as ``{data, count}``, or as CSV (one row per item, ``X-Total-Count`` header)
    with the fields of ``decimals`` rounded to theirs (an indicator's stated precision; JSON
    keeps full precision)."""
    if paging.format is Format.csv:
        rows = [item.model_dump(mode="json") for item in items]
        for field_name, places in (decimals or {}).items():
            for row in rows:
                row[field_name] = rounded(row.get(field_name), places)
        return csv_response(rows, count, name)
    return {"data": items, "count": count}


def csv_response(rows: list[dict[str, Any]], count: int, name: str) -> Response:
    """CSV of ``rows``; nested values are written as JSON text, formulas made inert."""
    flat = inert_rows(
        {k: json.dumps(v) if isinstance(v, list | dict) else v for k, v in r.items()} for r in rows
    )
    return Response(
        pd.DataFrame(flat).to_csv(index=False),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}.csv"',
            "X-Total-Count": str(count),
            "Vary": "Accept",  # the same URL answers JSON unless Accept asks for CSV
        },
    )


def build(model: Callable[..., BaseModel], rows: pd.DataFrame, **extra: Any) -> list[BaseModel]:
    """Models from the rows of a frame."""
    return [model(**r, **extra) for r in records(rows)]


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)
