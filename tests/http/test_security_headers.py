"""Attack: framing the tracker, sniffing types, leaking URLs. Every response carries the
security headers; the tracker's forbid framing. (Pages raise no CSP violation in Chromium:
``tests/web/test_browser.py`` fails on any console error.)"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from migobs.app import create_app
from migobs.config import Settings
from tests.tracker.conftest import TestClient

pytestmark = pytest.mark.attack


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Settings(home=tmp_path))) as test_client:
        yield test_client


@pytest.mark.parametrize(
    "path",
    ["/tracker/login", "/tracker/commitments", "/api/tracker/objectives", "/api/tracker/nothing"],
)
def test_the_tracker_may_not_be_framed(client: TestClient, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and headers["x-frame-options"] == "DENY"
    assert "script-src 'self';" in policy and "'unsafe-inline'" not in policy.split(";")[1]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


@pytest.mark.parametrize("path", ["/world", "/api/areas", "/static/site.css", "/no-such-page"])
def test_every_other_answer_has_the_headers_and_may_be_embedded(
    client: TestClient, path: str
) -> None:
    headers = client.get(path).headers  # 503 and 404 answers included: no warehouse here
    assert headers["content-security-policy"].startswith("default-src 'self'; script-src 'self';")
    assert "frame-ancestors" not in headers["content-security-policy"]
    assert "x-frame-options" not in headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "same-origin"


def test_a_refused_body_has_the_headers_too(tmp_path: Path) -> None:
    with TestClient(create_app(Settings(home=tmp_path, max_body=10))) as small:
        refused = small.post("/api/tracker/tokens", content=b"x" * 11)
    assert refused.status_code == 413
    assert "frame-ancestors 'none'" in refused.headers["content-security-policy"]


@pytest.mark.parametrize("encoding", ["identity", "gzip"])
def test_the_api_docs_inline_script_is_allowed_by_its_hash(
    client: TestClient, encoding: str
) -> None:
    docs = client.get("/docs", headers={"Accept-Encoding": encoding})
    inline = re.search(r"<script>(.*?)</script>", docs.text, re.DOTALL)
    assert inline is not None
    digest = base64.b64encode(hashlib.sha256(inline.group(1).encode()).digest()).decode()
    policy = docs.headers["content-security-policy"]
    assert f"script-src 'self' 'sha256-{digest}';" in policy
    assert "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    redoc = client.get("/redoc").headers["content-security-policy"]
    assert "worker-src 'self' blob:" in redoc  # ReDoc's worker; its styles are written at run time
