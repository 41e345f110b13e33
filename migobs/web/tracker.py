"""The tracker's web pages under ``/tracker``: States, objectives, sign-in, commitments, the
steps of the workflow, the review queue and history (actions and reviews: ``tracker_records``).

Pages call the same service as the API (:mod:`migobs.tracker.service`), so the same rules apply;
forms are protected by CSRF tokens (:mod:`migobs.web.tracker_auth`).
"""

from __future__ import annotations

from typing import Any

import duckdb
from fastapi import APIRouter, Request, Response
from fastapi.responses import FileResponse

from migobs.errors import MigobsError, RecordNotFound
from migobs.http.deps import MaybeWarehouseDep, RecordId, SettingsDep, TrackerDep
from migobs.http.memo import per_build
from migobs.tracker import policy, reference
from migobs.tracker.fields import COMMITMENT_KINDS, COMMITMENT_STATUSES
from migobs.tracker.models import RECORD_KINDS
from migobs.tracker.policy import PUBLIC
from migobs.web import tracker_auth as auth
from migobs.web import tracker_records
from migobs.web.compact import ObjectiveRow, compact_rows
from migobs.web.tracker_page import (
    HERE,
    OBJECTIVES,
    Page,
    back_to,
    commitment_fields,
    guarded,
    one,
    version_of,
)

router = APIRouter(prefix="/tracker", include_in_schema=False)
ROUTERS = (tracker_records.router, router)
"""Every tracker page router, in the order the app tries them (records' own forms before the
generic ``/tracker/{kind}/{record_id}/{step}``)."""


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
    number: RecordId, request: Request, settings: SettingsDep, tracker: TrackerDep
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
        sid = tracker.sign_in(one(form, "email"), one(form, "password"), client)
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
    try:
        policy.check_focal_point(page.caller)
    except MigobsError as error:
        return page.error(error)
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
    record_id: RecordId, request: Request, settings: SettingsDep, tracker: TrackerDep
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
    record_id: RecordId, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """Save a draft; refused when someone saved it since the form was loaded."""
    page = Page(request, settings, tracker)

    async def act() -> Response:
        form = await page.form()
        tracker.update(
            page.caller, "commitments", record_id, version_of(form), commitment_fields(form)
        )
        return back_to(f"/tracker/commitments/{record_id}")

    return await guarded(page, act)


@router.post("/{kind}/{record_id}/{step}")
async def move(
    kind: str,
    record_id: RecordId,
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
            tracker.send_back(page.caller, kind, record_id, one(form, "note"))
        else:
            raise RecordNotFound(f"No step {step[:20]!r}: use submit, publish or send-back.")
        return back_to("/tracker/queue" if step != "submit" else f"/tracker/{kind}/{record_id}")

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
        kind: tracker.records(page.caller, kind, workflow="submitted") for kind in RECORD_KINDS
    }
    return page.render("queue.html", waiting=waiting)


@router.get("/history/{kind}/{record_id}")
def history(
    kind: str, record_id: RecordId, request: Request, settings: SettingsDep, tracker: TrackerDep
) -> Response:
    """A record's audit trail (reviewers and administrators)."""
    page = Page(request, settings, tracker)
    try:
        events = tracker.history(page.caller, f"{kind}/{record_id}")
    except MigobsError as error:
        return page.error(error)
    return page.render("history.html", record=f"{kind}/{record_id}", events=events)
