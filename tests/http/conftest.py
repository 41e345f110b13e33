"""``migobs serve`` in a process of its own (its memory measured apart from the tests')."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.live import free_port


@dataclass(frozen=True)
class Served:
    """A running ``migobs serve``: its port and process id."""

    port: int
    pid: int

    @property
    def url(self) -> str:
        """Its base URL."""
        return f"http://127.0.0.1:{self.port}"


START_WITHIN = 180
"""Seconds a test server may take to answer its first request."""


def serve_process(home: Path, *options: str, **env: str) -> Iterator[Served]:
    """Start ``migobs serve [options]`` on a free port with a SQLite tracker in ``home`` and
    the ``MIGOBS_*`` variables ``env``; stop it after."""
    port = free_port()
    environ = {
        **os.environ,
        "MIGOBS_HOME": str(home),
        "MIGOBS_TRACKER_URL": "",
        "MIGOBS_WAREHOUSE": "",
        "MIGOBS_FAST_PASSWORD_HASHING": "1",
        **env,
    }
    log = home / f"serve-{port}.log"
    with log.open("wb") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "migobs", "serve", "--port", str(port), *options],
            env=environ,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    served = Served(port=port, pid=server.pid)
    try:
        # generous: on a loaded 2-core machine two workers' imports took 69 s
        deadline = time.monotonic() + START_WITHIN
        while True:
            try:
                httpx.get(f"{served.url}/api/tracker/objectives", timeout=5).raise_for_status()
                break
            except httpx.TransportError:
                if server.poll() is not None:
                    said = log.read_text(errors="replace")[-2000:]
                    raise RuntimeError(
                        f"migobs serve exited ({server.returncode}): {said}"
                    ) from None
                if time.monotonic() > deadline:
                    message = f"migobs serve did not start within {START_WITHIN} s"
                    raise RuntimeError(message) from None
                time.sleep(0.2)
        yield served
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """``migobs serve`` with the default limits."""
    yield from serve_process(tmp_path_factory.mktemp("served"))
