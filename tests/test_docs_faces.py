"""The faces' docs are kept true: every API route, page and export format is documented."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from migobs.app import create_app
from migobs.config import Settings
from migobs.exports.formats import FORMATS
from migobs.web.site import ROUTERS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_api_route_is_in_docs(tmp_path: Path) -> None:
    """Every method and path under /api/ is in docs/api.md or (the tracker's) docs/tracker.md."""
    text = (DOCS / "api.md").read_text() + (DOCS / "tracker.md").read_text()
    routes = {
        (method.upper(), path)
        for path, item in create_app(Settings(home=tmp_path)).openapi()["paths"].items()
        if path.startswith("/api/")
        for method in item
    }
    documented = set(re.findall(r"`(GET|POST|PATCH|PUT|DELETE) (/api/[^`?]*)", text))
    # a list's CSV twin (path + .csv) is documented by its list and the Lists convention
    assert "Every list has a CSV twin at the same path with\n  `.csv` added" in text
    twins = {("GET", f"{path}.csv") for method, path in documented if method == "GET"}
    documented |= twins & routes
    assert ("POST", "/api/tracker/tokens") in routes
    assert routes - documented == set(), "routes missing from docs/api.md or docs/tracker.md"
    assert documented - routes == set(), "the docs list routes that do not exist"


def test_every_page_is_in_docs_dashboard() -> None:
    text = (DOCS / "dashboard.md").read_text()
    pages = {
        r.path
        for router in ROUTERS
        for r in router.routes
        if isinstance(r, APIRoute) and not r.path.endswith(".csv")
    }
    assert "/country/{m49}" in pages
    assert {p for p in pages if f"`{p}`" not in text} == set()


def test_every_export_format_is_in_docs_exports() -> None:
    text = (DOCS / "exports.md").read_text()
    assert {f for f in FORMATS if f"| `{f}` |" not in text} == set()
