"""Every error of the API has the one JSON shape, naming the parameter and accepted values; the
one handler answers a browser with the page instead."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse

from migobs.errors import RecordNotFound, StaleVersion
from migobs.http import errors
from tests.support.asgi import asgi_get

KEYS = {"status", "type", "message", "parameter", "accepted"}


@pytest.mark.parametrize(
    ("path", "params", "status", "parameter"),
    [
        ("/api/areas/999", {}, 404, "m49"),
        ("/api/areas/abc", {}, 404, "m49"),
        ("/api/areas", {"kind": "planet"}, 404, "kind"),
        ("/api/areas", {"limit": 0}, 422, "limit"),
        ("/api/stock", {"edition": "1999"}, 404, "edition"),
        ("/api/stock", {"year": 1850}, 404, "year"),
        ("/api/stock", {"sex": "other"}, 422, "sex"),
        ("/api/stock", {"destination": 12345}, 404, "destination"),
        ("/api/stock", {"format": "xml"}, 422, "format"),
        ("/api/sources/nope", {}, 404, "source"),
        ("/api/sources/undesa_stock/editions/1066", {}, 404, "edition"),
        ("/api/revisions", {"old": "2017"}, 422, "new"),
        (
            "/api/provenance/stock",
            {"year": 2019, "destination": 4, "origin": 840},
            404,
            "destination",
        ),
        ("/api/nowhere", {}, 404, None),
    ],
)
def test_errors_have_one_shape(
    client: httpx.Client, path: str, params: dict[str, object], status: int, parameter: str | None
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == status
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == KEYS
    assert body["error"]["status"] == status
    assert body["error"]["parameter"] == parameter


def test_unknown_edition_lists_the_accepted_ones(client: httpx.Client) -> None:
    error = client.get("/api/stock", params={"edition": "1999"}).json()["error"]
    assert error["accepted"] == ["2017", "2019"]
    assert "1999" in error["message"]


def test_unknown_year_lists_the_years_of_the_edition(client: httpx.Client) -> None:
    error = client.get("/api/stock", params={"edition": "2017", "year": 2019}).json()["error"]
    assert error["accepted"] == [2010, 2017]


def test_enum_errors_list_the_accepted_values(client: httpx.Client) -> None:
    error = client.get("/api/stock", params={"sex": "other"}).json()["error"]
    assert error["accepted"] == ["total", "male", "female"]
    error = client.get("/api/areas", params={"format": "xml"}).json()["error"]
    assert error["accepted"] == ["json", "csv"]


def _app_raising(error: Exception) -> FastAPI:
    """An app with the one error handler and a plain-text error page, whose only routes,
    ``/api/thing`` and ``/thing``, raise ``error``."""
    app = FastAPI()
    errors.install(app)

    def render(_: Request, body: errors.ErrorBody) -> Response:
        return PlainTextResponse(f"page {body.status} {body.message}", status_code=body.status)

    errors.serve_pages(app, errors.ErrorPages(render=render, pages=["/thing"]))

    def fail() -> None:
        raise error

    app.add_api_route("/api/thing", fail)
    app.add_api_route("/thing", fail)
    return app


@pytest.mark.parametrize(
    ("error", "status"),
    [(RecordNotFound("No commitment 7."), 404), (StaleVersion("Changed meanwhile."), 409)],
)
def test_one_handler_answers_the_api_in_json_and_a_browser_with_the_page(
    error: Exception, status: int
) -> None:
    app = _app_raising(error)
    api = asgi_get(app, "/api/thing")
    assert api.status_code == status
    assert api.json()["error"]["message"] == str(error)
    page = asgi_get(app, "/thing")
    assert (page.status_code, page.text) == (status, f"page {status} {error}")
    unknown = asgi_get(app, "/nowhere")
    assert (unknown.status_code, unknown.text) == (404, "page 404 There is no page at /nowhere.")
    assert asgi_get(app, "/api/nowhere").json()["error"]["type"] == "not-found"
