"""Pages answer bad input with an HTML page that names the parameter and the accepted values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, Response

from migobs.api.errors import ErrorBody, error_response
from migobs.errors import WarehouseMissing
from migobs.web.templating import templates


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


def install(app: FastAPI) -> None:
    """Render :class:`PageInputError` as the error page with its status, and a missing
    warehouse as a page saying how to build it (the API keeps its JSON error shape)."""

    @app.exception_handler(WarehouseMissing)
    async def missing(request: Request, error: WarehouseMissing) -> Response:
        if request.url.path.startswith("/api/"):
            body = ErrorBody(status=503, type="warehouse-missing", message=str(error))
            return error_response(body)
        return templates.TemplateResponse(
            request,
            "error.html",
            {"title": "No warehouse yet", "message": str(error), "accepted": []},
            status_code=503,
        )

    @app.exception_handler(PageInputError)
    async def page_input(request: Request, error: PageInputError) -> HTMLResponse:
        return templates.TemplateResponse(
            request,
            "error.html",
            {
                "title": "Not found",
                "message": str(error),
                "parameter": error.parameter,
                "accepted": error.accepted,
            },
            status_code=error.status,
        )
