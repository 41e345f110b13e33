"""Turning a warehouse :class:`~migobs.warehouse.read.listing.Slice` into the API's list answer:
JSON ``{data, count}`` or CSV."""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import pandas as pd
from fastapi import Response
from pydantic import BaseModel

from migobs.http.deps import Format, Paging
from migobs.http.errors import ERROR_RESPONSES
from migobs.numbers import rounded
from migobs.spreadsheet import inert_rows

CSV_RESPONSE: dict[int | str, dict[str, Any]] = {
    200: {"content": {"text/csv": {"schema": {"type": "string"}}}},
    **ERROR_RESPONSES,
}
"""OpenAPI ``responses=`` for list routes: JSON by default, CSV with ``format=csv``."""


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
        },
    )


def build(model: Callable[..., BaseModel], rows: pd.DataFrame, **extra: Any) -> list[BaseModel]:
    """Models from the rows of a frame."""
    return [model(**r, **extra) for r in records(rows)]


def _missing(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)
