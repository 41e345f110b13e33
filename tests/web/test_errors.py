"""Bad input on pages gets the HTML error page naming the parameter; /api/ keeps its JSON."""

from __future__ import annotations

import httpx
import pytest

PAGES = [
    ("/country/abc", 404, "m49", "an ISO3 code, e.g. MEX"),
    ("/world?year=abc", 422, "year", '<li><a href="/world?year=2019">2019</a></li>'),
    ("/corridor?origin=abc", 404, "origin", "an M49 code"),
    (
        "/corridor?origin=an",
        400,
        "origin",
        '<a href="/corridor?origin=250">France (M49 250, FRA)</a>',
    ),
    (
        "/report?verdict=x",
        422,
        "verdict",
        '<li><a href="/report?verdict=not_testable">not_testable</a></li>',
    ),
    ("/country/99999", 404, "m49", "every country"),
    ("/nonexistent", 404, "path", '<li><a href="/world">/world</a></li>'),
    ("/country/484/nope", 404, "path", '<li><a href="/report">/report</a></li>'),
    ("/nonexistent", 404, "path", '<li><a href="/">/</a></li>'),
]


@pytest.mark.parametrize(("path", "status", "parameter", "accepted"), PAGES)
def test_bad_page_input_is_an_html_page(
    client: httpx.Client, path: str, status: int, parameter: str, accepted: str
) -> None:
    response = client.get(path)
    assert response.status_code == status
    assert response.headers["content-type"].startswith("text/html")
    assert f"Accepted values of <code>{parameter}</code>" in response.text
    assert accepted in response.text
    assert '<p class="error" role="alert">' in response.text


def test_api_errors_keep_the_json_shape(client: httpx.Client) -> None:
    for path, status in (
        ("/api/nonexistent", 404),
        ("/api/areas/abc", 404),
        ("/api/areas/an", 400),
    ):
        response = client.get(path)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/json"
        assert set(response.json()["error"]) == {
            "status",
            "type",
            "message",
            "parameter",
            "accepted",
        }
    assert client.get("/api/areas/abc").json()["error"]["parameter"] == "m49"
