from __future__ import annotations

import pytest

from migobs.errors import InvalidInput, NotAuthenticated, PermissionDenied
from migobs.tracker import exporting, importing
from migobs.tracker.policy import PUBLIC
from migobs.tracker.service import Tracker
from tests.tracker.conftest import PASSWORD, People

GOOD = "484,1; 23,Data,Collect data,pledge,planned,2025-01-01,2026-01-01,IOM; UNHCR\n"


def test_mixed_rows_list_every_error_and_write_nothing(tracker: Tracker, people: People) -> None:
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "t"))
    text = (
        importing.template()
        + GOOD
        + (
            "484,0; 24,,Text,,,,,\n"
            "999,1,Unknown State,Text,,,,,\n"
            "484,2,Dates,Text,promise,,2026-01-01,2025-01-01,\n"
            "484,2,Too,many,cells,,,,,,extra\n"
        )
    )
    with pytest.raises(InvalidInput) as refused:
        importing.import_commitments(tracker, mexico, text)
    message = str(refused.value)
    for expected in (
        "row 3: objectives:",
        "row 3: title: is required",
        "row 4: state: '999' is not an M49 code the tracker knows",
        "row 5: kind: 'promise' is not one of",
        "row 5: end_date:",
        "row 6: has more cells",
    ):
        assert expected in message
    assert "row 2" not in message
    assert tracker.records(mexico, "commitments") == []


def test_good_file_creates_drafts_and_export_shows_only_published(
    tracker: Tracker, people: People
) -> None:
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "t"))
    ids = importing.import_commitments(
        tracker, mexico, importing.template() + GOOD + GOOD.replace("Data", "=HYPERLINK()")
    )
    drafts = tracker.records(mexico, "commitments")
    assert [d["partners"] for d in drafts] == [["IOM", "UNHCR"]] * 2
    assert exporting.published(tracker)["commitments"] == []
    reviewer = tracker.caller_for_token(tracker.issue_token("reviewer@example.org", PASSWORD, "t"))
    for record_id in ids:
        tracker.publish(reviewer, "commitments", record_id)
    csv_text = exporting.csv_text(tracker, "commitments")
    assert csv_text.splitlines()[0].startswith("id,state,title,workflow")
    assert "'=HYPERLINK()" in csv_text and "1; 23" in csv_text
    assert len(tracker.records(PUBLIC, "commitments")) == 2


def test_bad_header_and_wrong_roles(tracker: Tracker, people: People) -> None:
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "t"))
    with pytest.raises(InvalidInput, match="unknown: \\['colour'\\]"):
        importing.import_commitments(tracker, mexico, "state,objectives,title,text,colour\n")


def test_permission_is_checked_before_the_rows(tracker: Tracker, people: People) -> None:
    """Who may not import gets 403 (not a list of row problems), even for a file with bad rows."""
    reviewer = tracker.caller_for_token(tracker.issue_token("reviewer@example.org", PASSWORD, "t"))
    bad_rows = importing.template() + GOOD + "484,99,,,,,,,\n"
    with pytest.raises(PermissionDenied, match="Only focal points .* you are reviewer"):
        importing.import_commitments(tracker, reviewer, bad_rows)
    with pytest.raises(NotAuthenticated):
        importing.import_commitments(tracker, PUBLIC, bad_rows)
    france = tracker.caller_for_token(tracker.issue_token("fr@example.org", PASSWORD, "t"))
    mixed = importing.template() + GOOD.replace("484", "250") + GOOD + "484,99,,,,,,,\n"
    with pytest.raises(PermissionDenied) as refused:
        importing.import_commitments(tracker, france, mixed)
    assert str(refused.value) == (
        "You are a focal point of State 250; you may not import records of another State: "
        "row 3 (State 484), row 4 (State 484). Remove those rows or ask their focal points."
    )
    assert tracker.records(france, "commitments") == []
    assert tracker.records(reviewer, "commitments") == []
