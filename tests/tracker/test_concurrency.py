"""Many writers at once, against SQLite and the real PostgreSQL: every save is applied or refused
as stale, none is lost, and the audit log has one event per applied change.

A barrier makes the writers of a round read the shared record before any of them saves, so each
round is a real collision: exactly one save wins, the others get the stale-version refusal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from migobs.app import create_app
from migobs.config import Settings
from migobs.errors import StaleVersion
from migobs.tracker.service import Tracker
from tests.support.live import serve_in_thread
from tests.tracker.conftest import PASSWORD, People

COMMITMENT = {"state": "484", "objectives": [1, 23], "title": "Census module", "text": "Add it."}
WRITERS = 6
ROUNDS = 4


def race(writer: Callable[[int, threading.Barrier], list[str]], count: int) -> list[list[str]]:
    """Run ``writer(n, barrier)`` in ``count`` threads; their outcomes, round by round."""
    barrier = threading.Barrier(count, timeout=60)
    results: dict[int, list[str]] = {}
    errors: list[BaseException] = []

    def run(n: int) -> None:
        try:
            results[n] = writer(n, barrier)
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            errors.append(error)
            barrier.abort()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    return [[results[n][r] for n in range(count)] for r in range(ROUNDS)]


def test_writers_on_the_same_and_on_their_own_records(tracker: Tracker, people: People) -> None:
    mexico = tracker.caller_for_token(tracker.issue_token("mx@example.org", PASSWORD, "t"))
    shared = tracker.create(mexico, "commitments", COMMITMENT)["id"]
    own = [
        tracker.create(mexico, "commitments", {**COMMITMENT, "title": f"own {n}"})["id"]
        for n in range(WRITERS)
    ]

    def writer(n: int, barrier: threading.Barrier) -> list[str]:
        outcomes = []
        for attempt in range(ROUNDS):
            current = tracker.get(mexico, "commitments", shared)
            barrier.wait()  # everyone has read the same version
            try:
                tracker.update(
                    mexico,
                    "commitments",
                    shared,
                    current["version"],
                    {"partners": current["partners"] + [f"w{n}.{attempt}"]},
                )
                outcomes.append("saved")
            except StaleVersion as refused:
                assert "reload it and apply your change again" in str(refused)
                outcomes.append("stale")
            tracker.update(mexico, "commitments", own[n], attempt + 1, {"title": f"{n}.{attempt}"})
            barrier.wait()  # the round is over before anyone reads again
        return outcomes

    rounds = race(writer, WRITERS)
    assert [sorted(r) for r in rounds] == [["saved"] + ["stale"] * (WRITERS - 1)] * ROUNDS
    final = tracker.get(mexico, "commitments", shared)
    assert final["version"] == 1 + ROUNDS and len(final["partners"]) == ROUNDS
    reviewer = tracker.caller_for_token(tracker.issue_token("reviewer@example.org", PASSWORD, "t"))
    history = tracker.history(reviewer, f"commitments/{shared}")
    assert [e["action"] for e in history] == ["create"] + ["update"] * ROUNDS
    assert [e["after"]["partners"] for e in history[1:]] == [
        final["partners"][: k + 1] for k in range(ROUNDS)
    ]
    for n, record_id in enumerate(own):
        record = tracker.get(mexico, "commitments", record_id)
        assert (record["version"], record["title"]) == (1 + ROUNDS, f"{n}.{ROUNDS - 1}")
        assert len(tracker.history(reviewer, f"commitments/{record_id}")) == 1 + ROUNDS


@pytest.fixture
def served(tracker_settings: Settings, tracker: Tracker, people: People) -> Iterator[str]:
    """The app served by uvicorn on loopback, sharing ``tracker`` (closed by its fixture)."""
    app = create_app(tracker_settings)
    app.state.tracker = tracker
    yield from serve_in_thread(tracker_settings, app)


def test_writers_through_the_http_api(served: str) -> None:
    with httpx.Client(base_url=served, timeout=60) as setup:
        tokens = {
            email: setup.post(
                "/api/tracker/tokens", json={"email": email, "password": PASSWORD}
            ).json()["token"]
            for email in ("mx@example.org", "reviewer@example.org")
        }
        mexico = {"Authorization": f"Bearer {tokens['mx@example.org']}"}
        created = setup.post("/api/tracker/commitments", json=COMMITMENT, headers=mexico)
        path = f"/api/tracker/commitments/{created.json()['id']}"

    def writer(n: int, barrier: threading.Barrier) -> list[str]:
        outcomes = []
        with httpx.Client(base_url=served, headers=mexico, timeout=60) as http:
            for attempt in range(ROUNDS):
                current: dict[str, Any] = http.get(path).json()
                barrier.wait()
                response = http.patch(
                    path,
                    json={
                        "version": current["version"],
                        "partners": current["partners"] + [f"w{n}.{attempt}"],
                    },
                )
                if response.status_code == 409:
                    assert response.json()["error"]["type"] == "stale-version"
                outcomes.append(str(response.status_code))
                barrier.wait()
        return outcomes

    rounds = race(writer, 4)
    assert [sorted(r) for r in rounds] == [["200", "409", "409", "409"]] * ROUNDS
    with httpx.Client(base_url=served, timeout=60) as check:
        final = check.get(path, headers=mexico).json()
        assert final["version"] == 1 + ROUNDS and len(final["partners"]) == ROUNDS
        reviewer = {"Authorization": f"Bearer {tokens['reviewer@example.org']}"}
        audit = check.get(f"/api/tracker/audit?record=commitments/{final['id']}", headers=reviewer)
    assert audit.json()["count"] == 1 + ROUNDS
