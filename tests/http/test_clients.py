"""HTTP as clients expect it, on the app served on loopback: CORS on the public read-only routes
only, br/gzip above a threshold, HEAD on GET routes, If-None-Match (weak, lists, *), ETag and
Cache-Control on pages."""

from __future__ import annotations

import re

import httpx
import pytest

ORIGIN = {"Origin": "https://example.org"}


def test_cors_on_public_routes_only(client: httpx.Client) -> None:
    for path in ("/api/areas", "/sdmx/2.1/dataflow"):
        response = client.get(path, headers=ORIGIN)
        assert response.headers["access-control-allow-origin"] == "*", path
    for path in ("/api/tracker/commitments", "/"):
        response = client.get(path, headers=ORIGIN)
        assert "access-control-allow-origin" not in response.headers, path


def test_cors_preflight_allows_get_not_post(client: httpx.Client) -> None:
    asked = {**ORIGIN, "Access-Control-Request-Method": "GET"}
    allowed = client.options("/api/stock", headers=asked)
    assert allowed.status_code == 200
    assert "GET" in allowed.headers["access-control-allow-methods"]
    posting = {**ORIGIN, "Access-Control-Request-Method": "POST"}
    assert client.options("/api/stock", headers=posting).status_code == 400
    tracker = client.options("/api/tracker/tokens", headers=posting)
    assert "access-control-allow-origin" not in tracker.headers


@pytest.mark.parametrize("encoding", ["gzip", "br"])
def test_large_bodies_are_compressed(client: httpx.Client, encoding: str) -> None:
    plain = client.get(
        "/api/stock", params={"limit": 1000}, headers={"Accept-Encoding": "identity"}
    )
    packed = client.get("/api/stock", params={"limit": 1000}, headers={"Accept-Encoding": encoding})
    assert packed.headers["content-encoding"] == encoding
    assert "content-encoding" not in plain.headers
    assert int(packed.headers["content-length"]) < len(plain.content) / 3
    assert packed.json() == plain.json()
    small = client.get("/api/areas/250", headers={"Accept-Encoding": encoding})
    assert "content-encoding" not in small.headers  # below the threshold


def test_head_answers_like_get_without_a_body(client: httpx.Client) -> None:
    for path in ("/api/areas", "/sdmx/2.1/codelist/MIGOBS/CL_SEX", "/"):
        get = client.get(path, headers={"Accept-Encoding": "identity"})
        head = client.head(path, headers={"Accept-Encoding": "identity"})
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["etag"] == get.headers["etag"]
        assert head.headers["content-type"] == get.headers["content-type"]


def test_if_none_match_weak_lists_and_star(client: httpx.Client) -> None:
    tag = client.get("/api/areas").headers["etag"]
    for header in (tag, f"W/{tag}", f'"other", {tag}', f'"x", W/{tag}', "*"):
        assert client.get("/api/areas", headers={"If-None-Match": header}).status_code == 304
    assert client.get("/api/areas", headers={"If-None-Match": '"other"'}).status_code == 200


def test_pages_carry_etag_and_cache_control(client: httpx.Client) -> None:
    page = client.get("/")
    assert page.headers["etag"].startswith('"')
    assert page.headers["cache-control"].startswith("public")
    again = client.get("/", headers={"If-None-Match": page.headers["etag"]})
    assert again.status_code == 304


def test_a_kept_response_replays_whole_after_a_compressed_one(client: httpx.Client) -> None:
    url = "/api/stock?limit=500"
    packed = client.get(url, headers={"Accept-Encoding": "gzip"})
    again = client.get(url, headers={"Accept-Encoding": "br"})
    plain = client.get(url, headers={"Accept-Encoding": "identity"})
    assert packed.json() == again.json() == plain.json()
    assert int(plain.headers["content-length"]) == len(plain.content)


def test_accept_text_csv_is_honoured_where_format_csv_is(client: httpx.Client) -> None:
    by_format = client.get("/api/areas", params={"format": "csv"})
    by_accept = client.get("/api/areas", headers={"Accept": "text/csv"})
    assert by_accept.headers["content-type"].startswith("text/csv")
    assert by_accept.text == by_format.text
    assert client.get("/api/areas", headers={"Accept": "application/json"}).json()["count"] > 0
    explicit = client.get("/api/areas", params={"format": "json"}, headers={"Accept": "text/csv"})
    assert explicit.json()["count"] > 0  # an explicit format wins


def test_docs_and_redoc_load_nothing_from_outside(client: httpx.Client) -> None:
    for page in ("/docs", "/redoc"):
        html = client.get(page)
        assert html.status_code == 200, page
        sources = re.findall(r'(?:src|href)="([^"]+)"', html.text)
        assert sources and all(s.startswith("/") for s in sources), sources
        for source in sources:
            assert client.get(source).status_code == 200, source
        assert "http://" not in html.text and "https://" not in html.text


def test_operation_ids_are_readable_and_unique(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    ids = [op["operationId"] for ops in spec["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert {"get_area", "get_sdmx_data", "get_export"} <= set(ids)
    assert not [i for i in ids if "_api_" in i or i.endswith("_get")]


def test_openapi_declares_bearer_tokens_and_binary_zips(client: httpx.Client) -> None:
    spec = client.get("/openapi.json").json()
    assert spec["components"]["securitySchemes"]["bearerAuth"]["scheme"] == "bearer"
    audit = spec["paths"]["/api/tracker/audit"]["get"]
    assert {"bearerAuth": []} in audit["security"]
    assert "security" not in spec["paths"]["/api/areas"]["get"]
    zipped = spec["paths"]["/api/exports/{source}/{edition}/{table}"]["get"]["responses"]["200"]
    assert zipped["content"]["application/zip"]["schema"] == {"type": "string", "format": "binary"}
