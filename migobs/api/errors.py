"""The API's one JSON error shape, used by every error response.

    {"error": {"status": 404, "type": "not-found", "message": "...",
               "parameter": "area" | null, "accepted": [...] | null}}

``type`` is kebab-case; ``parameter`` names the query, path or body field at fault and
``accepted`` lists accepted values where there is a short list.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from migobs.errors import (
    InvalidInput,
    MigobsError,
    NotAuthenticated,
    PermissionDenied,
    QueryError,
    RecordNotFound,
    StaleVersion,
    TooManyAttempts,
    UnknownSource,
    ValueNotFound,
    WarehouseMissing,
)


class ErrorBody(BaseModel):
    """What went wrong, for people and for scripts."""

    status: int
    type: str
    message: str
    parameter: str | None = None
    accepted: list[Any] | None = None


class ErrorResponse(BaseModel):
    """Every error response of the API has this shape."""

    error: ErrorBody


class ApiError(Exception):
    """An error raised by a route with the status, type and parameter it concerns."""

    def __init__(
        self,
        status: int,
        type_: str,
        message: str,
        *,
        parameter: str | None = None,
        accepted: list[Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.body = ErrorBody(
            status=status, type=type_, message=message, parameter=parameter, accepted=accepted
        )


STATUS_OF: list[tuple[type[MigobsError], int, str]] = [
    (NotAuthenticated, 401, "not-authenticated"),
    (TooManyAttempts, 429, "too-many-attempts"),
    (PermissionDenied, 403, "permission-denied"),
    (RecordNotFound, 404, "not-found"),
    (ValueNotFound, 404, "not-found"),
    (UnknownSource, 404, "unknown-source"),
    (StaleVersion, 409, "stale-version"),
    (InvalidInput, 422, "invalid-input"),
    (QueryError, 400, "invalid-query"),
    (WarehouseMissing, 503, "warehouse-missing"),
]

ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorResponse} for status in (400, 401, 403, 404, 409, 422, 429)
}
"""OpenAPI ``responses=`` for routes: every 4xx has the one error shape."""


def error_response(body: ErrorBody, headers: dict[str, str] | None = None) -> JSONResponse:
    """The JSON response for an error body."""
    return JSONResponse(
        ErrorResponse(error=body).model_dump(), status_code=body.status, headers=headers
    )


def accepted_values(error: Mapping[str, Any]) -> list[Any] | None:
    """The accepted values pydantic names for an enum or literal error, e.g. ``['json', 'csv']``."""
    expected = (error.get("ctx") or {}).get("expected")
    if not isinstance(expected, str):
        return None
    return re.findall(r"'([^']*)'", expected) or None


def install(app: FastAPI) -> None:
    """Register the handlers that give every error the one shape."""

    @app.exception_handler(ApiError)
    async def api_error(_: Request, error: ApiError) -> JSONResponse:
        return error_response(error.body)

    @app.exception_handler(MigobsError)
    async def domain_error(_: Request, error: MigobsError) -> JSONResponse:
        for kind, status, type_ in STATUS_OF:
            if isinstance(error, kind):
                return error_response(ErrorBody(status=status, type=type_, message=str(error)))
        return error_response(ErrorBody(status=500, type="internal", message=str(error)))

    @app.exception_handler(RequestValidationError)
    async def invalid_request(_: Request, error: RequestValidationError) -> JSONResponse:
        first = error.errors()[0] if error.errors() else {}
        location = [
            str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")
        ]
        parameter = ".".join(location) or None
        message = f"{parameter or 'request'}: {first.get('msg', 'invalid value')}"
        return error_response(
            ErrorBody(
                status=422,
                type="invalid-parameter",
                message=message,
                parameter=parameter,
                accepted=accepted_values(first),
            )
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, error: StarletteHTTPException) -> JSONResponse:
        return refusal(error)


HTTP_TYPES = {
    404: "not-found",
    405: "method-not-allowed",
    408: "request-timeout",
    413: "too-large",
}


def refusal(error: StarletteHTTPException) -> JSONResponse:
    """The error response (also an ASGI app) for an HTTP error, e.g. a middleware's 413."""
    type_ = HTTP_TYPES.get(error.status_code, "http-error")
    return error_response(
        ErrorBody(status=error.status_code, type=type_, message=str(error.detail)),
        headers=dict(error.headers) if error.headers else None,
    )
