"""Two servers over one tracker database (as several machines behind a load balancer, see
docs/deployment.md) see each other's writes at once: nothing about records is kept in a
server's memory."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack

import httpx
import pytest

from migobs.app import create_app
from migobs.config import Settings
from tests.support.live import serve_in_thread
from tests.tracker.conftest import PASSWORD, People

COMMITMENT = {"state": "484", "objectives": [1, 23], "title": "Census module", "text": "Add it."}


@pytest.fixture
def two_servers(tracker_settings: Settings, people: People) -> Iterator[list[httpx.Client]]:
    """Two apps, each with its own engine and connection pool, served on their own ports."""
    with ExitStack() as stack:
        clients = []
        for _ in range(2):
            app = create_app(tracker_settings)
            served = serve_in_thread(tracker_settings, app)
            url = next(served)
            stack.callback(lambda app=app: app.state.tracker.engine.dispose())
            stack.callback(lambda served=served: next(served, None))
            clients.append(stack.enter_context(httpx.Client(base_url=url, timeout=30)))
        yield clients


def bearer(client: httpx.Client, email: str) -> dict[str, str]:
    answer = client.post("/api/tracker/tokens", json={"email": email, "password": PASSWORD})
    assert answer.status_code == 201, answer.text
    return {"Authorization": f"Bearer {answer.json()['token']}"}


def test_each_server_sees_what_the_other_wrote(two_servers: list[httpx.Client]) -> None:
    first, second = two_servers
    mexico = bearer(first, "mx@example.org")  # a token issued by one server works on the other
    created = first.post("/api/tracker/commitments", json=COMMITMENT, headers=mexico).json()
    path = f"/api/tracker/commitments/{created['id']}"
    seen = second.get(path, headers=mexico).json()
    assert (seen["title"], seen["version"], seen["workflow"]) == ("Census module", 1, "draft")
    edited = second.patch(path, json={"version": 1, "title": "Census module 2"}, headers=mexico)
    assert edited.json()["version"] == 2
    stale = first.patch(path, json={"version": 1, "title": "Lost?"}, headers=mexico)
    assert stale.status_code == 409  # the first server checks the version the second wrote
    reviewer = bearer(second, "reviewer@example.org")
    assert first.post(f"{path}/publish", headers=reviewer).status_code == 200
    public = second.get("/api/tracker/commitments?state=484").json()
    assert [(r["id"], r["title"]) for r in public["data"]] == [(created["id"], "Census module 2")]
