"""Every page kind at 1280 and 390 px in Chromium: nothing wider than the window, no table
column clipped (a table either fits, or sits in a visible, keyboard-focusable scroll region with
a scroll cue), and a screenshot of each kept in ``test-artifacts/``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import (
    DESKTOP,
    PAGE_KINDS,
    PHONE,
    Visit,
    clipped_tables,
    screenshot,
)

pytestmark = pytest.mark.browser


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


LONG_TEXT = ["/indicators/remittances.corridor"]
"""Pages whose long words (API paths) must break to fit a phone."""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", [*PAGE_KINDS, *LONG_TEXT])
def test_page_fits_its_window_and_no_column_is_clipped(
    visit: Visit, path: str, size: dict[str, Any]
) -> None:
    page = visit(path, size)
    screenshot(page, f"{_slug(path)}-{size['width']}")
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{path} is {wider} px wider than a {size['width']} px window"
    assert clipped_tables(page) == []
