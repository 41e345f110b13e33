"""The dashboard's error page: what was wrong, the parameter at fault and the values it accepts.

The app's one error handler (:mod:`migobs.http.errors`) decides by the request whether to answer
JSON (the API) or this page (a browser); :func:`install` tells it how to draw the page.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse

from migobs.http.errors import ApiError, ErrorBody, ErrorPages, serve_pages
from migobs.http.language import split
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.web.templating import templates

PAGES = [
    "/",
    "/world",
    "/country",
    "/country/{m49}",
    "/indicators",
    "/corridor",
    "/report",
    "/tracker",
    "/openapi.json",
]
"""What a browser can open, listed by the page for an unknown path."""

M49 = "an M49 code: a whole number from 0 to 99999 (every code at /api/areas)"
HINTS = {
    "m49": [M49, "every country at /country"],
    "origin": [M49],
    "destination": [M49],
    "region": [M49, "900 for the world"],
}
"""What a page parameter accepts, for values that are not even of the right type."""

TITLES = {404: N_("Not found"), 405: N_("Not allowed"), 422: N_("Not a valid value")}
EXPLANATIONS = {
    "not-found": N_("What was asked for is not here: the details below (in English) name it."),
    "invalid-parameter": N_("A value in the address is not valid: the details below say which."),
    "method-not-allowed": N_("This address does not accept that kind of request."),
    "warehouse-missing": N_(
        "This server has no warehouse yet: its administrator builds one with `migobs build`."
    ),
    "warehouse-damaged": N_(
        "This server's warehouse cannot be read: its administrator rebuilds it with `migobs build`."
    ),
}
"""The error in the reader's language, said before the message itself (which names codes and
parameters, and stays in English as the API gives it)."""
TITLES_BY_TYPE = {
    "warehouse-missing": N_("No warehouse yet"),
    "warehouse-damaged": N_("The warehouse is damaged"),
}


class PageInputError(ApiError):
    """A page parameter names something the warehouse does not have."""

    def __init__(
        self, parameter: str, value: object, accepted: Sequence[Any], status: int = 404
    ) -> None:
        shown = ", ".join(map(str, accepted[:30])) + (" …" if len(accepted) > 30 else "")
        type_ = "not-found" if status == 404 else "invalid-parameter"
        message = f"{parameter}={value!r} is not known here. Accepted: {shown}."
        super().__init__(status, type_, message, parameter=parameter, accepted=list(accepted))


def error_page(request: Request, body: ErrorBody) -> HTMLResponse:
    """The HTML error page for ``body``, saying what was wrong and what is accepted."""
    title = TITLES_BY_TYPE.get(body.type) or TITLES.get(body.status, N_("Something went wrong"))
    return templates.TemplateResponse(
        request,
        "error.html",
        {
            "title": _(title),
            "explanation": _(EXPLANATIONS.get(body.type, N_("Something went wrong."))),
            "message": body.message,
            "parameter": body.parameter,
            "accepted": accepted_links(request, body.parameter, body.accepted or []),
        },
        status_code=body.status,
    )


CANDIDATE = re.compile(r"\(M49 (\d+)\b")
"""The M49 code in an area listed as a candidate for an ambiguous name."""


def accepted_links(
    request: Request, parameter: str | None, accepted: Sequence[Any]
) -> list[tuple[str, str | None]]:
    """Each accepted value with where it leads: a site path to itself (``/world``), a value of
    a query parameter to this page with that value (``/world?year=2015``); ``None`` for a text
    that only describes values (its paths are linked by the template)."""
    path = split(request.url.path)[1]
    query = dict(request.query_params)
    links: list[tuple[str, str | None]] = []
    for value in accepted:
        text = str(value)
        candidate = CANDIDATE.search(text)  # an area a name fits: "France (M49 250, FRA)"
        choice = candidate.group(1) if candidate else text
        if text.startswith("/") and "{" not in text and " " not in text:
            links.append((text, text))
        elif parameter in query and " " not in choice:
            links.append((text, f"{path}?{urlencode({**query, parameter: choice})}"))
        else:
            links.append((text, None))
    return links


def install(app: FastAPI) -> None:
    """Answer browsers' errors with :func:`error_page`."""
    serve_pages(app, ErrorPages(render=error_page, pages=PAGES, hints=HINTS))
