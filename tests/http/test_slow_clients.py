"""Attack: clients that trickle their headers or their body are cut off (900 trickling
connections were all held open)."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from migobs.config import Settings
from migobs.http.server import KEEP_ALIVE, server_config
from tests.http.attackers import status_of
from tests.http.conftest import serve_process
from tests.support.live import serve_in_thread

pytestmark = pytest.mark.attack
TRICKLERS = 40


@pytest.fixture
def port(tmp_path: Path) -> Iterator[int]:
    """A server giving clients 1 s for the headers and 1 s for the body."""
    settings = Settings(home=tmp_path, header_timeout=1, body_timeout=1)
    for url in serve_in_thread(settings):
        yield int(url.rsplit(":", 1)[1])


def trickle(sock: socket.socket, data: bytes, seconds: float) -> bool:
    """Send ``data`` a byte every 0.2 s for up to ``seconds``; False once the server hung up."""
    deadline = time.monotonic() + seconds
    for byte in data:
        if time.monotonic() > deadline:
            break
        try:
            sock.send(bytes([byte]))
        except (BrokenPipeError, ConnectionResetError):
            return False
        time.sleep(0.2)
    return True


def test_trickled_headers_are_cut_off(port: int) -> None:
    socks = [socket.create_connection(("127.0.0.1", port), timeout=5) for _ in range(TRICKLERS)]
    try:
        for sock in socks:
            sock.send(b"GET /api/tracker/objectives HTTP/1.1\r\nhost: x\r\nx-slow: ")
        time.sleep(2)  # twice the header time
        assert [status_of(sock) for sock in socks] == [408] * TRICKLERS
    finally:
        for sock in socks:
            sock.close()


def test_a_silent_connection_is_cut_off(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        time.sleep(2)
        assert status_of(sock) == 408


def test_a_trickled_body_gets_408(port: int) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.send(
            b"POST /api/tracker/tokens HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
            b"content-length: 40\r\n\r\n"
        )
        trickle(sock, b'{"email": "a@b.c", "password": "xxxxxxx"}', seconds=3)
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert b'"type":"request-timeout"' in answer and b"within 1 s" in answer


def test_idle_kept_alive_connections_close_after_five_seconds(tmp_path: Path) -> None:
    assert KEEP_ALIVE == 5
    assert server_config(None, Settings(home=tmp_path)).timeout_keep_alive == KEEP_ALIVE


def test_workers_time_out_slow_headers_too(tmp_path: Path) -> None:
    for served in serve_process(tmp_path, "--workers", "2", MIGOBS_HEADER_TIMEOUT="1"):
        with socket.create_connection(("127.0.0.1", served.port), timeout=5) as sock:
            sock.send(b"GET / HTTP/1.1\r\n")
            time.sleep(2)
            assert status_of(sock) == 408
