"""The tracker's web pages under ``/tracker``: States, objectives, forms, the review queue.

Pages call the same service as the API (:mod:`migobs.gcm.service`), so the same rules apply;
forms are protected by CSRF tokens (:mod:`migobs.web.tracker_auth`). Everything is rendered
with autoescaping: text typed by users is shown as text, never as markup.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import duckdb
from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse, HTMLResponse, RedirectResponse
from jinja2 import Environment, FileSystemLoader

from migobs.api.deps import MaybeWarehouseDep, SettingsDep, TrackerDep
from migobs.api.errors import STATUS_OF
from migobs.api.memo import per_build
from migobs.errors import MigobsError, RecordNotFound
from migobs.gcm import policy, reference
from migobs.gcm.fields import COMMITMENT_KINDS, COMMITMENT_STATUSES, REVIEW_KINDS
from migobs.gcm.policy import PUBLIC, Caller
from migobs.gcm.service import Tracker
from migobs.web import tracker_auth as auth
from migobs.web.compact import ObjectiveRow, compact_rows
from migobs.web.format import number

HERE = Path(__file__).parent
router = APIRouter(prefix="/tracker", include_in_schema=False)
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


def _one(form: dict[str, Any], key: str) -> str:
    values = form.get(key) or [""]
    return str(values[0])


def _objectives(form: dict[str, Any]) -> list[Any]:
    return [int(v) if str(v).isdigit() else v for v in form.get("objectives", [])]


def commitment_fields(form: dict[str, Any]) -> dict[str, Any]:
    """A commitment's fields from its form."""
    data: dict[str, Any] = {
        key: _one(form, key) for key in ("title", "text", "kind", "status") if key in form
    }
    data["objectives"] = _objectives(form)
    data["partners"] = [p.strip() for p in _one(form, "partners").splitlines() if p.strip()]
    for key in ("start_date", "end_date"):
        data[key] = _one(form, key) or None
    return data


@router.get("/tracker.css")
def stylesheet() -> FileResponse:
    """The tracker's own stylesheet."""
    return FileResponse(HERE / "static" / "tracker.css", media_type="text/css")


@router.get("")
def index(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """States with published commitments, the 23 objectives and the 10 guiding principles."""
    page = Page(request, settings, tracker)
    published = tracker.records(PUBLIC, "commitments")
    names = {s["m49"]: s["name"] for s in tracker.states()}
    counts: dict[str, int] = {}
    for record in published:
        counts[record["state"]] = counts.get(record["state"], 0) + 1
    states = sorted((names[m49], m49, n) for m49, n in counts.items())
    return page.render(
        "index.html",
        states=states,
        all_states=tracker.states(),
        principles=reference.principles(),
    )


@router.get("/states/{m49}")
def state_page(
    m49: str,
    request: Request,
    settings: SettingsDep,
    tracker: TrackerDep,
    con: MaybeWarehouseDep,
) -> Response:
    """A State's commitments (by objective), actions and reviews that the caller may see, with
    each objective's indicators for the State from the warehouse when one has been built."""
    page = Page(request, settings, tracker)
    names = {s["m49"]: s["name"] for s in tracker.states()}
    if m49 not in names:
        return page.error(RecordNotFound(f"No State with M49 code {m49[:10]!r}."))
    commitments = tracker.records(page.caller, "commitments", state=m49)
    reviews = tracker.records(page.caller, "reviews", state=m49)
    actions: dict[int, list[dict[str, Any]]] = {}
    for action in tracker.records(page.caller, "actions", state=m49):
        actions.setdefault(action["commitment_id"], []).append(action)
    indicators = None if con is None else state_indicators(request, con, int(m49))
    sections = {
        n: (
            [c for c in commitments if n in c["objectives"]],
            [r for r in reviews if n in r["objectives"]],
        )
        for n in OBJECTIVES
    }
    return page.render(
        "state.html",
        m49=m49,
        name=names[m49],
        sections={n: rows for n, rows in sections.items() if indicators or rows[0] or rows[1]},
        recorded=bool(commitments or reviews),
        actions=actions,
        indicators=indicators,
    )


def state_indicators(
    request: Request, con: duckdb.DuckDBPyConnection, area: int
) -> dict[int, ObjectiveRow]:
    """Each objective's indicator values for ``area`` (kept per build, as on the profile)."""
    rows = per_build(request, ("compact", area), lambda: compact_rows(con, area))
    return {row.objective: row for row in rows}


@router.get("/objectives/{number}")
def objective_page(
    number: int, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """An objective, its indicators, and which States committed what."""
    page = Page(request, settings, tracker)
    if number not in OBJECTIVES:
        return page.error(RecordNotFound(f"No objective {number}: the Compact has 23."))
    names = {s["m49"]: s["name"] for s in tracker.states()}
    return page.render(
        "objective.html",
        objective=OBJECTIVES[number],
        commitments=tracker.records(page.caller, "commitments", objective=number),
        reviews=tracker.records(page.caller, "reviews", objective=number),
        names=names,
    )


@router.get("/login")
def login_form(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """The sign-in form."""
    return Page(request, settings, tracker).render("login.html")


@router.post("/login")
async def login(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """Sign in: a new session every time (the old cookie, if any, is never reused)."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        client = request.client.host if request.client else "unknown"
        sid = tracker.sign_in(_one(form, "email"), _one(form, "password"), client)
        response = back_to("/tracker")
        auth.start_session(response, request, settings, sid)
        return response

    return await guarded(page, act)


@router.post("/logout")
async def logout(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """Sign out: the session ends on the server too."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        await page.form()
        sid = auth.session_id(request, settings)
        if sid:
            tracker.sign_out(sid)
        response = back_to("/tracker")
        auth.end_session(response)
        return response

    return await guarded(page, act)


@router.get("/commitments/new")
def new_commitment_form(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """The form for a new commitment (focal points)."""
    page = Page(request, settings, tracker)
    return page.render(
        "commitment_form.html", record=None, kinds=COMMITMENT_KINDS, statuses=COMMITMENT_STATUSES
    )


@router.post("/commitments/new")
async def create_commitment(
    request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """Record a draft commitment for the focal point's State."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        data = commitment_fields(await page.form())
        created = tracker.create(
            page.caller, "commitments", {**data, "state": page.caller.state or ""}
        )
        return back_to(f"/tracker/commitments/{created['id']}")

    return await guarded(page, act)


@router.get("/commitments/{record_id}")
def commitment_page(
    record_id: int, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """A commitment, its actions, and the buttons the caller may use."""
    page = Page(request, settings, tracker)
    try:
        record = tracker.get(page.caller, "commitments", record_id)
    except MigobsError as error:
        return page.error(error)
    return page.render(
        "commitment.html",
        record=record,
        actions=tracker.records(page.caller, "actions", commitment_id=record_id),
        kinds=COMMITMENT_KINDS,
        statuses=COMMITMENT_STATUSES,
    )


@router.post("/commitments/{record_id}/edit")
async def edit_commitment(
    record_id: int, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """Save a draft; refused when someone saved it since the form was loaded."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        version = int(_one(form, "version")) if _one(form, "version").isdigit() else None
        tracker.update(page.caller, "commitments", record_id, version, commitment_fields(form))
        return back_to(f"/tracker/commitments/{record_id}")

    return await guarded(page, act)


@router.post("/commitments/{record_id}/actions")
async def add_action(
    record_id: int, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """Record an action taken towards a commitment."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        data = {
            "commitment_id": record_id,
            "title": _one(form, "title"),
            "description": _one(form, "description"),
            "taken_on": _one(form, "taken_on") or None,
            "evidence": [e.strip() for e in _one(form, "evidence").splitlines() if e.strip()],
        }
        tracker.create(page.caller, "actions", data)
        return back_to(f"/tracker/commitments/{record_id}")

    return await guarded(page, act)


@router.get("/reviews/new")
def new_review_form(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """The form for a review (voluntary national review, regional review, IMRF statement)."""
    return Page(request, settings, tracker).render("review_form.html", kinds=REVIEW_KINDS)


@router.post("/reviews/new")
async def create_review(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """Record a draft review for the focal point's State."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        data: dict[str, Any] = {k: _one(form, k) for k in ("kind", "title", "summary", "link")}
        data["held_on"] = _one(form, "held_on") or None
        data["objectives"] = _objectives(form)
        tracker.create(page.caller, "reviews", {**data, "state": page.caller.state or ""})
        return back_to(f"/tracker/states/{page.caller.state}")

    return await guarded(page, act)


@router.post("/{kind}/{record_id}/{step}")
async def move(
    kind: str,
    record_id: int,
    step: str,
    request: Request,
    settings: SettingsDep,
    tracker: TrackerDep,
) -> Response:
    """Submit (focal points), publish or send back (reviewers) a record."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        if step == "submit":
            tracker.submit(page.caller, kind, record_id)
        elif step == "publish":
            tracker.publish(page.caller, kind, record_id)
        elif step == "send-back":
            tracker.send_back(page.caller, kind, record_id, _one(form, "note"))
        else:
            raise RecordNotFound(f"No step {step[:20]!r}: use submit, publish or send-back.")
        return back_to(
            "/tracker/queue" if step != "submit" else f"/tracker/states/{page.caller.state}"
        )

    return await guarded(page, act)


@router.get("/queue")
def queue(request: Request, settings: SettingsDep, tracker: TrackerDep) -> Response:
    """Records submitted for publication (reviewers)."""
    page = Page(request, settings, tracker)
    try:
        policy.check_reviewer(page.caller)
    except MigobsError as error:
        return page.error(error)
    waiting = {
        kind: tracker.records(page.caller, kind, workflow="submitted")
        for kind in ("commitments", "actions", "reviews")
    }
    return page.render("queue.html", waiting=waiting)


@router.get("/history/{kind}/{record_id}")
def history(
    kind: str, record_id: int, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """A record's audit trail (reviewers and administrators)."""
    page = Page(request, settings, tracker)
    try:
        events = tracker.history(page.caller, f"{kind}/{record_id}")
    except MigobsError as error:
        return page.error(error)
    return page.render("history.html", record=f"{kind}/{record_id}", events=events)
