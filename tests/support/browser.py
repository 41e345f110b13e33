"""Driving Debian's chromium through Playwright: launching it, a page that records what went
wrong (console errors, page errors, requests off the server), and screenshots.

Used by the dashboard's browser tests (``tests/web``) and the real-data ones (``tests/real``).
Under CI=true a missing chromium fails them; otherwise they skip.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from tests.support.missing import unavailable

if TYPE_CHECKING:
    from playwright.sync_api import Page

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    """MIGOBS_CHROMIUM, else Debian's chromium on PATH."""
    return os.environ.get("MIGOBS_CHROMIUM") or shutil.which("chromium")


@dataclass
class Problems:
    """What the page did wrong: console errors, page errors, requests off the server."""

    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    error_pages: set[str] = field(default_factory=set)
    """URLs opened on purpose for their error page: their 4xx status is not a problem."""

    def assert_none(self) -> None:
        assert not self.console, f"console errors: {self.console}"
        assert not self.outside, f"requests outside the server: {self.outside}"


def launch() -> Iterator[object]:
    """Headless Debian chromium through Playwright (never `playwright install`)."""
    executable = chromium_path()
    if executable is None:
        message = (
            "chromium is not installed (apt-get install chromium) and MIGOBS_CHROMIUM is unset"
        )
        unavailable(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@contextmanager
def watched_page(
    browser: object, live_server: str, javascript: bool = True
) -> Iterator[tuple[object, Problems]]:
    """A fresh page (running the pages' scripts unless ``javascript`` is false) and the problems
    it records; fails the test if any were recorded."""
    from playwright.sync_api import Browser, ConsoleMessage, Request

    assert isinstance(browser, Browser)
    host = urlsplit(live_server).netloc
    problems = Problems()
    context = browser.new_context(viewport=DESKTOP, java_script_enabled=javascript)
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error" and message.location.get("url") not in problems.error_pages:
            problems.console.append(message.text)

    def on_request(request: Request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob", "about") and parts.netloc != host:
            problems.outside.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.console.append(str(error)))
    page.on("request", on_request)
    try:
        yield page, problems
    finally:
        context.close()
    problems.assert_none()


@dataclass
class Visit:
    """Opens the server's pages in one watched page: ``visit("/world")`` loads it (at a window
    ``size`` when given) and returns the Playwright page. The paths of :data:`ERROR_PAGES` are
    opened for their error page, so their 4xx is not counted as a problem; any other console
    error, page error or request off the server fails the test (:func:`watched_page`)."""

    page: Page
    problems: Problems
    base: str

    def __call__(self, path: str, size: dict[str, int] | None = None) -> Page:
        url = f"{self.base}{path}"
        if path in ERROR_PAGES:
            self.problems.error_pages.add(url)
        if size is not None:
            self.page.set_viewport_size(size)
        self.page.goto(url)  # returns once the page has loaded
        return self.page


@contextmanager
def visiting(browser: object, base: str, javascript: bool = True) -> Iterator[Visit]:
    """A :class:`Visit` of the server at ``base`` in a fresh watched page (without running the
    pages' scripts when ``javascript`` is false)."""
    from playwright.sync_api import Page

    with watched_page(browser, base, javascript) as (page, problems):
        assert isinstance(page, Page)
        yield Visit(page, problems, base)


def screenshot(page: object, name: str) -> Path:
    """Save a full-page screenshot as ``test-artifacts/<name>.png``."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

ERROR_PAGES = ["/nowhere", "/world?year=abc"]
"""The 404 and the 422 page."""

PAGE_KINDS = [
    "/",
    "/world",
    "/country",
    "/country/484",
    "/corridor?origin=484&destination=840",
    "/report",
    "/indicators",
    "/indicators/stock.total",
    "/tracker",
    "/tracker/login",
    "/tracker/states/484",
    "/methods/flows",
    *ERROR_PAGES,
]
"""One page of each kind the dashboard and the tracker serve (axe, layout and screenshots)."""
SMALLEST_TEXT = """() => {
  const sizes = [];
  for (const el of document.querySelectorAll("svg.chart text, ul.legend li")) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;  // the layout not shown at this width
    const css = parseFloat(getComputedStyle(el).fontSize);
    const scale = el instanceof SVGElement ? el.getScreenCTM().a : 1;
    sizes.push(css * scale);
  }
  return sizes.length ? Math.min(...sizes) : null;
}"""


CLIPPED_TEXT = """() => {
  const out = [];
  for (const svg of document.querySelectorAll("svg.chart")) {
    const frame = svg.getBoundingClientRect();
    if (frame.width === 0) continue;
    for (const text of svg.querySelectorAll("text")) {
      const box = text.getBoundingClientRect();
      if (box.left < frame.left - 1 || box.right > frame.right + 1 || box.bottom > frame.bottom + 1)
        out.push(text.textContent);
    }
  }
  return out;
}"""


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


def clipped_tables(page: object) -> list[str]:
    """Tables of ``page`` with a column cut off: a cell that cuts its text, a table wider than
    the page outside any box, or one wider than its box when the box is not a keyboard-focusable
    named scroll region with a scroll cue (the edge shadows). Empty when every table reads."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    return list(page.evaluate(CLIPPED_TABLES))


def clipped_text(page: object) -> list[str]:
    """Chart texts that reach outside their drawing (and so are cut off)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    return list(page.evaluate(CLIPPED_TEXT))


def at_phone_width(page: object, name: str) -> float:
    """Resize ``page`` to a 390 px phone, check that nothing scrolls sideways, keep the
    screenshot ``<name>-phone`` and return the smallest rendered size (px) of chart and legend
    text (SVG text scaled by its drawing's transform to the screen)."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    smallest = page.evaluate(SMALLEST_TEXT)
    screenshot(page, f"{name}-phone")
    assert not clipped_text(page), f"{name}: labels cut off at phone width"
    assert smallest is not None, f"{name}: no chart text shown at phone width"
    return float(smallest)
