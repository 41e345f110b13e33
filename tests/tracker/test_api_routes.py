"""The tracker API: the public interface, the access matrix, the one error shape."""

from __future__ import annotations

from pathlib import Path

import pytest

from migobs.app import create_app
from migobs.config import Settings
from migobs.tracker.service import Tracker
from tests.tracker.conftest import PASSWORD, People, TestClient, headers

pytestmark = pytest.mark.sqlite_only


COMMITMENT = {"state": "484", "objectives": [1, 23], "title": "Census module", "text": "Add it."}


def fresh_records(tracker: Tracker) -> dict[str, int]:
    """A Mexican draft and a published Mexican commitment, made through the service."""
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "setup"))
    reviewer = tracker.caller_for_token(
        tracker.issue_token("reviewer@example.org", PASSWORD, "setup")
    )
    draft = tracker.create(mexico, "commitments", COMMITMENT)["id"]
    published = tracker.create(mexico, "commitments", COMMITMENT)["id"]
    tracker.publish(reviewer, "commitments", published)
    return {"draft": draft, "published": published}


def test_public_sees_only_published_records(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    records = fresh_records(tracker)
    public = client.get("/api/tracker/commitments?state=484").json()
    assert public["count"] == 1 and public["data"][0]["id"] == records["published"]
    mine = client.get(
        "/api/tracker/commitments?state=484", headers=headers(client, "mexico")
    ).json()
    assert sorted(r["id"] for r in mine["data"]) == sorted(records.values())


def test_scripted_workflow_and_history(client: TestClient, people: People) -> None:
    mexico, reviewer = headers(client, "mexico"), headers(client, "reviewer")
    created = client.post("/api/tracker/commitments", json=COMMITMENT, headers=mexico).json()
    assert (created["version"], created["workflow"]) == (1, "draft")
    edited = client.patch(
        f"/api/tracker/commitments/{created['id']}",
        json={"version": 1, "title": "Census module 2"},
        headers=mexico,
    )
    assert edited.json()["version"] == 2
    stale = client.patch(
        f"/api/tracker/commitments/{created['id']}",
        json={"version": 1, "title": "Lost?"},
        headers=mexico,
    )
    assert stale.status_code == 409 and stale.json()["error"]["type"] == "stale-version"
    assert "reload it" in stale.json()["error"]["message"]
    assert (
        client.post(
            f"/api/tracker/commitments/{created['id']}/publish", headers=reviewer
        ).status_code
        == 200
    )
    history = client.get(
        f"/api/tracker/audit?record=commitments/{created['id']}", headers=reviewer
    ).json()
    assert [e["action"] for e in history["data"]] == ["create", "update", "publish"]
    assert history["data"][1]["before"]["title"] == "Census module"
    assert history["data"][1]["after"]["title"] == "Census module 2"


def test_bad_credentials_and_bad_input(client: TestClient, people: People) -> None:
    assert (
        client.get("/api/tracker/commitments", headers={"Authorization": "Bearer nope"}).status_code
        == 401
    )
    assert (
        client.get("/api/tracker/commitments", headers={"Authorization": "Basic abc"}).status_code
        == 401
    )
    wrong = client.post(
        "/api/tracker/tokens", json={"email": "mx@example.org", "password": "wrong password"}
    )
    assert wrong.status_code == 401 and wrong.json()["error"]["type"] == "not-authenticated"
    mexico = headers(client, "mexico")
    for body in (
        {"state": "484"},
        {**COMMITMENT, "objectives": "1"},
        {**COMMITMENT, "title": "t" * 5000},
        {**COMMITMENT, "state": "48"},
        {**COMMITMENT, "text": "a\x00b"},
    ):
        response = client.post("/api/tracker/commitments", json=body, headers=mexico)
        assert response.status_code == 422, body
        assert response.json()["error"]["type"] == "invalid-input"
    malformed = client.post(
        "/api/tracker/commitments",
        content=b"{not json",
        headers={**mexico, "content-type": "application/json"},
    )
    assert malformed.status_code == 422 and set(malformed.json()) == {"error"}
    assert client.get("/api/tracker/commitments", headers=mexico).json()["count"] == 0
    assert client.get("/api/tracker/things").status_code == 404


def test_scripts_revoke_their_own_token(client: TestClient, people: People) -> None:
    mexico, other = headers(client, "mexico"), headers(client, "mexico")
    assert client.delete("/api/tracker/tokens/current").status_code == 401
    assert client.delete("/api/tracker/tokens/current", headers=mexico).status_code == 204
    for refused in (
        client.get("/api/tracker/commitments", headers=mexico),
        client.delete("/api/tracker/tokens/current", headers=mexico),
    ):
        assert refused.status_code == 401
        assert "not valid: ask for a new one" in refused.json()["error"]["message"]
    assert (
        client.post("/api/tracker/commitments", json=COMMITMENT, headers=other).status_code == 201
    )


def test_login_attempts_are_rate_limited(client: TestClient, people: People) -> None:
    for _ in range(5):
        client.post(
            "/api/tracker/tokens", json={"email": "fr@example.org", "password": "guess guess"}
        )
    refused = client.post(
        "/api/tracker/tokens", json={"email": "fr@example.org", "password": PASSWORD}
    )
    assert refused.status_code == 429 and refused.json()["error"]["type"] == "too-many-attempts"


def test_import_and_export_over_the_api(client: TestClient, people: People) -> None:
    mexico, reviewer = headers(client, "mexico"), headers(client, "reviewer")
    bad = "state,objectives,title,text\n484,1,Good,Row\n484,77,Bad,Row\n"
    refused = client.post("/api/tracker/import/commitments", content=bad.encode(), headers=mexico)
    assert refused.status_code == 422 and "row 3: objectives" in refused.json()["error"]["message"]
    assert client.get("/api/tracker/commitments", headers=mexico).json()["count"] == 0
    good = "state,objectives,title,text\n484,1,Good,Row\n484,2; 3,Also good,Row\n"
    for role, expected in (("reviewer", "Only focal points"), ("france", "row 2 (State 484)")):
        forbidden = client.post(
            "/api/tracker/import/commitments", content=good.encode(), headers=headers(client, role)
        )
        assert forbidden.status_code == 403, role
        assert forbidden.json()["error"]["type"] == "permission-denied"
        assert expected in forbidden.json()["error"]["message"]
    created = client.post("/api/tracker/import/commitments", content=good.encode(), headers=mexico)
    assert created.status_code == 201 and created.json()["count"] == 2
    first = created.json()["data"][0]["id"]
    client.post(f"/api/tracker/commitments/{first}/publish", headers=reviewer)
    exported = client.get("/api/tracker/export.json").json()
    assert [c["title"] for c in exported["commitments"]] == ["Good"]
    assert exported["source"]["document"] == "A/RES/73/195"
    csv_text = client.get("/api/tracker/export/commitments.csv").text
    assert csv_text.count("\n") == 2 and ",Good," in csv_text
    assert client.get("/api/tracker/export/things.csv").status_code == 404


def test_objectives_principles_and_states(client: TestClient) -> None:
    objectives = client.get("/api/tracker/objectives").json()
    assert objectives["count"] == 23
    assert objectives["data"][19]["number"] == 20
    assert any(i["code"] == "SDG 10.c.1" for i in objectives["data"][19]["indicators"])
    principles = client.get("/api/tracker/principles").json()
    assert principles["count"] == 10
    assert [p["letter"] for p in principles["data"]] == list("abcdefghij")
    assert principles["data"][0] == {
        "letter": "a",
        "name": "People-centred",
        "summary": "Puts the well-being of individual migrants and of communities of origin, "
        "transit and destination at the centre.",
    }
    assert principles["data"][2]["name"] == "National sovereignty"
    states = client.get("/api/tracker/states").json()
    assert {"m49": "484", "name": "Mexico", "iso3": "MEX"} in states["data"]


def test_sqlite_tracker_is_migrated_when_the_app_starts(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path / "fresh", fast_password_hashing=True)
    with TestClient(create_app(settings)) as started:
        assert (tmp_path / "fresh" / "tracker.sqlite").is_file()
        assert started.get("/api/tracker/objectives").json()["count"] == 23
        assert started.get("/api/tracker/commitments").json() == {"data": [], "count": 0}
