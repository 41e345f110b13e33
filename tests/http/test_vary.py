"""What caches need to know: ``Vary`` on every response that depends on a request header, and
``ETag`` and ``Cache-Control`` on the pages and static files as on the API."""

from __future__ import annotations

import httpx
import pytest

PAGES = [
    "/",
    "/world",
    "/country/484",
    "/fr/country/484",
    "/indicators",
    "/corridor",
    "/methods/flows",
]


def vary(response: httpx.Response) -> set[str]:
    return {v.strip().lower() for v in response.headers.get("vary", "").split(",") if v.strip()}


def test_every_list_varies_on_accept(client: httpx.Client) -> None:
    document = client.get("/openapi.json").json()
    lists = [
        path.removesuffix(".csv")
        for path in document["paths"]
        if path.endswith(".csv") and "{" not in path and not path.startswith("/api/tracker/")
    ]
    answered = 0
    for path in lists:
        as_json = client.get(path, params={"limit": 2})
        if as_json.status_code != 200:  # /api/revisions needs its editions
            continue
        answered += 1
        as_csv = client.get(path, params={"limit": 2}, headers={"Accept": "text/csv"})
        assert as_json.headers["content-type"].startswith("application/json"), path
        assert as_csv.headers["content-type"].startswith("text/csv"), path
        assert "accept" in vary(as_json) and "accept" in vary(as_csv), path
        assert as_json.headers["etag"] == as_csv.headers["etag"], path
    assert answered == 9


def test_the_tracker_lists_vary_on_accept(client: httpx.Client) -> None:
    response = client.get("/api/tracker/objectives", headers={"Accept": "text/csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert "accept" in vary(response)


def test_public_api_varies_on_origin_and_encoding(client: httpx.Client) -> None:
    response = client.get(
        "/api/stock", headers={"Origin": "https://example.org", "Accept-Encoding": "gzip"}
    )
    assert response.headers["content-encoding"] == "gzip"
    assert {"accept", "accept-encoding", "origin"} <= vary(response)


@pytest.mark.parametrize("path", PAGES)
def test_pages_have_etag_and_cache_control(client: httpx.Client, path: str) -> None:
    page = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert page.status_code == 200
    assert page.headers["cache-control"] == "public, max-age=60, must-revalidate"
    assert "accept-encoding" in vary(page)
    again = client.get(path, headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304


def test_static_files_have_etag_and_cache_control(client: httpx.Client) -> None:
    style = client.get("/static/site.css")
    assert style.headers["cache-control"] == "public, max-age=3600, must-revalidate"
    again = client.get("/static/site.css", headers={"If-None-Match": style.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["cache-control"] == "public, max-age=3600, must-revalidate"
