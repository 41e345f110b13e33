"""Every page kind at 1280 and 390 px in Chromium: nothing wider than the window, no table
column clipped (a table either fits, or sits in a visible, keyboard-focusable scroll region with
a scroll cue), and a screenshot of each kept in ``test-artifacts/``."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.support.browser import DESKTOP, ERROR_PAGES, PAGE_KINDS, PHONE, Problems, screenshot

pytestmark = pytest.mark.browser

CLIPPED_TABLES = """() => {
  const problems = [];
  const clips = (el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  for (const table of document.querySelectorAll("table")) {
    const box = table.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // not shown at this width
    const name = table.querySelector("caption")?.textContent.trim() || table.id || "a table";
    for (const cell of table.querySelectorAll("th, td")) {
      if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name}: a cell is cut: ${cell.textContent.trim()}`);
    }
    let box_ = table.parentElement;
    while (box_ && box_ !== document.body && !clips(box_)) box_ = box_.parentElement;
    if (!box_ || box_ === document.body) {
      if (box.right > document.documentElement.clientWidth + 1 || box.left < -1)
        problems.push(`${name}: runs off the page`);
      continue;
    }
    if (box_.scrollWidth <= box_.clientWidth + 1) continue;  // every column fits
    const style = getComputedStyle(box_);
    if (!["auto", "scroll"].includes(style.overflowX)) problems.push(`${name}: columns hidden, no scrolling`);
    if (box_.tabIndex !== 0) problems.push(`${name}: its scroll region takes no keyboard focus`);
    if (box_.getAttribute("role") !== "region" || !box_.getAttribute("aria-label"))
      problems.push(`${name}: its scroll region is not a named region`);
    if (!style.backgroundImage.includes("gradient")) problems.push(`${name}: no scroll cue`);
  }
  return problems;
}"""


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"


LONG_TEXT = ["/indicators/remittances.corridor"]
"""Pages whose long words (API paths) must break to fit a phone."""


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1280", "390"])
@pytest.mark.parametrize("path", [*PAGE_KINDS, *LONG_TEXT])
def test_page_fits_its_window_and_no_column_is_clipped(
    browser_page: tuple[object, Problems], live_server: str, path: str, size: dict[str, Any]
) -> None:
    from playwright.sync_api import Page

    page, problems = browser_page
    assert isinstance(page, Page)
    problems.error_pages = {f"{live_server}{p}" for p in ERROR_PAGES}
    page.set_viewport_size(size)
    page.goto(f"{live_server}{path}")
    screenshot(page, f"{_slug(path)}-{size['width']}")
    wider = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert wider <= 0, f"{path} is {wider} px wider than a {size['width']} px window"
    assert page.evaluate(CLIPPED_TABLES) == []
