"""The dashboard in real headless Chromium: no console errors, nothing loaded from outside."""

from __future__ import annotations

import pytest

from tests.browser import Problems, screenshot

pytestmark = pytest.mark.browser


def test_world_page_in_chromium(browser_page: tuple[object, Problems], live_server: str) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}/world")
    assert page.locator("h1").inner_text() == "International migrants living in the country, 2019"
    assert page.locator("svg.map title#map-title").count() == 1
    first = page.locator("#world-table tbody tr").first.inner_text()
    assert "United States of America" in first and "50,661,149" in first
    screenshot(page, "world")


def test_world_page_changes_year_without_a_button(
    browser_page: tuple[object, Problems], live_server: str
) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}/world")
    with page.expect_navigation():
        page.select_option("select[name=year]", "2010")
    assert page.locator("h1").inner_text().endswith("2010")
    assert "44,183,643" in page.locator("#world-table").inner_text()


def test_world_page_fits_a_phone(browser_page: tuple[object, Problems], live_server: str) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.set_viewport_size({"width": 375, "height": 740})
    page.goto(f"{live_server}/world")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
    screenshot(page, "world-phone")


PAGES = [
    ("/country/484", "Mexico: migration profile", "1,060,707", "country"),
    (
        "/corridor?origin=484&destination=840",
        "Mexico → United States of America",
        "11,489,684",
        "corridor",
    ),
    ("/country", "Country profiles", "Afghanistan", "countries"),
]


@pytest.mark.parametrize(("path", "heading", "figure", "name"), PAGES)
def test_page_in_chromium(
    browser_page: tuple[object, Problems],
    live_server: str,
    path: str,
    heading: str,
    figure: str,
    name: str,
) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}{path}")
    assert page.locator("h1").inner_text() == heading
    assert figure in page.locator("main").inner_text()
    for svg in page.locator("svg.chart").all():
        assert svg.get_attribute("role") == "img"
        assert svg.locator("title").count() >= 1
    screenshot(page, name)
    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, f"{name}-phone")


def test_report_page_in_chromium(browser_page: tuple[object, Problems], live_server: str) -> None:
    from playwright.sync_api import Page

    page, _ = browser_page
    assert isinstance(page, Page)
    page.goto(f"{live_server}/report")
    assert page.locator("h1").inner_text() == "The report, checked"
    assert page.locator("#claims-table tbody tr").count() >= 10
    screenshot(page, "report")
    page.set_viewport_size({"width": 375, "height": 740})
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
