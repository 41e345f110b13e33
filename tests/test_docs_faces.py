"""The faces' docs are kept true: every API route, page and export format is documented."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from migobs.api.app import create_app
from migobs.config import Settings
from migobs.exports.formats import FORMATS

DOCS = Path(__file__).resolve().parents[1] / "docs"


def routes(tmp_path: Path) -> list[APIRoute]:
    app = create_app(Settings(home=tmp_path))
    return [r for r in app.routes if isinstance(r, APIRoute)]


def test_every_api_route_is_in_docs_api(tmp_path: Path) -> None:
    text = (DOCS / "api.md").read_text()
    paths = {r.path for r in routes(tmp_path) if r.include_in_schema and r.path.startswith("/api/")}
    documented = set(re.findall(r"`GET (/api/[^`]*)`", text))
    assert paths - documented == set(), "routes missing from docs/api.md"
    assert documented - paths == set(), "docs/api.md lists routes that do not exist"


def test_every_page_is_in_docs_dashboard(tmp_path: Path) -> None:
    text = (DOCS / "dashboard.md").read_text()
    pages = {
        r.path for r in routes(tmp_path) if not r.include_in_schema and not r.path.endswith(".csv")
    }
    assert {p for p in pages if f"`{p}`" not in text} == set()


def test_every_export_format_is_in_docs_exports() -> None:
    text = (DOCS / "exports.md").read_text()
    assert {f for f in FORMATS if f"| `{f}` |" not in text} == set()
