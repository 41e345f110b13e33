"""The dashboard and the Compact tracker are one site: one header and favicon, links both ways,
an empty tracker that says how to start."""

from __future__ import annotations

import httpx
import pytest

from tests.support.browser import Visit


@pytest.mark.parametrize("path", ["/", "/country/484", "/tracker", "/tracker/login"])
def test_every_page_has_the_site_header_and_favicon(client: httpx.Client, path: str) -> None:
    page = client.get(path).text
    assert '<header class="site">' in page
    assert '<a href="/tracker">Compact tracker</a>' in page and '<a href="/world">World</a>' in page
    assert '<link rel="icon" href="/static/favicon.svg"' in page
    assert client.get("/static/favicon.svg").status_code == 200


def test_empty_tracker_says_who_can_add_records_and_how(client: httpx.Client) -> None:
    page = client.get("/tracker").text
    assert "No commitment is published yet." in page
    assert "migobs tracker add-user EMAIL --role ROLE --password-stdin" in page
    for role in ("focal point", "reviewer", "admin"):
        assert role in page


def test_profile_and_state_page_link_to_each_other(client: httpx.Client) -> None:
    assert 'href="/tracker/states/484" id="state-link"' in client.get("/country/484").text
    assert 'href="/country/484" id="profile-link"' in client.get("/tracker/states/484").text


@pytest.mark.browser
def test_tracker_and_dashboard_link_both_ways_in_chromium(visit: Visit) -> None:
    from tests.support.browser import screenshot

    page = visit("/country/484")
    with page.expect_navigation():
        page.click("#state-link")
    assert page.url == f"{visit.base}/tracker/states/484"
    screenshot(page, "tracker-state")
    with page.expect_navigation():
        page.click("#profile-link")
    assert page.locator("h1").inner_text() == "Mexico: migration profile"
    with page.expect_navigation():
        page.click("header.site a[href='/tracker']")
    assert page.locator("h1").inner_text() == "Commitments to the Global Compact for Migration"
    screenshot(page, "tracker")
    with page.expect_navigation():
        page.click("header.site a.brand")
    assert page.locator("h1").inner_text() == "Migration Observatory"
