"""Attack: huge request bodies, before sign-in. They get 413 unread; the server's memory stays
flat (it rose by a gigabyte when the body was read whole)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from migobs.app import create_app
from migobs.config import Settings
from tests.http.attackers import peak_rss_while, rss_mib, send_huge_body
from tests.http.conftest import Served
from tests.tracker.conftest import TestClient

pytestmark = pytest.mark.attack
MB = 1_000_000


@pytest.fixture
def small_limits(tmp_path: Path) -> Iterator[TestClient]:
    """The app with limits of 1,000 bytes, and 5,000 for imports."""
    settings = Settings(home=tmp_path, max_body=1000, max_import_body=5000)
    with TestClient(create_app(settings)) as client:
        yield client


def junk(size: int) -> bytes:
    return b'{"email": "' + b"a" * (size - 13) + b'"}'


def test_a_body_over_the_limit_is_refused_in_the_one_error_shape(small_limits: TestClient) -> None:
    refused = small_limits.post("/api/tracker/tokens", content=junk(1001))
    assert refused.status_code == 413
    assert refused.headers["connection"] == "close"
    error = refused.json()["error"]
    assert (error["status"], error["type"]) == (413, "too-large")
    assert "larger than 1,000 bytes" in error["message"] and "MIGOBS_MAX_BODY" in error["message"]
    at_the_limit = small_limits.post("/api/tracker/tokens", content=junk(1000))
    assert at_the_limit.status_code == 422  # read and judged: no such email


def test_a_streamed_body_is_counted_as_it_arrives(small_limits: TestClient) -> None:
    pieces = iter([b'{"email": "', b"a" * 600, b"a" * 600, b'"}'])
    refused = small_limits.post("/api/tracker/tokens", content=pieces)
    assert refused.status_code == 413 and refused.json()["error"]["type"] == "too-large"


def test_every_route_refuses_and_imports_have_their_own_limit(small_limits: TestClient) -> None:
    assert small_limits.request("GET", "/world", content=b"x" * 1001).status_code == 413
    assert small_limits.post("/tracker/login", content=b"x" * 1001).status_code == 413
    imported = "/api/tracker/import/commitments"
    assert small_limits.post(imported, content=b"x" * 3000).status_code == 401  # read: sign in
    assert small_limits.post(imported, content=b"x" * 5001).status_code == 413


def test_memory_stays_flat_under_four_20_mb_bodies(served: Served) -> None:
    for _ in range(3):  # warm up: the sign-in path is loaded and used
        httpx.post(f"{served.url}/api/tracker/tokens", json={"email": "a@b.c", "password": "x"})
    before = rss_mib(served.pid)
    running = [True]
    statuses: list[int] = []
    attackers = [
        threading.Thread(
            target=lambda chunked=chunked: statuses.append(
                send_huge_body(served.port, "/api/tracker/tokens", 20 * MB, chunked=chunked)
            )
        )
        for chunked in (False, True, False, True)
    ]
    peak: list[float] = []
    sampler = threading.Thread(target=lambda: peak.append(peak_rss_while(served.pid, running)))
    sampler.start()
    for attacker in attackers:
        attacker.start()
    for attacker in attackers:
        attacker.join()
    running[0] = False
    sampler.join()
    assert statuses == [413] * 4
    assert peak[0] - before < 10, f"server memory rose from {before:.0f} to {peak[0]:.0f} MiB"
