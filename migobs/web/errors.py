"""Pages answer bad input with an HTML page that names the parameter and the accepted values."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

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
    """Render :class:`PageInputError` as the error page with its status."""

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
