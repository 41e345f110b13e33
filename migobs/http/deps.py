"""Typed dependencies of the routes (``Annotated`` aliases): settings, the warehouse, paging,
output format, the Compact tracker and who is calling it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from enum import StrEnum
from typing import Annotated

import duckdb
from fastapi import Depends, FastAPI, Path, Query, Request

from migobs.config import Settings
from migobs.errors import NotAuthenticated, WarehouseMissing
from migobs.tracker.fields import MAX_ID, NO_CONTROL
from migobs.tracker.policy import PUBLIC, Caller
from migobs.tracker.service import Tracker
from migobs.warehouse.read.session import SharedReader

MAX_LIMIT = 1000
_opening = threading.Lock()


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


def warehouse_if_built(request: Request) -> Iterator[duckdb.DuckDBPyConnection | None]:
    """A read-only cursor on the warehouse, or None when none has been built yet (for pages
    that have something to show without it)."""
    reader: SharedReader = request.app.state.reader
    with ExitStack() as stack:
        try:
            con: duckdb.DuckDBPyConnection | None = stack.enter_context(reader.cursor())
        except WarehouseMissing:
            con = None
        yield con


@dataclass(frozen=True)
class Paging:
    """Which slice of a list to return, and in which format."""

    limit: int
    offset: int
    format: Format


FormatQuery = Annotated[
    Format,
    Query(description="json ({data, count}) or csv; default by the Accept header, else json"),
]


def paging(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="rows per page")] = 100,
    offset: Annotated[int, Query(ge=0, le=10**9, description="rows to skip")] = 0,
    format: FormatQuery | None = None,
) -> Paging:
    """Paging and format parameters shared by every list; without ``format``, CSV when the
    ``Accept`` header asks for ``text/csv`` (and not for JSON), else JSON."""
    if format is None:
        accept = request.headers.get("accept", "")
        asks_csv = "text/csv" in accept and "application/json" not in accept
        format = Format.csv if asks_csv else Format.json
    return Paging(limit=limit, offset=offset, format=format)


def open_tracker(app: FastAPI) -> Tracker:
    """The app's tracker, opened (and for SQLite migrated) once: at start, or on first use."""
    with _opening:
        if getattr(app.state, "tracker", None) is None:
            app.state.tracker = Tracker.from_settings(app.state.settings)
    tracker: Tracker = app.state.tracker
    return tracker


def get_tracker(request: Request) -> Tracker:
    """The app's tracker."""
    return open_tracker(request.app)


WarehouseDep = Annotated[duckdb.DuckDBPyConnection, Depends(warehouse)]
MaybeWarehouseDep = Annotated[duckdb.DuckDBPyConnection | None, Depends(warehouse_if_built)]
PagingDep = Annotated[Paging, Depends(paging)]
SettingsDep = Annotated[Settings, Depends(settings_of)]
TrackerDep = Annotated[Tracker, Depends(get_tracker)]
RecordId = Annotated[int, Path(ge=1, le=MAX_ID, description="a tracker record's id")]
IdFilter = Annotated[int | None, Query(ge=1, le=MAX_ID, description="keep records of this id")]
TextFilter = Annotated[
    str | None,
    Query(max_length=100, pattern=NO_CONTROL, description="keep records with this value"),
]
Year = Annotated[int, Query(ge=1800, le=2200, description="reference year")]


def bearer_token(request: Request) -> str | None:
    """The token of the ``Authorization: Bearer`` header, None without the header (401 when
    the header is there but is not a Bearer token)."""
    header = request.headers.get("authorization")
    if header is None:
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("Send `Authorization: Bearer TOKEN` (POST /api/tracker/tokens).")
    return token.strip()


def get_caller(request: Request, tracker: TrackerDep) -> Caller:
    """The holder of the Bearer token, or the public when there is no Authorization header."""
    token = bearer_token(request)
    return PUBLIC if token is None else tracker.caller_for_token(token)


CallerDep = Annotated[Caller, Depends(get_caller)]
