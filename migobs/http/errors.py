"""One error handler for the app: it answers the API with the one JSON error shape and a
browser with the dashboard's error page, deciding by the request (as datasette does).

    {"error": {"status": 404, "type": "not-found", "message": "...",
               "parameter": "area" | null, "accepted": [...] | null}}

``type`` is kebab-case; ``parameter`` names the query, path or body field at fault and
``accepted`` lists accepted values where there is a short list. The page says the same for
people; the dashboard registers how it draws it (:func:`serve_pages`), so that this module does
not import it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Receive, Scope, Send

from migobs.errors import (
    AmbiguousArea,
    InvalidInput,
    MigobsError,
    NotAuthenticated,
    PermissionDenied,
    QueryError,
    RecordNotFound,
    ReportError,
    StaleVersion,
    TooManyAttempts,
    UnknownSource,
    ValueNotFound,
    WarehouseDamaged,
    WarehouseMissing,
)
from migobs.http.language import split


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

    @property
    def status(self) -> int:
        """The HTTP status."""
        return self.body.status

    @property
    def parameter(self) -> str | None:
        """The parameter at fault, if one is."""
        return self.body.parameter

    @property
    def accepted(self) -> list[Any] | None:
        """The values the parameter accepts, where there is a short list."""
        return self.body.accepted


STATUS_OF: list[tuple[type[MigobsError], int, str]] = [
    (NotAuthenticated, 401, "not-authenticated"),
    (TooManyAttempts, 429, "too-many-attempts"),
    (PermissionDenied, 403, "permission-denied"),
    (RecordNotFound, 404, "not-found"),
    (AmbiguousArea, 400, "ambiguous-area"),
    (ValueNotFound, 404, "not-found"),
    (UnknownSource, 404, "unknown-source"),
    (StaleVersion, 409, "stale-version"),
    (InvalidInput, 422, "invalid-input"),
    (QueryError, 400, "invalid-query"),
    (WarehouseDamaged, 503, "warehouse-damaged"),
    (WarehouseMissing, 503, "warehouse-missing"),
    (ReportError, 503, "report-unavailable"),
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


@dataclass(frozen=True)
class ErrorPages:
    """How the dashboard draws an error for a browser, and what it tells about its pages.

    ``render(request, body)`` draws the page; ``pages`` lists what a browser can open (shown
    for an unknown path); ``hints`` says what a page parameter accepts when the value given is
    not even of the right type.
    """

    render: Callable[[Request, ErrorBody], Response]
    pages: Sequence[str] = ()
    hints: Mapping[str, Sequence[str]] = field(default_factory=dict)


def wants_json(request: Request) -> bool:
    """Whether the request is for the API (JSON errors) rather than a page (HTML errors), with
    or without a language prefix (``/fr/api/…`` answers as ``/api/…`` does)."""
    path = split(request.url.path)[1]
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def serve_pages(app: FastAPI, pages: ErrorPages) -> None:
    """Answer browsers (every path outside the API) with ``pages``."""
    app.state.error_pages = pages


def _pages(request: Request) -> ErrorPages | None:
    """The app's error pages, or None when the request wants JSON (or there are none)."""
    pages: ErrorPages | None = getattr(request.app.state, "error_pages", None)
    return None if wants_json(request) else pages


def _answer(request: Request, body: ErrorBody, headers: dict[str, str] | None = None) -> Response:
    pages = _pages(request)
    if pages is None:
        return error_response(body, headers)
    page = pages.render(request, body)
    page.headers.update(headers or {})
    return page


def body_of(error: MigobsError) -> ErrorBody:
    """The status and type of a domain error (500 for one not listed in :data:`STATUS_OF`)."""
    for kind, status, type_ in STATUS_OF:
        if isinstance(error, kind):
            accepted = getattr(error, "candidates", None)
            return ErrorBody(status=status, type=type_, message=str(error), accepted=accepted)
    return ErrorBody(status=500, type="internal", message=str(error))


def invalid_request(request: Request, error: RequestValidationError) -> ErrorBody:
    """422 naming the first parameter at fault: for the API its message; for a page the value
    given too, and what the parameter accepts."""
    first = error.errors()[0] if error.errors() else {}
    location = [str(part) for part in first.get("loc", ()) if part not in ("query", "path", "body")]
    parameter = ".".join(location) or None
    message = first.get("msg", "invalid value")
    pages = _pages(request)
    if pages is None:
        return ErrorBody(
            status=422,
            type="invalid-parameter",
            message=f"{parameter or 'request'}: {message}",
            parameter=parameter,
            accepted=accepted_values(first),
        )
    parameter = parameter or "request"
    return ErrorBody(
        status=422,
        type="invalid-parameter",
        message=f"{parameter}={first.get('input')!r}: {message}.",
        parameter=parameter,
        accepted=accepted_values(first) or list(pages.hints.get(parameter, [])),
    )


def http_error(request: Request, error: StarletteHTTPException) -> ErrorBody:
    """The status of an HTTP error; an unknown page lists the pages there are."""
    status = error.status_code
    type_ = HTTP_TYPES.get(status, "http-error")
    pages = _pages(request)
    if pages is not None and status == 404:
        message = f"There is no page at {request.url.path}."
        return ErrorBody(
            status=404, type=type_, message=message, parameter="path", accepted=list(pages.pages)
        )
    return ErrorBody(status=status, type=type_, message=str(error.detail))


HTTP_TYPES = {
    404: "not-found",
    405: "method-not-allowed",
    408: "request-timeout",
    413: "too-large",
}
"""The ``type`` of an HTTP error by status (others: ``http-error``)."""


def refusal(error: StarletteHTTPException) -> ASGIApp:
    """The answer to an HTTP error raised before the app runs (a middleware's 413), given as
    the handler gives it: JSON for the API, the error page for a browser."""

    async def answer(scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        headers = dict(error.headers) if error.headers else None
        await _answer(request, http_error(request, error), headers)(scope, receive, send)

    return answer


def install(app: FastAPI) -> None:
    """Register the one handler of each kind of error: routes' own (:class:`ApiError`), the
    domain's, malformed parameters, and HTTP errors (unknown paths, methods)."""

    @app.exception_handler(ApiError)
    async def api_error(request: Request, error: ApiError) -> Response:
        return _answer(request, error.body)

    @app.exception_handler(MigobsError)
    async def domain_error(request: Request, error: MigobsError) -> Response:
        return _answer(request, body_of(error))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        return _answer(request, invalid_request(request, error))

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, error: StarletteHTTPException) -> Response:
        headers = dict(error.headers) if error.headers else None
        return _answer(request, http_error(request, error), headers)
