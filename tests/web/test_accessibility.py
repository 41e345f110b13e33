"""axe-core (as shipped by axe-playwright-python, MPL-2.0) in Chromium: no serious or critical
violation on any kind of page, at desktop and phone width."""

from __future__ import annotations

from typing import Any

import pytest

from tests.support.browser import PAGE_KINDS, PHONE, Visit

pytestmark = pytest.mark.browser


def serious(page: object) -> list[dict[str, Any]]:
    """The serious and critical axe violations of ``page``, each with the nodes at fault."""
    from axe_playwright_python.sync_playwright import Axe

    found: list[dict[str, Any]] = Axe().run(page).response["violations"]
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("path", PAGE_KINDS)
def test_no_serious_accessibility_violation(visit: Visit, path: str) -> None:
    page = visit(path)
    assert serious(page) == []
    page.set_viewport_size(PHONE)
    assert serious(page) == []
