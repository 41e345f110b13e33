"""The dashboard in real headless Chromium: no console errors, nothing loaded from outside."""

from __future__ import annotations

import pytest

from tests.support.browser import (
    PHONE,
    SMALLEST_TEXT,
    Visit,
    at_phone_width,
    clipped_text,
    screenshot,
    visiting,
)

pytestmark = pytest.mark.browser


def test_world_page_in_chromium(visit: Visit) -> None:
    page = visit("/world")
    assert page.locator("h1").inner_text() == "International migrants living in the country, 2019"
    assert page.locator("svg.map title#map-title").count() == 1
    first = page.locator("#world-table tbody tr").first.inner_text()
    assert "United States of America" in first and "50,661,149" in first
    screenshot(page, "world")


def test_world_page_changes_year_without_a_button(visit: Visit) -> None:
    page = visit("/world")
    with page.expect_navigation():
        page.select_option("select[name=year]", "2010")
    assert page.locator("h1").inner_text().endswith("2010")
    assert "44,183,643" in page.locator("#world-table").inner_text()


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
    visit: Visit,
    path: str,
    heading: str,
    figure: str,
    name: str,
) -> None:
    page = visit(path)
    assert page.locator("h1").inner_text() == heading
    assert figure in page.locator("main").inner_text()
    for svg in page.locator("svg.chart").all():
        assert svg.get_attribute("role") == "img"
        assert svg.locator("title").count() >= 1
    assert not clipped_text(page)
    screenshot(page, name)


def test_report_page_in_chromium(visit: Visit) -> None:
    page = visit("/report")
    assert page.locator("h1").inner_text() == "The report, checked"
    assert page.locator("#claims-table tbody tr").count() >= 10
    screenshot(page, "report")


PHONE_PAGES = [
    ("/world", "world"),
    ("/country/484", "country"),
    ("/corridor?origin=484&destination=840", "corridor"),
    ("/corridor", "corridors"),
    ("/report", "report"),
    ("/country", "countries"),
]


@pytest.mark.parametrize(("path", "name"), PHONE_PAGES)
def test_page_reads_at_phone_width(visit: Visit, path: str, name: str) -> None:
    page = visit(path)
    if name == "countries":  # a list of links, no chart: only the width and the screenshot
        page.set_viewport_size(PHONE)
        assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
        screenshot(page, f"{name}-phone")
        return
    assert at_phone_width(page, name) >= 11


def test_wide_charts_shrink_text_on_a_phone_without_the_narrow_layout(visit: Visit) -> None:
    """The check can fail: with the narrow layouts hidden, the wide ones render small text."""
    page = visit("/country/484")
    page.evaluate(  # through the CSSOM: the pages' CSP refuses an added <style>
        """for (const [name, display] of [["wide", "block"], ["narrow", "none"]])
             for (const chart of document.querySelectorAll(`svg.chart.${name}`))
               chart.style.setProperty("display", display, "important");"""
    )
    page.set_viewport_size(PHONE)
    assert page.evaluate(SMALLEST_TEXT) < 9


def test_corridor_draws_the_interval_band(visit: Visit) -> None:
    page = visit("/corridor?origin=484&destination=840")
    figure = page.locator("#estimated-flows svg:visible").first
    bands = figure.locator("polygon.band")
    assert bands.count() == 2  # one per direction
    box = bands.first.bounding_box()
    assert box is not None and box["height"] > 5 and box["width"] > 50
    assert "90% interval" in (bands.first.locator("title").text_content() or "")
    table = page.locator("#estimated-flows table").inner_text()
    assert "418,174 to 900,000" in table
    screenshot(page, "corridor-band")


def test_home_page_in_chromium(visit: Visit) -> None:
    page = visit("/")
    assert page.locator("h1").inner_text() == "Migration Observatory"
    assert page.locator("li.headline").count() == 5
    assert page.locator("svg.map").count() == 1
    assert not clipped_text(page)
    screenshot(page, "home")
    assert at_phone_width(page, "home") >= 11


@pytest.mark.parametrize("typed", ["MEX", "484", "Mexico"])
def test_search_finds_mexico_in_chromium(visit: Visit, typed: str) -> None:
    page = visit("/")
    page.fill("#search-q", typed)
    with page.expect_navigation():
        page.click("form.search button")
    assert page.url == f"{visit.base}/country/484"
    assert page.locator("h1").inner_text() == "Mexico: migration profile"


def test_country_by_iso3_redirects_in_chromium(visit: Visit) -> None:
    page = visit("/country/MEX")
    assert page.url == f"{visit.base}/country/484"
    assert page.locator("h1").inner_text() == "Mexico: migration profile"


def test_indicator_page_in_chromium(visit: Visit) -> None:
    page = visit("/indicators")
    with page.expect_navigation():
        page.click("a[href='/indicators/stock.total']")
    assert page.locator("h1").inner_text() == "International migrant stock"
    top = page.locator("#ranking-top").inner_text()
    assert "United States of America" in top and "World" not in top
    assert "World" in page.locator("#ranking-groupings").inner_text()
    assert not clipped_text(page)
    screenshot(page, "indicator")
    assert at_phone_width(page, "indicator") >= 11


PANEL_BOXES = """() => Object.fromEntries([...document.querySelectorAll(".panels > section")].map(
  (s) => { const r = s.getBoundingClientRect(); return [s.id, [r.left, r.top, r.right, r.bottom]]; }))"""


def test_corridor_panels_side_by_side_then_stacked(visit: Visit) -> None:
    page = visit("/corridor?origin=484&destination=840")
    boxes = page.evaluate(PANEL_BOXES)
    assert list(boxes) == ["stock", "remittances", "cost", "refugees", "estimated-flows"]
    for section in page.locator(".panels > section").all():  # a table, or why there is none
        assert section.locator("table").count() == 1 or section.locator("p.empty").inner_text()
    stock, remittances, cost = boxes["stock"], boxes["remittances"], boxes["cost"]
    assert stock[1] == remittances[1] and stock[2] <= remittances[0]  # one row, two columns
    assert cost[1] >= max(stock[3], remittances[3])
    page.set_viewport_size(PHONE)
    boxes = page.evaluate(PANEL_BOXES)
    tops = [box[1] for box in boxes.values()]
    assert tops == sorted(tops) and all(box[0] == boxes["stock"][0] for box in boxes.values())
    assert boxes["remittances"][1] >= boxes["stock"][3]  # stacked, one under the other


@pytest.mark.parametrize(
    ("path", "typed", "opened"),
    [
        ("/country", {"m49": "United States of America"}, "/country/840"),
        (
            "/corridor",
            {"origin": "FRA", "destination": "Norway"},
            "/corridor?origin=250&destination=578",
        ),
    ],
)
def test_country_pickers_work_without_javascript(
    browser: object, live_server: str, path: str, typed: dict[str, str], opened: str
) -> None:
    with visiting(browser, live_server, javascript=False) as visit:
        page = visit(path, PHONE)
        for name, text in typed.items():
            page.fill(f"main input[name={name}]", text)
        with page.expect_navigation():
            page.press(f"main input[name={name}]", "Enter")
        assert page.url == f"{live_server}{opened}"
