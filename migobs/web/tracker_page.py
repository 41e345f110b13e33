"""What every tracker page needs: the caller, rendering with a CSRF token, one error page for
every refusal of the tracker, and the fields of each kind of record read from its form.

Handlers take ``page: PageDep`` and routers are made by :func:`page_router`, whose routes turn a
refusal of the tracker (:class:`~migobs.errors.TrackerError`, e.g. not signed in, not allowed,
not found, a stale form) into the tracker's error page with the status the API would give.
Everything is rendered with autoescaping: text typed by users is shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.routing import APIRoute

from migobs.config import Settings
from migobs.errors import TrackerError
from migobs.http.deps import get_tracker, settings_of
from migobs.http.errors import body_of
from migobs.i18n.messages import translated
from migobs.tracker import reference
from migobs.tracker.policy import Caller
from migobs.tracker.service import Tracker
from migobs.web import tracker_auth as auth
from migobs.web.templating import templates

OBJECTIVES = {o.number: o for o in reference.objectives()}


class Page:
    """What every handler needs: the request, settings, tracker and who is asking."""

    def __init__(self, request: Request, settings: Settings, tracker: Tracker) -> None:
        self.request, self.settings, self.tracker = request, settings, tracker
        self.caller: Caller = auth.current_caller(request, settings, tracker)

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """Render ``template`` with the caller and a CSRF token (setting its nonce if new)."""
        nonce = auth.csrf_nonce(self.request, self.settings)
        fresh = nonce is None
        nonce = nonce or auth.new_nonce()
        response = templates.TemplateResponse(
            self.request,
            f"tracker/{template}",
            {
                "caller": self.caller,
                "csrf": auth.csrf_token(self.settings, nonce),
                "objectives": OBJECTIVES,
                **context,
            },
            status_code=status,
        )
        if fresh:
            auth.set_csrf_nonce(response, self.request, self.settings, nonce)
        return response

    async def form(self) -> dict[str, Any]:
        """The posted form, after checking its CSRF token; lists for repeated fields."""
        posted = await self.request.form()
        auth.check_csrf(self.request, self.settings, posted.get("csrf_token"))
        return {key: posted.getlist(key) for key in posted}

    def error(self, error: TrackerError) -> HTMLResponse:
        """An error page with the status the API would give."""
        message = translated(error.args[0]) if error.args else str(error)
        return self.render("error.html", status=body_of(error).status, message=message)


def page_of(request: Request) -> Page:
    """The tracker page of ``request``, made once per request."""
    page: Page | None = getattr(request.state, "tracker_page", None)
    if page is None:
        page = Page(request, settings_of(request), get_tracker(request))
        request.state.tracker_page = page
    return page


PageDep = Annotated[Page, Depends(page_of)]


class PageRoute(APIRoute):
    """A route of a tracker page: a refusal of the tracker becomes the tracker's error page."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handle = super().get_route_handler()

        async def answer(request: Request) -> Response:
            try:
                return await handle(request)
            except TrackerError as error:
                return page_of(request).error(error)

        return answer


def page_router() -> APIRouter:
    """A router of tracker pages under ``/tracker`` (not in the API's schema)."""
    return APIRouter(prefix="/tracker", include_in_schema=False, route_class=PageRoute)


def back_to(path: str) -> RedirectResponse:
    """After a successful POST, show the page again (303 See Other)."""
    return RedirectResponse(path, status_code=303)


def one(form: dict[str, Any], key: str) -> str:
    values = form.get(key) or [""]
    return str(values[0])


def objective_numbers(form: dict[str, Any]) -> list[Any]:
    return [int(v) if str(v).isdigit() else v for v in form.get("objectives", [])]


def commitment_fields(form: dict[str, Any]) -> dict[str, Any]:
    """A commitment's fields from its form."""
    data: dict[str, Any] = {
        key: one(form, key) for key in ("title", "text", "kind", "status") if key in form
    }
    data["objectives"] = objective_numbers(form)
    data["partners"] = lines_of(form, "partners")
    for key in ("start_date", "end_date"):
        data[key] = one(form, key) or None
    return data


def lines_of(form: dict[str, Any], key: str) -> list[str]:
    """The non-empty lines of a textarea (partners, evidence links)."""
    return [line.strip() for line in one(form, key).splitlines() if line.strip()]


def version_of(form: dict[str, Any]) -> int | None:
    """The version the form was loaded with (None when missing: the service says so)."""
    version = one(form, "version")
    return int(version) if version.isdigit() else None


def action_fields(form: dict[str, Any]) -> dict[str, Any]:
    """An action's changeable fields from its form."""
    return {
        "title": one(form, "title"),
        "description": one(form, "description"),
        "taken_on": one(form, "taken_on") or None,
        "evidence": lines_of(form, "evidence"),
    }


def review_fields(form: dict[str, Any]) -> dict[str, Any]:
    """A review's changeable fields from its form."""
    data: dict[str, Any] = {k: one(form, k) for k in ("kind", "title", "summary", "link")}
    data["held_on"] = one(form, "held_on") or None
    data["objectives"] = objective_numbers(form)
    return data
