"""Typed dependencies of the API routes: the warehouse connection, paging, output format."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import duckdb
from fastapi import Depends, Query, Request

from migobs.config import Settings
from migobs.warehouse.read.session import SharedReader

MAX_LIMIT = 1000


class Format(StrEnum):
    """How a list is returned."""

    json = "json"
    csv = "csv"


def settings_of(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def warehouse(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only cursor on the warehouse for the span of one request."""
    reader: SharedReader = request.app.state.reader
    with reader.cursor() as con:
        yield con


@dataclass(frozen=True)
class Paging:
    """Which slice of a list to return, and in which format."""

    limit: int
    offset: int
    format: Format


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9, description="rows to skip")] = 0,
    format: Annotated[Format, Query(description="json ({data, count}) or csv")] = Format.json,
) -> Paging:
    """Paging and format parameters shared by every list."""
    return Paging(limit=limit, offset=offset, format=format)


WarehouseDep = Annotated[duckdb.DuckDBPyConnection, Depends(warehouse)]
PagingDep = Annotated[Paging, Depends(paging)]
SettingsDep = Annotated[Settings, Depends(settings_of)]
AreaCode = Annotated[int, Query(ge=0, le=99999, description="UN M49 code")]
Year = Annotated[int, Query(ge=1800, le=2200, description="reference year")]
