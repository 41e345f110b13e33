"""The faces' docs are kept true: every API route, page and export format is documented."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from migobs.api.app import create_app
from migobs.config import Settings
from migobs.exports.formats import FORMATS
from migobs.web.site import ROUTERS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_every_api_route_is_in_docs_api(tmp_path: Path) -> None:
    text = (DOCS / "api.md").read_text()
    paths = {
        p for p in create_app(Settings(home=tmp_path)).openapi()["paths"] if p.startswith("/api/")
    }
    documented = set(re.findall(r"`GET (/api/[^`]*)`", text))
    assert paths - documented == set(), "routes missing from docs/api.md"
    assert documented - paths == set(), "docs/api.md lists routes that do not exist"


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
