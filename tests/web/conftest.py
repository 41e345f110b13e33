"""The dashboard under test: the app on a small warehouse, served by uvicorn, driven by Chromium.

``browser_page`` gives a Playwright page (Debian's chromium, headless) that fails the test on
any console error, page error or request whose host is not the test server. Screenshots go to
``test-artifacts/``. Under CI=true a missing chromium fails the browser tests; else they skip.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.browser import Problems, watched_page


@pytest.fixture
def browser_page(browser: object, live_server: str) -> Iterator[tuple[object, Problems]]:
    """A fresh page and the problems it records; the test fails if any were recorded."""
    with watched_page(browser, live_server) as watched:
        yield watched
