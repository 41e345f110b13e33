"""Raw-socket clients that misbehave on purpose (huge bodies, trickled headers), and a look at a
server process's memory. Used by the attack tests of ``tests/http``."""

from __future__ import annotations

import select
import socket
import time
from pathlib import Path

CHUNK = b"a" * 65536


def send_huge_body(port: int, path: str, size: int, *, chunked: bool, timeout: float = 30) -> int:
    """POST ``size`` bytes of JSON-looking junk to ``path``; the status the server answered.

    The body is sent in 64 KiB pieces; the client stops sending as soon as an answer arrives
    (a server that refuses early closes the connection while the body is still coming)."""
    head = f"POST {path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
    head += "transfer-encoding: chunked\r\n" if chunked else f"content-length: {size}\r\n"
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head.encode() + b"\r\n")
        sent = 0
        try:
            while sent < size and not _answered(sock):
                piece = CHUNK[: size - sent]
                sock.sendall(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
                sent += len(piece)
            if chunked and sent >= size:
                sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server closed the connection after answering
        return status_of(sock)


def status_of(sock: socket.socket) -> int:
    """The status code of the answer waiting on ``sock`` (0 when the connection was dropped)."""
    try:
        line = sock.recv(64)
    except (ConnectionResetError, TimeoutError):
        return 0
    return int(line.split()[1]) if line.startswith(b"HTTP/1.1 ") else 0


def _answered(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], 0)
    return bool(readable)


def rss_mib(pid: int) -> float:
    """The resident memory of process ``pid`` in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for process {pid}")


def peak_rss_while(pid: int, running: list[bool], every: float = 0.01) -> float:
    """The largest resident memory of ``pid`` seen while ``running[0]`` is true (MiB)."""
    peak = rss_mib(pid)
    while running[0]:
        peak = max(peak, rss_mib(pid))
        time.sleep(every)
    return max(peak, rss_mib(pid))
