"""Pages answer bad input with an HTML page that names the parameter and the accepted values;
under ``/api/`` the API's JSON error shape is kept.

The page handlers are installed after the API's and hand ``/api/`` requests (and the OpenAPI
document) back to them: malformed parameters (422), unknown paths (404) and a missing warehouse
(503) each have one handler that looks at the path.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from migobs.api.errors import ErrorBody, accepted_values, error_response
from migobs.errors import WarehouseDamaged, WarehouseMissing
from migobs.web.templating import templates

PAGES = ["/world", "/country", "/country/{m49}", "/corridor", "/report", "/tracker", "/api/…"]
"""What a browser can open, listed by the page for an unknown path."""

M49 = "an M49 code: a whole number from 0 to 99999 (every code at /api/areas)"
HINTS = {
    "m49": [M49, "every country at /country"],
    "origin": [M49],
    "destination": [M49],
    "region": [M49, "900 for the world"],
}
"""What a page parameter accepts, for values that are not even of the right type."""

TITLES = {404: "Not found", 405: "Not allowed", 422: "Not a valid value"}


class PageInputError(Exception):
    """A page parameter names something the warehouse does not have."""

    def __init__(
        self, parameter: str, value: object, accepted: Sequence[Any], status: int = 404
    ) -> None:
        shown = ", ".join(map(str, accepted[:30])) + (" …" if len(accepted) > 30 else "")
        super().__init__(f"{parameter}={value!r} is not known here. Accepted: {shown}.")
        self.parameter = parameter
        self.accepted = list(accepted)
        self.status = status


def is_api(request: Request) -> bool:
    """Whether the request is for the API (JSON errors) rather than a page (HTML errors)."""
    path = request.url.path
    return path.startswith("/api/") or path == "/api" or path == "/openapi.json"


def error_page(
    request: Request,
    status: int,
    message: str,
    parameter: str | None = None,
    accepted: Sequence[Any] = (),
    title: str | None = None,
) -> HTMLResponse:
    """The HTML error page with ``status``, saying what was wrong and what is accepted."""
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "title": title or TITLES.get(status, "Something went wrong"),
            "message": message,
            "parameter": parameter,
            "accepted": list(accepted),
        },
        status_code=status,
    )


async def _answer(result: Response | Awaitable[Response]) -> Response:
    """The response of an exception handler, sync or async (the API's are async)."""
    return await result if inspect.isawaitable(result) else result


def install(app: FastAPI) -> None:
    """Render page errors as HTML: :class:`PageInputError` with its status, malformed
    parameters, unknown paths, a missing warehouse (saying how to build it)."""
    api_invalid = app.exception_handlers[RequestValidationError]
    api_http = app.exception_handlers[StarletteHTTPException]

    @app.exception_handler(WarehouseMissing)
    async def missing(request: Request, error: WarehouseMissing) -> Response:
        broken = isinstance(error, WarehouseDamaged)
        if is_api(request):
            kind = "warehouse-damaged" if broken else "warehouse-missing"
            return error_response(ErrorBody(status=503, type=kind, message=str(error)))
        title = "The warehouse is damaged" if broken else "No warehouse yet"
        return error_page(request, 503, str(error), title=title)

    @app.exception_handler(PageInputError)
    async def page_input(request: Request, error: PageInputError) -> HTMLResponse:
        return error_page(request, error.status, str(error), error.parameter, error.accepted)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, error: RequestValidationError) -> Response:
        if is_api(request):
            return await _answer(api_invalid(request, error))
        first = error.errors()[0] if error.errors() else {}
        where = [str(p) for p in first.get("loc", ()) if p not in ("query", "path", "body")]
        parameter = ".".join(where) or "request"
        message = f"{parameter}={first.get('input')!r}: {first.get('msg', 'invalid value')}."
        accepted = accepted_values(first) or HINTS.get(parameter, [])
        return error_page(request, 422, message, parameter, accepted)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        if is_api(request):
            return await _answer(api_http(request, error))
        if error.status_code == 404:
            message = f"There is no page at {request.url.path}."
            return error_page(request, 404, message, "path", PAGES)
        return error_page(request, error.status_code, str(error.detail))
