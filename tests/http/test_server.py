"""Attack: claiming another address in ``X-Forwarded-For`` to dodge the per-source sign-in
limit. uvicorn believed any local process; now only ``MIGOBS_TRUSTED_PROXIES``."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from migobs.config import Settings
from migobs.tracker.limits import PER_SOURCE
from tests.support.live import serve_in_thread

pytestmark = pytest.mark.attack


def statuses_with_forged_addresses(settings: Settings) -> list[int]:
    """Sign-ins as new emails, each claiming a new address; their statuses."""
    statuses = []
    for url in serve_in_thread(settings):
        for n in range(PER_SOURCE + 1):
            answer = httpx.post(
                f"{url}/api/tracker/tokens",
                json={"email": f"user{n}@example.org", "password": "guess guess"},
                headers={"X-Forwarded-For": f"203.0.113.{n}"},
            )
            statuses.append(answer.status_code)
    return statuses


def test_forwarded_addresses_are_not_believed_by_default(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, fast_password_hashing=True)
    assert statuses_with_forged_addresses(settings)[-2:] == [401, 429]


def test_a_trusted_proxy_is_believed(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, fast_password_hashing=True, trusted_proxies=("127.0.0.1",))
    assert statuses_with_forged_addresses(settings)[-2:] == [401, 401]
