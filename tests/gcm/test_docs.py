"""docs/tracker.md names every tracker route and command."""

from __future__ import annotations

from pathlib import Path

from migobs.api.routes.tracker import router as api_router
from migobs.cli.tracker import tracker as tracker_group
from migobs.web.tracker import router as web_router

DOC = (Path(__file__).parents[2] / "docs" / "tracker.md").read_text(encoding="utf-8")


def test_every_route_and_command_is_documented() -> None:
    paths = {getattr(r, "path", "") for r in [*api_router.routes, *web_router.routes]}
    missing = [p.replace("{step}", "submit") for p in paths]
    missing = [p for p in missing if p not in DOC]
    assert missing == []
    assert [c for c in tracker_group.commands if f"migobs tracker {c}" not in DOC] == []
