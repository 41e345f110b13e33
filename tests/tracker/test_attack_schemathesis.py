"""Attack: schemathesis over every tracker route, anonymous and signed in (an administrator and
a focal point), on SQLite and PostgreSQL: valid and malformed cases alike, no answer is a 5xx.

:data:`EXAMPLES` cases per operation, mode and caller keep each database's run near a minute
on the shared 2-core machine. Accounts are restored and a fresh token issued before each
operation: a fuzzed call may have changed a password, revoked a token or deactivated the
account.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis.generation import GenerationMode

from migobs.app import create_app
from migobs.config import Settings
from migobs.tracker.policy import SYSTEM
from migobs.tracker.service import Tracker
from tests.support.live import serve_in_thread
from tests.tracker.conftest import PASSWORD, People

pytestmark = pytest.mark.attack
EXAMPLES = 4
CALLERS = {"anonymous": None, "admin": "admin@example.org", "mexico": "mx@example.org"}


@pytest.fixture
def served(tracker_settings: Settings, tracker: Tracker, people: People) -> Iterator[str]:
    app = create_app(tracker_settings)
    app.state.tracker = tracker
    yield from serve_in_thread(tracker_settings, app)


def restored(tracker: Tracker, people: People, caller: str) -> dict[str, str]:
    """Every account as ``people`` made it; the Authorization header of ``caller``."""
    for person in (people.admin, people.mexico):
        user_id = int(str(person["id"]))
        original = {"role": person["role"], "state": person["state"], "active": True}
        tracker.update_user(SYSTEM, user_id, original)
        tracker.reset_password(SYSTEM, user_id, PASSWORD)
    email = CALLERS[caller]
    if email is None:
        return {}
    return {"Authorization": f"Bearer {tracker.issue_token(email, PASSWORD, 'setup')}"}


def server_errors(
    operation: Any, url: str, mode: GenerationMode, auth: dict[str, str], statuses: list[int]
) -> list[str]:
    """The cases of ``operation`` answered with a 5xx (every status is added to ``statuses``)."""
    found: list[str] = []

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        derandomize=True,
        database=None,
    )
    def run(case: Any) -> None:
        response = case.call(base_url=url, headers=auth, timeout=30)
        statuses.append(response.status_code)
        if response.status_code >= 500:
            found.append(f"{case.method} {response.request.url}: {response.status_code}")

    try:
        run()
    except Unsatisfiable:
        pass  # parameters that cannot be malformed (any string is valid)
    return found


def test_no_tracker_route_answers_5xx(served: str, tracker: Tracker, people: People) -> None:
    schema = schemathesis.openapi.from_url(f"{served}/openapi.json")
    operations = [
        result.ok()
        for result in schema.get_all_operations()
        if result.ok().path.startswith("/api/tracker")
    ]
    assert len(operations) >= 20
    errors: list[str] = []
    statuses: list[int] = []
    for operation in operations:
        for caller in CALLERS:
            auth = restored(tracker, people, caller)
            for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
                errors += server_errors(operation, served, mode, auth, statuses)
    assert errors == []
    assert len(statuses) > len(operations) * len(CALLERS) * EXAMPLES  # the cases were run
    assert {200, 401, 403, 404, 422} <= set(statuses)  # valid, refused and malformed alike
    assert httpx.get(f"{served}/api/tracker/objectives").status_code == 200
