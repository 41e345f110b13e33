"""Slow clients are timed out: headers within ``MIGOBS_HEADER_TIMEOUT``, bodies within
``MIGOBS_BODY_TIMEOUT`` (seconds), idle kept-alive connections after uvicorn's keep-alive.

uvicorn times out an idle kept-alive connection but not one trickling a request: a client
sending a byte a second held its connection forever. Two guards close that:

- :func:`header_timeout_protocol`, uvicorn's httptools protocol with a clock started when a
  connection opens or a new request begins and stopped when its headers are complete; when it
  runs out the server answers 408 and closes the connection (the app never saw the request).
- :class:`BodyDeadline`, pure ASGI middleware: the body must arrive within the deadline counted
  from the start of the request, else 408 (an ``HTTPException``, the one error shape) and the
  connection is closed.
"""

from __future__ import annotations

import asyncio
import functools

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from migobs.config import Settings

TOO_SLOW = b"HTTP/1.1 408 Request Timeout\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"


class HeaderTimeoutProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol closing connections whose headers take over ``seconds``."""

    seconds = 10.0
    header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._start_clock()

    def on_message_begin(self) -> None:
        super().on_message_begin()
        self._start_clock()

    def on_headers_complete(self) -> None:
        self._stop_clock()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_clock()
        super().connection_lost(exc)

    def _start_clock(self) -> None:
        self._stop_clock()
        self.header_timer = self.loop.call_later(self.seconds, self._too_slow)

    def _stop_clock(self) -> None:
        if self.header_timer is not None:
            self.header_timer.cancel()
            self.header_timer = None

    def _too_slow(self) -> None:
        self.header_timer = None
        if not self.transport.is_closing():
            self.transport.write(TOO_SLOW)
            self.transport.close()


class WorkerHeaderTimeoutProtocol(HeaderTimeoutProtocol):
    """The protocol of ``migobs serve --workers N``: each worker process imports it by name and
    reads ``MIGOBS_HEADER_TIMEOUT`` once, as its app reads the other settings."""

    def _start_clock(self) -> None:
        type(self).seconds = _worker_seconds()
        super()._start_clock()


@functools.cache
def _worker_seconds() -> float:
    return Settings.from_env().header_timeout


WORKER_PROTOCOL = f"{__name__}:WorkerHeaderTimeoutProtocol"


def header_timeout_protocol(seconds: float) -> type[HeaderTimeoutProtocol]:
    """The protocol giving clients ``seconds`` to send a request's headers."""
    return type("HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"seconds": seconds})


class BodyDeadline:
    """Answer 408 when a request's body has not fully arrived ``seconds`` after it began."""

    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        deadline = asyncio.get_running_loop().time() + self.seconds
        await self.app(scope, self.timed(receive, deadline), send)

    def timed(self, receive: Receive, deadline: float) -> Receive:
        """``receive`` raising 408 when the body is not complete by ``deadline``; once it is,
        waiting (for a disconnect) has no deadline."""
        complete = False

        async def receive_timed() -> Message:
            nonlocal complete
            if complete:
                return await receive()
            left = deadline - asyncio.get_running_loop().time()
            try:
                message = await asyncio.wait_for(receive(), timeout=max(left, 0))
            except TimeoutError:
                raise too_slow(self.seconds) from None
            complete = message["type"] != "http.request" or not message.get("more_body", False)
            return message

        return receive_timed


def too_slow(seconds: float) -> HTTPException:
    """The 408 for a body that took longer than ``seconds``."""
    return HTTPException(
        408,
        f"The request body did not arrive within {seconds:g} s: send it faster, or in smaller "
        "parts (the server's MIGOBS_BODY_TIMEOUT sets the time).",
        headers={"Connection": "close"},
    )
