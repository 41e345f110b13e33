"""Typed dependencies of the dashboard's pages."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import Depends, Request

from migobs.config import Settings
from migobs.warehouse.read.session import reading


def settings_of(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def warehouse(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only warehouse connection for one page request."""
    with reading(settings_of(request).warehouse) as con:
        yield con


PageSettings = Annotated[Settings, Depends(settings_of)]
PageWarehouse = Annotated[duckdb.DuckDBPyConnection, Depends(warehouse)]
