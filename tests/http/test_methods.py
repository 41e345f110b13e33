"""``OPTIONS`` and 405 on every route of the app: ``Allow`` lists what the path really accepts."""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi.routing import iter_route_contexts

from migobs.app import create_app
from migobs.config import Settings

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE")


def concrete(path: str) -> str:
    """A path of the route with each parameter filled in (a kind of record for ``{kind:kind}``,
    ``1`` for the others, which every convertor accepts)."""
    return re.sub(r"{(\w+)(:\w+)?}", lambda m: "commitments" if m[2] == ":kind" else "1", path)


def allow_of(response: httpx.Response) -> set[str]:
    return {m.strip() for m in response.headers["allow"].split(",")}


def routes(settings: Settings) -> list[tuple[str, set[str]]]:
    """Every route of the app with methods: a path to ask and the methods the route declares."""
    app = create_app(settings)
    found = [
        (concrete(route.path), set(route.methods))
        for route in iter_route_contexts(app.routes)
        if route.methods is not None
    ]
    assert len(found) > 80
    return found


def expected(declared: set[str]) -> set[str]:
    return declared | {"OPTIONS"} | ({"HEAD"} if "GET" in declared else set())


def test_every_route_lists_its_methods_and_refuses_others(
    client: httpx.Client, web_settings: Settings
) -> None:
    by_path: dict[str, set[str]] = {}
    for path, declared in routes(web_settings):
        by_path.setdefault(path, set()).update(declared)
    wrong = []
    for path, declared in by_path.items():
        options = client.options(path)
        allow = allow_of(options) if "allow" in options.headers else set()
        if options.status_code != 204 or allow != expected(declared):
            wrong.append(f"OPTIONS {path}: {options.status_code} Allow {sorted(allow)}")
            continue
        for method in set(METHODS) - allow:
            refused = client.request(method, path)
            if refused.status_code != 405 or allow_of(refused) != allow:
                wrong.append(f"{method} {path}: {refused.status_code}")
        for method in allow - {"OPTIONS", "HEAD"}:
            if client.request(method, path).status_code == 405:
                wrong.append(f"{method} {path}: 405 though Allow lists it")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    ("method", "path", "allow"),
    [
        ("PATCH", "/api/tracker/export/commitments.csv", "GET, HEAD, OPTIONS"),
        ("PATCH", "/api/tracker/export/0.csv", "GET, HEAD, OPTIONS"),
        ("PUT", "/api/tracker/commitments", "GET, HEAD, POST, OPTIONS"),
        ("POST", "/api/tracker/commitments/7", "GET, HEAD, PATCH, OPTIONS"),
        ("POST", "/api/tracker/states", "GET, HEAD, OPTIONS"),
        ("DELETE", "/api/stock", "GET, HEAD, OPTIONS"),
    ],
)
def test_a_method_the_path_lacks_is_405_with_allow(
    client: httpx.Client, method: str, path: str, allow: str
) -> None:
    response = client.request(method, path)
    assert response.status_code == 405
    assert response.headers["allow"] == allow
    assert response.json()["error"]["type"] == "method-not-allowed"
    assert client.options(path).headers["allow"] == allow


def test_a_page_answers_405_with_allow_too(client: httpx.Client) -> None:
    response = client.request("DELETE", "/country/484", headers={"Accept": "text/html"})
    assert response.status_code == 405
    assert response.headers["allow"] == "GET, HEAD, OPTIONS"
    assert "text/html" in response.headers["content-type"]
