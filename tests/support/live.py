"""The app on the small warehouse, served by uvicorn on a free loopback port, and a client of it.

Shared by the API and dashboard tests (``tests/conftest.py`` registers these fixtures).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from migobs.app import create_app
from migobs.config import Settings
from migobs.http.server import server_config
from tests.conftest import mirror_path
from tests.support.faces_warehouse import build_small_warehouse


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


def serve_in_thread(settings: Settings, app: FastAPI | None = None) -> Iterator[str]:
    """Run the app (``create_app(settings)`` unless given) with uvicorn in a thread; yield its
    base URL; stop it afterwards."""
    port = free_port()
    config = server_config(
        app or create_app(settings), settings, port=port, log_level="warning", lifespan="off"
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
