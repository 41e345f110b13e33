"""The tracker's web pages: sign-in, forms, CSRF, session fixation, escaping, access by role."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from migobs.app import create_app
from migobs.config import Settings
from migobs.tracker.policy import PUBLIC
from migobs.tracker.service import Tracker
from migobs.web.tracker_auth import SESSION_COOKIE
from tests.tracker.conftest import PASSWORD, People, TestClient, csrf, sign_in

pytestmark = pytest.mark.sqlite_only


FORM = {
    "title": "Census module",
    "text": "Add a question.",
    "kind": "pledge",
    "status": "planned",
    "objectives": ["1", "23"],
    "partners": "IOM\nUNFPA",
    "start_date": "",
    "end_date": "",
}


def test_focal_point_to_public_page(client: TestClient, tracker: Tracker, people: People) -> None:
    sign_in(client, "mx@example.org")
    created = client.post(
        "/tracker/commitments/new",
        data={**FORM, "csrf_token": csrf(client, "/tracker")},
        follow_redirects=False,
    )
    assert created.status_code == 303
    path = created.headers["location"]
    record_id = int(path.rsplit("/", 1)[1])
    page = client.get(path)
    assert "Census module" in page.text and "Submit for publication" in page.text
    action = client.post(
        f"{path}/actions",
        data={
            "title": "Pilot run",
            "description": "Ran in 3 districts.",
            "evidence": "https://example.org/pilot",
            "taken_on": "2025-02-01",
            "csrf_token": csrf(client, path),
        },
        follow_redirects=False,
    )
    assert action.status_code == 303
    stale = client.post(
        f"{path}/edit", data={**FORM, "version": "0", "csrf_token": csrf(client, path)}
    )
    assert stale.status_code == 409 and "reload it" in stale.text
    assert (
        client.post(
            f"{path}/submit", data={"csrf_token": csrf(client, path)}, follow_redirects=False
        ).status_code
        == 303
    )
    client.post("/tracker/logout", data={"csrf_token": csrf(client, "/tracker")})
    assert "Census module" not in client.get("/tracker/states/484").text
    sign_in(client, "reviewer@example.org")
    assert "Census module" in client.get("/tracker/queue").text
    published = client.post(
        f"/tracker/commitments/{record_id}/publish",
        data={"csrf_token": csrf(client, "/tracker/queue")},
        follow_redirects=False,
    )
    assert published.status_code == 303
    history = client.get(f"/tracker/history/commitments/{record_id}")
    assert history.status_code == 200 and "publish" in history.text and "submit" in history.text
    client.cookies.clear()
    state_page = client.get("/tracker/states/484")
    assert "Census module" in state_page.text and "Objective 23" in state_page.text
    assert "Pilot run" not in state_page.text  # the action is still a draft
    reviewer = tracker.caller_for_operator("reviewer@example.org")
    action_id = tracker.records(reviewer, "actions")[0]["id"]
    tracker.publish(reviewer, "actions", action_id)
    assert f'Action: <a href="/tracker/actions/{action_id}">Pilot run</a> (Feb 1, 2025)' in (
        client.get("/tracker/states/484").text
    )
    assert "Census module" in client.get("/tracker/objectives/1").text
    assert "Census module" not in client.get("/tracker/objectives/2").text
    assert [c["title"] for c in tracker.records(PUBLIC, "commitments")] == ["Census module"]


def test_home_lists_the_guiding_principles(client: TestClient) -> None:
    page = client.get("/tracker").text
    principles = re.findall(r"<dt>\(([a-j])\) ([^<]+)</dt>", page)
    assert [letter for letter, _ in principles] == list("abcdefghij")
    assert principles[0] == ("a", "People-centred") and principles[2] == (
        "c",
        "National sovereignty",
    )
    assert "communities of origin, transit and destination" in page


REVIEW = {
    "kind": "voluntary-national-review",
    "title": "VNR 2026",
    "summary": "First review.",
    "held_on": "2026-05-01",
    "link": "https://example.org/vnr",
    "objectives": ["3", "7"],
}


def post(client: TestClient, path: str, data: dict[str, object], page: str) -> str:
    """POST a form (with the CSRF token of ``page``); the path it redirects to."""
    response = client.post(
        path, data={**data, "csrf_token": csrf(client, page)}, follow_redirects=False
    )
    assert response.status_code == 303, response.text
    return str(response.headers["location"])


def test_a_review_goes_through_the_workflow_on_the_web(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    sign_in(client, "mx@example.org")
    path = post(client, "/tracker/reviews/new", REVIEW, "/tracker/reviews/new")
    review_id = int(path.rsplit("/", 1)[1])
    assert path == f"/tracker/reviews/{review_id}"
    page = client.get(path).text
    assert f'action="{path}/edit"' in page and f'action="{path}/submit"' in page
    assert (
        'value="VNR 2026"' in page
        and 'value="7" checked' in page
        and 'value="2" checked' not in page
    )
    assert (
        post(
            client, f"{path}/edit", {**REVIEW, "title": "VNR 2026 (revised)", "version": "1"}, path
        )
        == path
    )
    stale = client.post(
        f"{path}/edit",
        data={**REVIEW, "title": "Lost", "version": "1", "csrf_token": csrf(client, path)},
    )
    assert stale.status_code == 409 and "reload it" in stale.text
    assert post(client, f"{path}/submit", {}, path) == path
    submitted = client.get(path).text
    assert "submitted" in submitted and f'action="{path}/edit"' not in submitted
    client.cookies.clear()
    assert client.get(path).status_code == 404
    sign_in(client, "reviewer@example.org")
    queue = client.get("/tracker/queue").text
    assert f'<a href="/tracker/reviews/{review_id}">VNR 2026 (revised)</a>' in queue
    assert post(client, f"{path}/publish", {}, "/tracker/queue") == "/tracker/queue"
    client.cookies.clear()
    public = client.get("/tracker/states/484").text
    assert f'<a href="/tracker/reviews/{review_id}">VNR 2026 (revised)</a>' in public
    assert "First review." in client.get(path).text
    reviewer = tracker.caller_for_operator("reviewer@example.org")
    events = tracker.history(reviewer, f"reviews/{review_id}")
    assert [e["action"] for e in events] == ["create", "update", "submit", "publish"]


def test_an_action_is_edited_and_submitted_from_its_page(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    mexico = tracker.caller_for_operator("mx@example.org")
    commitment = tracker.create(
        mexico, "commitments", {"state": "484", "objectives": [1], "title": "T", "text": "X"}
    )
    action = tracker.create(
        mexico,
        "actions",
        {"commitment_id": commitment["id"], "title": "Pilot", "description": "Ran."},
    )
    path = f"/tracker/actions/{action['id']}"
    sign_in(client, "fr@example.org")
    assert client.get(path).status_code == 404
    sign_in(client, "mx@example.org")
    assert f'action="{path}/edit"' in client.get(path).text
    edited = {
        "title": "Pilot run",
        "description": "Ran in 3 districts.",
        "taken_on": "2025-02-01",
        "evidence": "https://example.org/a\nhttps://example.org/b",
        "version": "1",
    }
    assert post(client, f"{path}/edit", edited, path) == path
    assert post(client, f"{path}/submit", {}, path) == path
    saved = tracker.get(mexico, "actions", action["id"])
    assert (saved["title"], saved["workflow"], saved["version"]) == ("Pilot run", "submitted", 3)
    assert saved["evidence"] == ["https://example.org/a", "https://example.org/b"]
    assert saved["taken_on"] == "2025-02-01"
    sign_in(client, "reviewer@example.org")
    assert f'<a href="{path}">Pilot run</a>' in client.get("/tracker/queue").text
    assert f'action="{path}/publish"' in client.get(path).text


def test_forms_without_valid_csrf_are_refused(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    sign_in(client, "mx@example.org")
    for token in (None, "forged", csrf(client, "/tracker") + "x"):
        data = {**FORM} if token is None else {**FORM, "csrf_token": token}
        response = client.post("/tracker/commitments/new", data=data)
        assert response.status_code == 403 and "reload the page" in response.text
    login = client.post("/tracker/login", data={"email": "mx@example.org", "password": PASSWORD})
    assert login.status_code == 403
    assert tracker.records(PUBLIC, "commitments") == []
    mexico = tracker.caller_for_operator("mx@example.org")
    assert tracker.records(mexico, "commitments") == []


def plant(client: TestClient, session: str) -> None:
    """Give ``client`` a session cookie that httpx sends (cookies of a dotless host are stored
    under ``testserver.local``; one set for ``testserver`` would never be sent)."""
    client.cookies.delete(SESSION_COOKIE)
    client.cookies.set(SESSION_COOKIE, session, domain="testserver.local", path="/")


def signed_in_as(client: TestClient) -> str | None:
    """The email the tracker's home page greets, or None for the public."""
    found = re.search(r"<span>([^<]+@example\.org) \(", client.get("/tracker").text)
    return found.group(1) if found else None


def test_sign_in_never_reuses_a_planted_session(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    """Session fixation: an attacker plants their own valid session in the victim's browser."""
    attacker = TestClient(client.app, base_url="https://testserver")
    sign_in(attacker, "fr@example.org")
    planted = str(attacker.cookies.get(SESSION_COOKIE))
    plant(client, planted)
    assert signed_in_as(client) == "fr@example.org"  # the planted cookie is sent
    response = client.post(
        "/tracker/login",
        data={"email": "mx@example.org", "password": PASSWORD, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    session = next(
        c for c in response.headers.get_list("set-cookie") if c.startswith(SESSION_COOKIE)
    )
    for flag in ("HttpOnly", "Secure", "SameSite=lax"):
        assert flag.lower() in session.lower()
    assert planted not in session
    assert client.cookies.get(SESSION_COOKIE) != planted
    assert signed_in_as(client) == "mx@example.org"
    assert signed_in_as(attacker) == "fr@example.org"  # the attacker did not get the victim's
    first = client.cookies.get(SESSION_COOKIE)
    sign_in(client, "mx@example.org")
    assert client.cookies.get(SESSION_COOKIE) != first


def test_sign_out_ends_the_session_on_the_server(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    sign_in(client, "mx@example.org")
    old = str(client.cookies.get(SESSION_COOKIE))
    replay = TestClient(client.app, base_url="https://testserver")
    plant(replay, old)
    assert signed_in_as(replay) == "mx@example.org"  # a copied cookie works while signed in
    out = client.post("/tracker/logout", data={"csrf_token": csrf(client, "/tracker")})
    assert out.status_code == 200 and signed_in_as(client) is None
    plant(replay, old)
    assert signed_in_as(replay) is None and "Sign in" in replay.get("/tracker").text
    reviewer = tracker.caller_for_operator("reviewer@example.org")
    events = tracker.history(reviewer, f"users/{people.mexico['id']}")
    assert [e["action"] for e in events][-2:] == ["sign-in", "sign-out"]


def test_html_in_text_is_stored_and_shown_escaped(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    sign_in(client, "mx@example.org")
    script = "<script>alert('x')</script>"
    created = client.post(
        "/tracker/commitments/new",
        data={
            **FORM,
            "title": script,
            "text": "' OR 1=1; --",
            "csrf_token": csrf(client, "/tracker"),
        },
        follow_redirects=False,
    )
    page = client.get(created.headers["location"])
    assert (
        script not in page.text and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in page.text
    )
    assert (
        tracker.records(tracker.caller_for_operator("mx@example.org"), "commitments")[0]["title"]
        == script
    )


def test_over_long_and_malformed_fields_write_nothing(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    sign_in(client, "mx@example.org")
    for bad in (
        {"title": "x" * 301},
        {"objectives": ["99"]},
        {"start_date": "yesterday"},
        {"kind": "<b>"},
    ):
        response = client.post(
            "/tracker/commitments/new", data={**FORM, **bad, "csrf_token": csrf(client, "/tracker")}
        )
        assert response.status_code == 422, bad
    assert tracker.records(tracker.caller_for_operator("mx@example.org"), "commitments") == []


def test_cookies_are_secure_in_production(tmp_path: Path, tracker_url: str, people: People) -> None:
    settings = Settings(
        home=tmp_path / "prod",
        tracker_url=tracker_url,
        environment="production",
        secret_key="s" * 48,
    )
    app = create_app(settings)
    with TestClient(app, base_url="http://testserver") as plain:
        cookie = plain.get("/tracker/login").headers["set-cookie"]
    assert "secure" in cookie.lower() and "httponly" in cookie.lower()


def test_every_refusal_is_the_trackers_error_page(client: TestClient, people: People) -> None:
    """A refusal raised by the policy, the service or a page itself shows the tracker's error
    page (its header greets the caller) with the status the API gives; a malformed path
    parameter stays the dashboard's error page."""
    sign_in(client, "fr@example.org")
    refusals = {
        "/tracker/queue": (403, "Only reviewers publish or send back records"),
        "/tracker/commitments/999": (404, "No record commitments/999 that you may see."),
        "/tracker/objectives/24": (404, "No objective 24: the Compact has 23."),
        "/tracker/states/999": (404, "No State with M49 code &#39;999&#39;."),
    }
    for path, (status, message) in refusals.items():
        response = client.get(path)
        assert (response.status_code, message in response.text) == (status, True), path
        assert "<h1>That did not work</h1>" in response.text
        assert "<span>fr@example.org (focal-point, State 250)</span>" in response.text
    edit = client.post(
        "/tracker/commitments/999/edit", data={**FORM, "version": "1", "csrf_token": csrf(client)}
    )
    assert edit.status_code == 404 and "<h1>That did not work</h1>" in edit.text
    malformed = client.get("/tracker/commitments/abc")
    assert malformed.status_code == 422 and "That did not work" not in malformed.text
