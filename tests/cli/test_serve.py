from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.support.faces_warehouse import build_small_warehouse
from tests.support.live import free_port


def test_serve_answers_pages_and_api(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    port = free_port()
    env = {**os.environ, "MIGOBS_HOME": str(tmp_path), "MIGOBS_WAREHOUSE": str(warehouse)}
    server = subprocess.Popen(
        [sys.executable, "-m", "migobs", "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(150):
            try:
                world = httpx.get(f"{base}/world", timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.2)
        assert world.status_code == 200
        assert httpx.get(f"{base}/api/areas/4").json()["name"] == "Afghanistan"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serve_without_a_warehouse_says_how_to_build(tmp_path: Path) -> None:
    from migobs.config import Settings
    from tests.support.live import serve_in_thread

    servers = serve_in_thread(Settings(home=tmp_path))
    base = next(servers)
    try:
        error = httpx.get(f"{base}/api/areas").json()["error"]
        assert error["status"] == 503 and "migobs build" in error["message"]
        page = httpx.get(f"{base}/world")
        assert page.status_code == 503 and "Run `migobs build`" in page.text
        assert page.headers["content-type"].startswith("text/html")
    finally:
        next(servers, None)
