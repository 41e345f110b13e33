"""Results both faces show, computed once per warehouse build: the claims ledger judged, and
every value of an indicator in one year."""

from __future__ import annotations

from typing import Any

import duckdb
from fastapi import Request

from migobs.claims.check import evaluate
from migobs.errors import MigobsError
from migobs.http.errors import ApiError
from migobs.http.memo import per_build
from migobs.indicators import registry
from migobs.indicators.values import Value


def judged(request: Request, con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every claim of the ledger judged, as plain records, computed once per build."""
    return per_build(request, ("claims",), lambda: [r.as_dict() for r in evaluate(con)])


def indicator_table(
    request: Request, con: duckdb.DuckDBPyConnection, code: str, year: int, edition: str | None
) -> list[Value]:
    """Every value of ``code`` in ``year``, computed once per build."""
    try:
        return per_build(
            request,
            ("indicator", code, year, edition),
            lambda: registry.table(con, code, year, edition),
        )
    except MigobsError as error:
        raise ApiError(404, "not-found", str(error), parameter="edition") from error
