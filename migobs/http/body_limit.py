"""Request bodies over a limit get 413 before they are read into memory (pure ASGI middleware).

A request whose ``Content-Length`` is over the limit is refused at once: the app is not called
and the body is never read. A body without a length (chunked) is counted as the app reads it:
the chunk that passes the limit raises a 413 ``HTTPException``, so no more than the limit and
one chunk is ever held. Both answers close the connection, so the rest is not read either.

The limit is ``MIGOBS_MAX_BODY`` (default 1 MiB), except under the path prefixes given a larger
one (tracker imports: ``MIGOBS_MAX_IMPORT_BODY``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

Refusal = Callable[[HTTPException], ASGIApp]
"""Turns an HTTP error into the app's error answer (the one error shape)."""

CLOSE = {"Connection": "close"}


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes (``larger``: path prefix → its own limit)."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        limit: int,
        refusal: Refusal,
        larger: Mapping[str, int] | None = None,
    ) -> None:
        self.app = app
        self.limit = limit
        self.refusal = refusal
        self.larger = dict(larger or {})

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = content_length(scope)
        if declared is not None and declared > limit:
            await self.refusal(too_large(limit))(scope, receive, send)
            return
        await self.app(scope, counted(receive, limit), send)

    def limit_for(self, path: str) -> int:
        """The limit for a request to ``path``."""
        for prefix, limit in self.larger.items():
            if path.startswith(prefix):
                return limit
        return self.limit


def too_large(limit: int) -> HTTPException:
    """The 413 for a body over ``limit`` bytes."""
    return HTTPException(
        413,
        f"The request body is larger than {limit:,} bytes, the most accepted here: send less "
        "(imports: split the file). The server's MIGOBS_MAX_BODY and MIGOBS_MAX_IMPORT_BODY "
        "set the limits.",
        headers=CLOSE,
    )


def content_length(scope: Scope) -> int | None:
    """The ``Content-Length`` a request announces, or None (absent or not a number)."""
    for name, value in scope["headers"]:
        if name == b"content-length":
            return int(value) if value.isdigit() else None
    return None


def counted(receive: Receive, limit: int) -> Receive:
    """``receive`` raising 413 as soon as the body read so far passes ``limit`` bytes."""
    received = 0

    async def receive_counted() -> Message:
        nonlocal received
        message = await receive()
        if message["type"] == "http.request":
            received += len(message.get("body", b""))
            if received > limit:
                raise too_large(limit)
        return message

    return receive_counted
