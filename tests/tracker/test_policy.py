"""The access rules as a table, without a database: each step a caller may try × the five callers
(the public, Mexico's focal point, France's focal point, a reviewer, an administrator) on Mexico's
records. test_access_matrix.py proves that every route and form applies these rules.

Checks run in the documented order: 401 (not signed in), 404 (may not see it), 403 (may not act);
a workflow step that would change nothing is invalid input, 422.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from migobs.errors import TrackerError
from migobs.http.errors import body_of
from migobs.tracker import policy
from migobs.tracker.models import Action, Commitment, RecordMixin, Review
from migobs.tracker.policy import PUBLIC, Caller

CALLERS = {
    "anonymous": PUBLIC,
    "mexico": Caller(1, "mx@example.org", "focal-point", "484"),
    "france": Caller(2, "fr@example.org", "focal-point", "250"),
    "reviewer": Caller(3, "reviewer@example.org", "reviewer"),
    "admin": Caller(4, "admin@example.org", "admin"),
}
OK = "ok"
Step = Callable[[Caller], None]


def commitment(workflow: str) -> Commitment:
    return Commitment(state="484", workflow=workflow, title=f"{workflow} pledge")


def action(workflow: str, of: Commitment) -> Action:
    return Action(state="484", workflow=workflow, title=f"{workflow} step", commitment=of)


def review(workflow: str) -> Review:
    return Review(state="484", workflow=workflow, title=f"{workflow} review")


def on(record: RecordMixin, check: Callable[[Caller, RecordMixin, str], None]) -> Step:
    """A step on an existing record: signed in, then allowed to see it, then ``check``."""

    def step(caller: Caller) -> None:
        policy.require_signed_in(caller)
        policy.require_visible(caller, record, "record")
        check(caller, record, "record")

    return step


def new_record_of(state: str) -> Step:
    """Creating a record of ``state``."""
    return lambda caller: policy.check_author(caller, state)


DRAFTS = [commitment("draft"), review("draft"), action("draft", of=commitment("published"))]
PUBLISHED = [
    commitment("published"),
    review("published"),
    action("published", commitment("published")),
]
HIDDEN_ACTION = action("published", of=commitment("draft"))  # its commitment is a draft
HIDDEN_ACTION.title = "published step of a draft pledge"
VISIBILITY = [
    *((record, (False, True, False, True, True)) for record in DRAFTS + [HIDDEN_ACTION]),
    *((record, (True, True, True, True, True)) for record in PUBLISHED),
]
STEPS: list[tuple[str, Step, tuple[Any, ...]]] = [
    ("create a record of Mexico", new_record_of("484"), (401, OK, 403, 403, 403)),
    ("create a record of France", new_record_of("250"), (401, 403, OK, 403, 403)),
    *(
        (f"{name} a draft {type(record).__name__}", on(record, check), expected)
        for record in DRAFTS
        for name, check, expected in (
            ("edit or submit", policy.check_editable, (401, OK, 404, 403, 403)),
            ("publish", policy.check_publishable, (401, 403, 404, OK, 403)),
            ("send back", policy.check_sendable_back, (401, 403, 404, 422, 403)),
        )
    ),
    *(
        (f"{name} a published {type(record).__name__}", on(record, check), expected)
        for record in PUBLISHED
        for name, check, expected in (
            ("edit or submit", policy.check_editable, (401, 403, 403, 403, 403)),
            ("publish", policy.check_publishable, (401, 403, 403, 422, 403)),
            ("send back", policy.check_sendable_back, (401, 403, 403, OK, 403)),
        )
    ),
    ("edit the hidden action", on(HIDDEN_ACTION, policy.check_editable), (401, 403, 404, 403, 403)),
    ("read the review queue", policy.check_reviewer, (401, 403, 403, OK, 403)),
    ("read the audit log", policy.check_auditor, (401, 403, 403, OK, OK)),
    ("manage users and roles", policy.check_admin, (401, 403, 403, 403, OK)),
]


def outcome(step: Step, caller: Caller) -> Any:
    """``ok``, or the HTTP status the faces give the refusal."""
    try:
        step(caller)
    except TrackerError as refusal:
        return body_of(refusal).status
    return OK


@pytest.mark.parametrize(("record", "expected"), VISIBILITY, ids=[r.title for r, _ in VISIBILITY])
def test_who_sees_a_record(record: RecordMixin, expected: tuple[bool, ...]) -> None:
    seen = {name: policy.can_see(caller, record) for name, caller in CALLERS.items()}
    assert seen == dict(zip(CALLERS, expected, strict=True))


@pytest.mark.parametrize(("step", "expected"), [s[1:] for s in STEPS], ids=[s[0] for s in STEPS])
def test_who_may_take_a_step(step: Step, expected: tuple[Any, ...]) -> None:
    got = {name: outcome(step, caller) for name, caller in CALLERS.items()}
    assert got == dict(zip(CALLERS, expected, strict=True))
