"""The main pages on the warehouse built from the mirror, in headless Chromium: no console
errors, nothing loaded from outside the server, the real figures shown; screenshots kept."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from migobs.config import Settings
from tests.support.browser import (
    DESKTOP,
    PHONE,
    at_phone_width,
    clipped_tables,
    clipped_text,
    screenshot,
    visiting,
)
from tests.support.live import serve_in_thread

pytestmark = [pytest.mark.real, pytest.mark.browser]

PAGES = [
    ("/world", "International migrants living in the country, 2020", "50,632,836", "real-world"),
    ("/country/484", "Mexico: migration profile", "12,683,066", "real-country-mexico"),
    (
        "/corridor?origin=484&destination=840",
        "Mexico → United States of America",
        "30,019,187,026",
        "real-corridor",
    ),
    ("/report", "The report, checked", "257,715,425", "real-report"),
    (
        "/corridor?origin=344&destination=156",
        "China Hong Kong Special Administrative Region → China",
        "USD 3.73 million",
        "real-corridor-long-names",
    ),
]


@pytest.fixture(scope="module")
def real_site(built_warehouse: Path, mirror: Path) -> Iterator[str]:
    settings = Settings(home=built_warehouse.parent, warehouse_path=built_warehouse, mirror=mirror)
    yield from serve_in_thread(settings)


@pytest.mark.parametrize(("path", "heading", "figure", "name"), PAGES)
def test_real_page(
    browser: object, real_site: str, path: str, heading: str, figure: str, name: str
) -> None:
    with visiting(browser, real_site) as visit:
        page = visit(path)
        assert page.locator("h1").inner_text() == heading
        assert figure in page.locator("main").inner_text()
        assert not clipped_text(page)
        screenshot(page, name)
        assert at_phone_width(page, name) >= 11


WIDE_TABLES = ["/country/356", "/country/276", "/indicators/sdg.10.c.1", "/report", "/world"]
"""Pages whose tables ran off the page on the real data (India's official aid, Germany's GDP)."""


@pytest.mark.parametrize("path", WIDE_TABLES)
def test_no_clipped_column_on_real_data(browser: object, real_site: str, path: str) -> None:
    with visiting(browser, real_site) as visit:
        page = visit(path)
        for size in (DESKTOP, PHONE):
            page.set_viewport_size(size)
            assert page.evaluate("document.documentElement.scrollWidth - innerWidth") <= 0
            assert clipped_tables(page) == [], (path, size)
