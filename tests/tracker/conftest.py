"""Tracker fixtures: a test using ``tracker_url`` runs against SQLite (a file in tmp_path) and
PostgreSQL, unless marked ``sqlite_only``: the modules testing the faces are, since what
PostgreSQL adds (constraints, concurrency) is proved through the service.

PostgreSQL comes from MIGOBS_TEST_PG_URL (``make test-only`` exports it after
``scripts/postgres start``); each test gets a fresh schema, migrated. Under CI=true a missing
URL or an unreachable server fails the test; otherwise the PostgreSQL half is skipped.
"""

from __future__ import annotations

import os
import re
import uuid
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

with warnings.catch_warnings():  # starlette 1.x prefers httpx2; httpx is what we depend on
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient

from migobs.app import create_app
from migobs.config import Settings
from migobs.tracker import db
from migobs.tracker.policy import SYSTEM
from migobs.tracker.service import Tracker
from tests.support.missing import unavailable

PASSWORD = "correct horse battery"


def migrated_sqlite(folder: Path) -> str:
    """The URL of a new, migrated SQLite tracker in ``folder``."""
    url = f"sqlite:///{folder / 'tracker.sqlite'}"
    engine = db.make_engine(url)
    db.prepare(engine)
    engine.dispose()
    return url


@pytest.hookimpl(tryfirst=True)  # so pytest parametrizes with the mark, not the fixture's params
def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Tests marked ``sqlite_only`` get ``tracker_url`` on SQLite alone."""
    if "tracker_url" in metafunc.fixturenames and metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        metafunc.definition.add_marker(
            pytest.mark.parametrize("tracker_url", ["sqlite"], indirect=True)
        )


def _postgres_url() -> str:
    url = os.environ.get("MIGOBS_TEST_PG_URL")
    problem = None
    if not url:
        problem = (
            "MIGOBS_TEST_PG_URL is not set (run `scripts/postgres start`, then `make test-only`)"
        )
    else:
        probe = create_engine(url)
        try:
            with probe.connect() as connection:
                connection.execute(text("SELECT 1"))
        except Exception as error:  # noqa: BLE001 - any failure means the server is unusable
            problem = f"PostgreSQL at MIGOBS_TEST_PG_URL is unreachable: {error}"
        finally:
            probe.dispose()
    if problem:
        unavailable(problem)
    assert url is not None
    return url


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def tracker_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A migrated, empty tracker database: SQLite in tmp_path, or a fresh PostgreSQL schema."""
    if request.param == "sqlite":
        yield migrated_sqlite(tmp_path)
        return
    base = _postgres_url()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base)
    with admin.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    url = f"{base}?options={quote(f'-csearch_path={schema}')}"
    engine = db.make_engine(url)
    db.prepare(engine)
    yield url
    engine.dispose()
    with admin.begin() as connection:
        connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
    admin.dispose()


@pytest.fixture
def tracker_settings(tmp_path: Path, tracker_url: str) -> Settings:
    """Settings pointing at the test database, with cheap password hashing."""
    return Settings(home=tmp_path / "home", tracker_url=tracker_url, fast_password_hashing=True)


@pytest.fixture
def tracker(tracker_settings: Settings) -> Iterator[Tracker]:
    """The tracker on the test database."""
    opened = Tracker.from_settings(tracker_settings)
    yield opened
    opened.engine.dispose()


@dataclass(frozen=True)
class People:
    """One account per role, and a focal point of a second State."""

    admin: dict[str, object]
    reviewer: dict[str, object]
    mexico: dict[str, object]
    france: dict[str, object]


def add_people(tracker: Tracker) -> People:
    """Accounts: an administrator, a reviewer, focal points of Mexico (484) and France (250)."""
    return People(
        admin=tracker.add_user(SYSTEM, "admin@example.org", PASSWORD, "admin"),
        reviewer=tracker.add_user(SYSTEM, "reviewer@example.org", PASSWORD, "reviewer"),
        mexico=tracker.add_user(SYSTEM, "mx@example.org", PASSWORD, "focal-point", "484"),
        france=tracker.add_user(SYSTEM, "fr@example.org", PASSWORD, "focal-point", "250"),
    )


@pytest.fixture
def people(tracker: Tracker) -> People:
    """The accounts of :func:`add_people`."""
    return add_people(tracker)


@contextmanager
def app_client(settings: Settings, tracker: Tracker) -> Iterator[TestClient]:
    """A client of the whole app (https, so Secure cookies are sent back) sharing ``tracker``."""
    app = create_app(settings)
    app.state.tracker = tracker
    with TestClient(app, base_url="https://testserver") as test_client:
        yield test_client


@pytest.fixture
def client(tracker_settings: Settings, tracker: Tracker) -> Iterator[TestClient]:
    """A client of the whole app sharing ``tracker``."""
    with app_client(tracker_settings, tracker) as test_client:
        yield test_client


EMAILS = {
    "mexico": "mx@example.org",
    "france": "fr@example.org",
    "reviewer": "reviewer@example.org",
    "admin": "admin@example.org",
}
"""The account of each role of ``people`` (the public has none)."""


def token(client: TestClient, email: str) -> str:
    """A new API token for ``email``, asked for over the API."""
    response = client.post("/api/tracker/tokens", json={"email": email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    return str(response.json()["token"])


def headers(client: TestClient, role: str) -> dict[str, str]:
    """The Authorization header of ``role`` (none for ``anonymous``), with a new token."""
    return {} if role == "anonymous" else {"Authorization": f"Bearer {token(client, EMAILS[role])}"}


def csrf(client: TestClient, path: str = "/tracker/login") -> str:
    """The CSRF token of the forms on ``path`` (the client keeps the nonce cookie)."""
    page = client.get(path)
    found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert found, page.text
    return found.group(1)


def sign_in(client: TestClient, email: str) -> None:
    """Sign in through the form."""
    response = client.post(
        "/tracker/login",
        data={"email": email, "password": PASSWORD, "csrf_token": csrf(client)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
