"""The tracker's web pages under ``/tracker``: States, objectives, sign-in, commitments, the
steps of the workflow, the review queue and history (actions and reviews: ``tracker_records``).

Pages call the same service as the API (:mod:`migobs.tracker.service`), so the same rules apply;
forms are protected by CSRF tokens (:mod:`migobs.web.tracker_auth`); a refusal of the service
becomes the tracker's error page (:mod:`migobs.web.tracker_page`).
"""

from __future__ import annotations

from typing import Any

import duckdb
from fastapi import Request, Response
from fastapi.responses import FileResponse

from migobs.errors import RecordNotFound
from migobs.http.deps import MaybeWarehouseDep, RecordId
from migobs.http.memo import per_build
from migobs.i18n.areas import localised
from migobs.i18n.messages import N_, Said
from migobs.tracker import policy, reference
from migobs.tracker.fields import COMMITMENT_KINDS, COMMITMENT_STATUSES
from migobs.tracker.models import RECORD_KINDS
from migobs.tracker.policy import PUBLIC
from migobs.tracker.service import Tracker
from migobs.web import tracker_auth as auth
from migobs.web import tracker_records
from migobs.web.compact import ObjectiveRow, compact_rows
from migobs.web.templating import HERE
from migobs.web.tracker_page import (
    OBJECTIVES,
    PageDep,
    back_to,
    commitment_fields,
    one,
    page_router,
    version_of,
)

router = page_router()
ROUTERS = (tracker_records.router, router)
"""Every tracker page router, in the order the app tries them (records' own forms before the
generic ``/tracker/{kind}/{record_id}/{step}``)."""


KIND_TITLES = {
    "commitments": N_("Commitments"),
    "actions": N_("Actions"),
    "reviews": N_("Reviews"),
}
"""Each kind of record as the review queue heads it (translated on the page)."""

LINK_CONFIDENCE = (N_("high"), N_("medium"), N_("low"))
"""The words of ``objectives.yml``'s link ``confidence``, marked for translation on the page."""


def state_names(tracker: Tracker) -> dict[str, str]:
    """Every State's name in the reader's language, by M49 code."""
    return {s["m49"]: localised(s) for s in tracker.states()}


@router.get("/tracker.css")
def stylesheet() -> FileResponse:
    """The tracker's own stylesheet."""
    return FileResponse(HERE / "static" / "tracker.css", media_type="text/css")


@router.get("")
def index(page: PageDep) -> Response:
    """States with published commitments, the 23 objectives and the 10 guiding principles."""
    published = page.tracker.records(PUBLIC, "commitments")
    names = state_names(page.tracker)
    counts: dict[str, int] = {}
    for record in published:
        counts[record["state"]] = counts.get(record["state"], 0) + 1
    states = sorted((names[m49], m49, n) for m49, n in counts.items())
    return page.render(
        "index.html",
        states=states,
        all_states=sorted(
            ({"m49": m49, "name": name} for m49, name in names.items()), key=lambda s: s["name"]
        ),
        principles=reference.principles(),
    )


@router.get("/states/{m49}")
def state_page(m49: str, page: PageDep, con: MaybeWarehouseDep) -> Response:
    """A State's commitments (by objective), actions and reviews that the caller may see, with
    each objective's indicators for the State from the warehouse when one has been built."""
    tracker, caller = page.tracker, page.caller
    names = state_names(tracker)
    if m49 not in names:
        raise RecordNotFound(Said(N_("No State with M49 code %(code)s."), code=repr(m49[:10])))
    commitments = tracker.records(caller, "commitments", state=m49)
    reviews = tracker.records(caller, "reviews", state=m49)
    actions: dict[int, list[dict[str, Any]]] = {}
    for action in tracker.records(caller, "actions", state=m49):
        actions.setdefault(action["commitment_id"], []).append(action)
    indicators = None if con is None else state_indicators(page.request, con, int(m49))
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
def objective_page(number: RecordId, page: PageDep) -> Response:
    """An objective, its indicators, and which States committed what."""
    if number not in OBJECTIVES:
        raise RecordNotFound(
            Said(N_("No objective %(number)s: the Compact has 23."), number=number)
        )
    names = state_names(page.tracker)
    return page.render(
        "objective.html",
        objective=OBJECTIVES[number],
        commitments=page.tracker.records(page.caller, "commitments", objective=number),
        reviews=page.tracker.records(page.caller, "reviews", objective=number),
        names=names,
    )


@router.get("/login")
def login_form(page: PageDep) -> Response:
    """The sign-in form."""
    return page.render("login.html")


@router.post("/login")
async def login(page: PageDep) -> Response:
    """Sign in: a new session every time (the old cookie, if any, is never reused)."""
    form = await page.form()
    client = page.request.client.host if page.request.client else "unknown"
    sid = page.tracker.sign_in(one(form, "email"), one(form, "password"), client)
    response = back_to("/tracker")
    auth.start_session(response, page.request, page.settings, sid)
    return response


@router.post("/logout")
async def logout(page: PageDep) -> Response:
    """Sign out: the session ends on the server too."""
    await page.form()
    sid = auth.session_id(page.request, page.settings)
    if sid:
        page.tracker.sign_out(sid)
    response = back_to("/tracker")
    auth.end_session(response)
    return response


@router.get("/commitments/new")
def new_commitment_form(page: PageDep) -> Response:
    """The form for a new commitment (focal points)."""
    policy.check_focal_point(page.caller)
    return page.render(
        "commitment_form.html", record=None, kinds=COMMITMENT_KINDS, statuses=COMMITMENT_STATUSES
    )


@router.post("/commitments/new")
async def create_commitment(page: PageDep) -> Response:
    """Record a draft commitment for the focal point's State."""
    data = commitment_fields(await page.form())
    created = page.tracker.create(
        page.caller, "commitments", {**data, "state": page.caller.state or ""}
    )
    return back_to(f"/tracker/commitments/{created['id']}")


@router.get("/commitments/{record_id}")
def commitment_page(record_id: RecordId, page: PageDep) -> Response:
    """A commitment, its actions, and the buttons the caller may use."""
    record = page.tracker.get(page.caller, "commitments", record_id)
    return page.render(
        "commitment.html",
        record=record,
        actions=page.tracker.records(page.caller, "actions", commitment_id=record_id),
        kinds=COMMITMENT_KINDS,
        statuses=COMMITMENT_STATUSES,
    )


@router.post("/commitments/{record_id}/edit")
async def edit_commitment(record_id: RecordId, page: PageDep) -> Response:
    """Save a draft; refused when someone saved it since the form was loaded."""
    form = await page.form()
    page.tracker.update(
        page.caller, "commitments", record_id, version_of(form), commitment_fields(form)
    )
    return back_to(f"/tracker/commitments/{record_id}")


@router.post("/{kind}/{record_id}/{step}")
async def move(kind: str, record_id: RecordId, step: str, page: PageDep) -> Response:
    """Submit (focal points), publish or send back (reviewers) a record."""
    form = await page.form()
    if step == "submit":
        page.tracker.submit(page.caller, kind, record_id)
    elif step == "publish":
        page.tracker.publish(page.caller, kind, record_id)
    elif step == "send-back":
        page.tracker.send_back(page.caller, kind, record_id, one(form, "note"))
    else:
        raise RecordNotFound(
            Said(N_("No step %(step)s: use submit, publish or send-back."), step=repr(step[:20]))
        )
    return back_to("/tracker/queue" if step != "submit" else f"/tracker/{kind}/{record_id}")


@router.get("/queue")
def queue(page: PageDep) -> Response:
    """Records submitted for publication (reviewers)."""
    policy.check_reviewer(page.caller)
    waiting = {
        kind: page.tracker.records(page.caller, kind, workflow="submitted") for kind in RECORD_KINDS
    }
    return page.render("queue.html", waiting=waiting, kind_titles=KIND_TITLES)


@router.get("/history/{kind}/{record_id}")
def history(kind: str, record_id: RecordId, page: PageDep) -> Response:
    """A record's audit trail (reviewers and administrators)."""
    events = page.tracker.history(page.caller, f"{kind}/{record_id}")
    return page.render("history.html", record=f"{kind}/{record_id}", events=events)
