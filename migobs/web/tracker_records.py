"""The tracker's pages for actions and reviews: each has a page with the forms the caller may
use (edit and submit for its State's focal points while it is a draft; publish and send back for
reviewers), so a record made on the web can go through the whole workflow on the web.

Submitting, publishing and sending back are the generic steps of :mod:`migobs.web.tracker`.
"""

from __future__ import annotations

from fastapi import Response

from migobs.http.deps import RecordId
from migobs.tracker import policy
from migobs.tracker.fields import REVIEW_KINDS
from migobs.web.tracker_page import (
    PageDep,
    action_fields,
    back_to,
    page_router,
    review_fields,
    version_of,
)

router = page_router()


@router.post("/commitments/{record_id}/actions")
async def add_action(record_id: RecordId, page: PageDep) -> Response:
    """Record an action taken towards a commitment."""
    data = {"commitment_id": record_id, **action_fields(await page.form())}
    page.tracker.create(page.caller, "actions", data)
    return back_to(f"/tracker/commitments/{record_id}")


@router.get("/actions/{record_id}")
def action_page(record_id: RecordId, page: PageDep) -> Response:
    """An action, with its edit and workflow forms for those who may use them."""
    record = page.tracker.get(page.caller, "actions", record_id)
    return page.render("action.html", record=record, kind="actions")


@router.post("/actions/{record_id}/edit")
async def edit_action(record_id: RecordId, page: PageDep) -> Response:
    """Save a draft action; refused when someone saved it since the form was loaded."""
    form = await page.form()
    page.tracker.update(page.caller, "actions", record_id, version_of(form), action_fields(form))
    return back_to(f"/tracker/actions/{record_id}")


@router.get("/reviews/new")
def new_review_form(page: PageDep) -> Response:
    """The form for a review (voluntary national review, regional review, IMRF statement)."""
    policy.check_focal_point(page.caller)
    return page.render("review_form.html", record=None, kinds=REVIEW_KINDS)


@router.post("/reviews/new")
async def create_review(page: PageDep) -> Response:
    """Record a draft review for the focal point's State; its page has the submit button."""
    data = {**review_fields(await page.form()), "state": page.caller.state or ""}
    created = page.tracker.create(page.caller, "reviews", data)
    return back_to(f"/tracker/reviews/{created['id']}")


@router.get("/reviews/{record_id}")
def review_page(record_id: RecordId, page: PageDep) -> Response:
    """A review, with its edit and workflow forms for those who may use them."""
    record = page.tracker.get(page.caller, "reviews", record_id)
    return page.render("review.html", record=record, kind="reviews", kinds=REVIEW_KINDS)


@router.post("/reviews/{record_id}/edit")
async def edit_review(record_id: RecordId, page: PageDep) -> Response:
    """Save a draft review; refused when someone saved it since the form was loaded."""
    form = await page.form()
    page.tracker.update(page.caller, "reviews", record_id, version_of(form), review_fields(form))
    return back_to(f"/tracker/reviews/{record_id}")
