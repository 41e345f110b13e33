"""What every tracker page needs: the caller, rendering with a CSRF token, error pages, and
the fields of each kind of record read from its form.

Everything is rendered with autoescaping: text typed by users is shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from fastapi import Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader

from migobs.errors import MigobsError
from migobs.http.errors import STATUS_OF
from migobs.tracker import reference
from migobs.tracker.policy import Caller
from migobs.tracker.service import Tracker
from migobs.web import tracker_auth as auth
from migobs.web.format import number

HERE = Path(__file__).parent
templates = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True)
templates.filters["number"] = number
OBJECTIVES = {o.number: o for o in reference.objectives()}


class Page:
    """What every handler needs: the request, settings, tracker and who is asking."""

    def __init__(self, request: Request, settings: Any, tracker: Tracker) -> None:
        self.request, self.settings, self.tracker = request, settings, tracker
        self.caller: Caller = auth.current_caller(request, settings, tracker)

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """Render ``template`` with the caller and a CSRF token (setting its nonce if new)."""
        nonce = auth.csrf_nonce(self.request, self.settings)
        fresh = nonce is None
        nonce = nonce or auth.new_nonce()
        body = templates.get_template(f"tracker/{template}").render(
            caller=self.caller,
            csrf=auth.csrf_token(self.settings, nonce),
            objectives=OBJECTIVES,
            **context,
        )
        response = HTMLResponse(body, status_code=status)
        if fresh:
            auth.set_csrf_nonce(response, self.request, self.settings, nonce)
        return response

    async def form(self) -> dict[str, Any]:
        """The posted form, after checking its CSRF token; lists for repeated fields."""
        posted = await self.request.form()
        auth.check_csrf(self.request, self.settings, posted.get("csrf_token"))
        return {key: posted.getlist(key) for key in posted}

    def error(self, error: MigobsError) -> HTMLResponse:
        """An error page with the status the API would give."""
        status = next((s for kind, s, _ in STATUS_OF if isinstance(error, kind)), 500)
        return self.render("error.html", status=status, message=str(error))


async def guarded(page: Page, action: Callable[[], Awaitable[Response]]) -> Response:
    """Run ``action``; a refusal of the service becomes an error page."""
    try:
        return await action()
    except MigobsError as error:
        return page.error(error)


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
