"""The dashboard under test: the app on a small warehouse, served by uvicorn, driven by Chromium.

``browser_page`` gives a Playwright page (Debian's chromium, headless) that fails the test on
any console error, page error or request whose host is not the test server. Screenshots go to
``test-artifacts/``. Under CI=true a missing chromium fails the browser tests; else they skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
import uvicorn

from migobs.api.app import create_app
from migobs.config import Settings
from tests.conftest import mirror_path
from tests.small_warehouse import build_small_warehouse

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


@pytest.fixture(scope="session")
def web_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings reading the small warehouse, and the mirror's boundaries when there is one."""
    home = tmp_path_factory.mktemp("web-home")
    warehouse = build_small_warehouse(home / "warehouse.duckdb")
    return Settings(home=home, warehouse_path=warehouse, mirror=mirror_path())


@pytest.fixture(scope="session")
def client(live_server: str) -> Iterator[httpx.Client]:
    """An HTTP client of the app served on loopback (starlette's TestClient is deprecated)."""
    with httpx.Client(base_url=live_server, timeout=30) as http:
        yield http


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_in_thread(settings: Settings) -> Iterator[str]:
    """Run the app with uvicorn in a thread; yield its base URL; stop it afterwards."""
    port = free_port()
    config = uvicorn.Config(
        create_app(settings), host="127.0.0.1", port=port, log_level="warning", lifespan="off"
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 30 s")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(web_settings: Settings) -> Iterator[str]:
    """Base URL of the app served on a free loopback port."""
    yield from serve_in_thread(web_settings)


def chromium_path() -> str | None:
    """MIGOBS_CHROMIUM, else Debian's chromium on PATH."""
    return os.environ.get("MIGOBS_CHROMIUM") or shutil.which("chromium")


@dataclass
class Problems:
    """What the page did wrong: console errors, page errors, requests off the server."""

    console: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)

    def assert_none(self) -> None:
        assert not self.console, f"console errors: {self.console}"
        assert not self.outside, f"requests outside the server: {self.outside}"


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium through Playwright (never `playwright install`)."""
    executable = chromium_path()
    if executable is None:
        message = (
            "chromium is not installed (apt-get install chromium) and MIGOBS_CHROMIUM is unset"
        )
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@pytest.fixture
def browser_page(browser: object, live_server: str) -> Iterator[tuple[object, Problems]]:
    """A fresh page and the problems it records; the test fails if any were recorded."""
    from playwright.sync_api import Browser, ConsoleMessage, Request

    assert isinstance(browser, Browser)
    host = urlsplit(live_server).netloc
    problems = Problems()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
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


def screenshot(page: object, name: str) -> Path:
    """Save a full-page screenshot as ``test-artifacts/<name>.png``."""
    from playwright.sync_api import Page

    assert isinstance(page, Page)
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
