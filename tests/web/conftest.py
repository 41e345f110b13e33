"""The dashboard under test: the app on a small warehouse, served by uvicorn, driven by Chromium.

``visit`` opens the server's pages in a Playwright page (Debian's chromium, headless) that fails
the test on any console error, page error or request whose host is not the test server
(:class:`tests.support.browser.Visit`). Screenshots go to ``test-artifacts/``. Under CI=true a
missing chromium fails the browser tests; else they skip.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.browser import Visit, visiting


@pytest.fixture
def visit(browser: object, live_server: str) -> Iterator[Visit]:
    """Opens pages of the live server in one fresh watched page; the test fails if any problem
    was recorded."""
    with visiting(browser, live_server) as opener:
        yield opener
