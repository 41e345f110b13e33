from __future__ import annotations

import pytest

from migobs.errors import InvalidInput
from migobs.gcm import exporting, importing
from migobs.gcm.policy import PUBLIC
from migobs.gcm.service import Tracker
from tests.gcm.conftest import PASSWORD, People

GOOD = "484,1; 23,Data,Collect data,pledge,planned,2025-01-01,2026-01-01,IOM; UNHCR\n"


def test_mixed_rows_list_every_error_and_write_nothing(tracker: Tracker, people: People) -> None:
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "t"))
    text = (
        importing.template()
        + GOOD
        + (
            "484,0; 24,,Text,,,,,\n"
            "250,1,Other State,Text,,,,,\n"
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
        "row 4: state: You are a focal point of State 484",
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
    reviewer = tracker.caller_for_token(tracker.issue_token("reviewer@example.org", PASSWORD, "t"))
    with pytest.raises(InvalidInput, match="Only focal points"):
        importing.import_commitments(tracker, reviewer, importing.template() + GOOD)
