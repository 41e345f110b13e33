"""``fetch``: what it reports for files it cannot download (an injected transport, never live)."""

from __future__ import annotations

import httpx

from migobs.config import Settings
from migobs.sources.fetch import fetch


def test_without_a_mirror_a_manual_file_is_reported_with_what_to_do(settings: Settings) -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(200, content=b"<html>an overview page</html>")

    (found,) = fetch(settings, ["m49"], client=httpx.Client(transport=httpx.MockTransport(handler)))
    assert calls == [], "the M49 page is not a file: it is never fetched"
    assert (found.status, found.obtained) == ("manual", None)
    target = settings.downloads / "un_m49" / "UNSD — Methodology.csv"
    assert f"Save it as {target}" in found.note
    assert "press CSV" in found.note
