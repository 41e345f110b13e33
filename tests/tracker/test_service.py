from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
from sqlalchemy import select, text

from migobs.config import Settings
from migobs.errors import (
    InvalidInput,
    NotAuthenticated,
    PermissionDenied,
    RecordNotFound,
    StaleVersion,
    TooManyAttempts,
)
from migobs.tracker import exporting
from migobs.tracker.models import ApiToken
from migobs.tracker.policy import PUBLIC, Caller
from migobs.tracker.service import Tracker
from tests.tracker.conftest import PASSWORD, People

COMMITMENT = {
    "state": "484",
    "objectives": [1, 23],
    "title": "Census module",
    "text": "Add a migration module.",
}


def caller(tracker: Tracker, email: str) -> Caller:
    return tracker.caller_for_token(tracker.issue_token(email, PASSWORD, "test"))


def test_wrong_password_is_refused_and_rate_limited(tracker: Tracker, people: People) -> None:
    for _ in range(5):
        with pytest.raises(NotAuthenticated, match="Wrong email or password"):
            tracker.issue_token("mx@example.org", "not the password", "test")
    with pytest.raises(TooManyAttempts, match="wait 1 minute "):
        tracker.issue_token("mx@example.org", PASSWORD, "test")
    assert tracker.issue_token("mx@example.org", PASSWORD, "elsewhere")  # another source


def test_passwords_are_stored_as_argon2(tracker: Tracker, people: People) -> None:
    with tracker.engine.connect() as connection:
        stored = connection.execute(text("SELECT password_hash FROM users")).scalars().all()
    assert all(h.startswith("$argon2id$") and PASSWORD not in h for h in stored)


def test_invalid_accounts_list_every_problem(tracker: Tracker, people: People) -> None:
    admin = caller(tracker, "admin@example.org")
    with pytest.raises(InvalidInput) as refused:
        tracker.add_user(admin, "not-an-email", PASSWORD, "focal-point")
    assert "email:" in str(refused.value) and "state: a focal point needs" in str(refused.value)
    with pytest.raises(PermissionDenied):
        tracker.add_user(caller(tracker, "reviewer@example.org"), "x@y.org", PASSWORD, "admin")


def test_focal_point_records_reviewer_publishes_public_sees(
    tracker: Tracker, people: People
) -> None:
    mexico = caller(tracker, "mx@example.org")
    created = tracker.create(mexico, "commitments", COMMITMENT)
    assert (created["workflow"], created["version"], created["objectives"]) == ("draft", 1, [1, 23])
    assert tracker.records(PUBLIC, "commitments") == []
    action = tracker.create(
        mexico,
        "actions",
        {
            "commitment_id": created["id"],
            "title": "Pilot",
            "description": "Ran it.",
            "evidence": ["https://example.org/report"],
            "taken_on": "2025-03-01",
        },
    )
    assert action["state"] == "484"
    tracker.submit(mexico, "commitments", created["id"])
    reviewer = caller(tracker, "reviewer@example.org")
    published = tracker.publish(reviewer, "commitments", created["id"])
    assert published["workflow"] == "published" and published["version"] == 3
    assert [r["id"] for r in tracker.records(PUBLIC, "commitments", objective=23)] == [
        created["id"]
    ]
    assert tracker.records(PUBLIC, "commitments", objective=2) == []
    history = tracker.history(reviewer, f"commitments/{created['id']}")
    assert [e["action"] for e in history] == ["create", "submit", "publish"]
    assert history[2]["before"]["workflow"] == "submitted"
    assert history[2]["after"]["workflow"] == "published"
    assert history[0]["actor"] == "mx@example.org"


def test_other_states_and_roles_are_refused(tracker: Tracker, people: People) -> None:
    mexico, france = caller(tracker, "mx@example.org"), caller(tracker, "fr@example.org")
    reviewer = caller(tracker, "reviewer@example.org")
    with pytest.raises(PermissionDenied, match="focal point of State 250"):
        tracker.create(france, "commitments", COMMITMENT)
    with pytest.raises(PermissionDenied, match="Only focal points"):
        tracker.create(reviewer, "commitments", COMMITMENT)
    with pytest.raises(NotAuthenticated):
        tracker.create(PUBLIC, "commitments", COMMITMENT)
    draft = tracker.create(mexico, "commitments", COMMITMENT)
    with pytest.raises(RecordNotFound):
        tracker.update(france, "commitments", draft["id"], 1, {"title": "Mine now"})
    with pytest.raises(RecordNotFound):
        tracker.get(PUBLIC, "commitments", draft["id"])
    with pytest.raises(PermissionDenied, match="Only reviewers"):
        tracker.publish(mexico, "commitments", draft["id"])


def test_stale_version_is_refused(tracker: Tracker, people: People) -> None:
    mexico = caller(tracker, "mx@example.org")
    draft = tracker.create(mexico, "commitments", COMMITMENT)
    tracker.update(mexico, "commitments", draft["id"], 1, {"title": "First edit"})
    with pytest.raises(StaleVersion, match="now version 2, you sent 1"):
        tracker.update(mexico, "commitments", draft["id"], 1, {"title": "Second edit"})
    assert tracker.get(mexico, "commitments", draft["id"])["title"] == "First edit"


def test_published_records_are_locked_until_sent_back(tracker: Tracker, people: People) -> None:
    mexico, reviewer = caller(tracker, "mx@example.org"), caller(tracker, "reviewer@example.org")
    draft = tracker.create(mexico, "commitments", COMMITMENT)
    tracker.publish(reviewer, "commitments", draft["id"])
    with pytest.raises(PermissionDenied, match="ask a reviewer to send it back"):
        tracker.update(mexico, "commitments", draft["id"], 2, {"title": "Changed"})
    returned = tracker.send_back(reviewer, "commitments", draft["id"], "Name the partners.")
    assert (returned["workflow"], returned["review_note"]) == ("draft", "Name the partners.")
    edited = tracker.update(mexico, "commitments", draft["id"], 3, {"partners": ["IOM"]})
    assert edited["partners"] == ["IOM"]


def test_bad_fields_are_all_listed_and_nothing_is_written(tracker: Tracker, people: People) -> None:
    mexico = caller(tracker, "mx@example.org")
    bad = {
        "state": "484",
        "objectives": [0, 24],
        "title": "x" * 301,
        "text": "",
        "start_date": "2025-13-01",
        "colour": "red",
    }
    with pytest.raises(InvalidInput) as refused:
        tracker.create(mexico, "commitments", bad)
    message = str(refused.value)
    for expected in (
        "colour: is not a field",
        "objectives: '0' is not",
        "title: is 301 characters",
        "text: must not be empty",
        "start_date: '2025-13-01' is not a date",
    ):
        assert expected in message
    assert tracker.records(mexico, "commitments") == []


def test_sql_and_html_are_stored_as_text(tracker: Tracker, people: People) -> None:
    mexico = caller(tracker, "mx@example.org")
    title = "'; DROP TABLE commitments; -- <script>alert(1)</script>"
    created = tracker.create(mexico, "commitments", {**COMMITMENT, "title": title})
    assert tracker.get(mexico, "commitments", created["id"])["title"] == title
    assert len(tracker.records(mexico, "commitments", state="484' OR '1'='1")) == 0


def test_audit_log_cannot_be_changed(tracker: Tracker, people: People) -> None:
    postgres = tracker.engine.dialect.name == "postgresql"
    with tracker.engine.connect() as connection:
        for statement in (
            "UPDATE audit_events SET actor = 'someone else'",
            "DELETE FROM audit_events",
            *(["TRUNCATE audit_events"] if postgres else []),
        ):
            with pytest.raises(Exception, match="append-only"):
                connection.execute(text(statement))
            connection.rollback()
        assert connection.execute(text("SELECT count(*) FROM audit_events")).scalar() == 4


def test_admin_changes_roles_and_deactivates(tracker: Tracker, people: People) -> None:
    admin = caller(tracker, "admin@example.org")
    token = tracker.issue_token("fr@example.org", PASSWORD, "test")
    france_id = int(str(people.france["id"]))
    with pytest.raises(InvalidInput, match="a focal point needs"):
        tracker.update_user(admin, france_id, {"role": "focal-point", "state": None})
    changed = tracker.update_user(admin, france_id, {"role": "reviewer"})
    assert (changed["role"], changed["state"]) == ("reviewer", None)
    assert tracker.caller_for_token(token).role == "reviewer"
    tracker.update_user(admin, france_id, {"active": False})
    with pytest.raises(NotAuthenticated):
        tracker.caller_for_token(token)
    events = tracker.history(admin, f"users/{france_id}")
    assert [e["action"] for e in events] == ["create", "issue-token", "set-role", "set-role"]
    assert events[1]["after"]["expires_at"] > events[1]["at"]
    assert events[2]["before"]["role"] == "focal-point" and "password" not in str(
        events[2]["after"]
    )


def test_dates_can_be_emptied_and_must_stay_in_order(tracker: Tracker, people: People) -> None:
    mexico = caller(tracker, "mx@example.org")
    draft = tracker.create(
        mexico, "commitments", {**COMMITMENT, "start_date": "2025-01-01", "end_date": "2026-01-01"}
    )
    with pytest.raises(InvalidInput, match="end_date: 2024-01-01 is before start_date 2025-01-01"):
        tracker.update(mexico, "commitments", draft["id"], 1, {"end_date": "2024-01-01"})
    emptied = tracker.update(
        mexico, "commitments", draft["id"], 1, {"end_date": None, "title": None}
    )
    assert (emptied["end_date"], emptied["title"]) == (None, COMMITMENT["title"])


def test_an_action_is_shown_only_where_its_commitment_is(tracker: Tracker, people: People) -> None:
    mexico, reviewer = caller(tracker, "mx@example.org"), caller(tracker, "reviewer@example.org")
    france = caller(tracker, "fr@example.org")
    draft = tracker.create(mexico, "commitments", COMMITMENT)
    action = tracker.create(
        mexico, "actions", {"commitment_id": draft["id"], "title": "Pilot", "description": "Ran."}
    )
    tracker.publish(reviewer, "actions", action["id"])
    for outsider in (PUBLIC, france):
        assert tracker.records(outsider, "actions") == []
        with pytest.raises(RecordNotFound):
            tracker.get(outsider, "actions", action["id"])
    assert exporting.published(tracker)["actions"] == []
    assert [a["id"] for a in tracker.records(mexico, "actions")] == [action["id"]]
    tracker.publish(reviewer, "commitments", draft["id"])
    assert [a["title"] for a in tracker.records(PUBLIC, "actions")] == ["Pilot"]
    assert tracker.get(france, "actions", action["id"])["workflow"] == "published"
    tracker.send_back(reviewer, "commitments", draft["id"], "Name the partners.")
    assert tracker.records(PUBLIC, "actions") == []
    assert tracker.records(reviewer, "actions", workflow="published")[0]["id"] == action["id"]


def test_tokens_expire_after_their_lifetime(tracker_settings: Settings, people: People) -> None:
    short = Tracker.from_settings(replace(tracker_settings, token_days=7))
    try:
        token = short.issue_token("mx@example.org", PASSWORD, "test")
        assert short.caller_for_token(token).email == "mx@example.org"
        with short.transaction() as session:
            row = session.scalars(select(ApiToken)).one()
            assert row.expires_at - row.created_at == dt.timedelta(days=7)
            row.expires_at = dt.datetime(2026, 1, 2, 3, 4, tzinfo=dt.UTC)
        with pytest.raises(
            NotAuthenticated, match="expired on 2026-01-02 03:04 UTC: ask for a new"
        ):
            short.caller_for_token(token)
        with pytest.raises(NotAuthenticated, match="expired"):
            short.revoke_token(token)
    finally:
        short.engine.dispose()


def test_a_revoked_token_stops_working(tracker: Tracker, people: People) -> None:
    token = tracker.issue_token("mx@example.org", PASSWORD, "test")
    other = tracker.issue_token("mx@example.org", PASSWORD, "test")
    tracker.revoke_token(token)
    with pytest.raises(NotAuthenticated, match="not valid"):
        tracker.caller_for_token(token)
    assert tracker.caller_for_token(other).email == "mx@example.org"
    events = tracker.history(caller(tracker, "admin@example.org"), f"users/{people.mexico['id']}")
    assert [e["action"] for e in events][-1] == "revoke-token"
