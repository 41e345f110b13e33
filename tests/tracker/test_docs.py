"""docs/tracker.md names every tracker route and command."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.routing import APIRoute

from migobs.api.routes.tracker import router as api_router
from migobs.cli.tracker import tracker as tracker_group
from migobs.web.tracker import ROUTERS

DOC = (Path(__file__).parents[2] / "docs" / "tracker.md").read_text(encoding="utf-8")


def test_every_route_and_command_is_documented() -> None:
    routes = [*api_router.routes, *(r for router in ROUTERS for r in router.routes)]
    assert all(isinstance(r, APIRoute) for r in routes)  # no nested router hides its paths
    # as written in the docs: no path convertor ({kind:kind} is {kind}), a list's CSV twin
    # (path + .csv) documented by its list and the CSV-twin sentence
    assert "list's path with `.csv` added" in DOC
    paths = {re.sub(r":\w+}", "}", r.path) for r in routes if isinstance(r, APIRoute)}
    written = [p.replace("{step}", "submit").removesuffix(".csv") for p in paths]
    assert [p for p in written if p not in DOC] == []
    assert [c for c in tracker_group.commands if f"migobs tracker {c}" not in DOC] == []
