"""HTTP as clients expect it, one ASGI middleware per concern:

- :class:`PublicCors`: CORS (Starlette's ``CORSMiddleware``) on the public read-only routes only,
  ``/api/*`` but the tracker, and ``/sdmx/*``: GET from the configured origins (default any).
  The tracker and the pages never answer a cross-origin request.
- :class:`HeadAsGet`: ``HEAD`` on every GET route, answered as the GET without its body.
- compression: brotli (``br``) or gzip by the client's ``Accept-Encoding``, for bodies above
  :data:`MIN_COMPRESSED` bytes (brotli-asgi's middleware, which falls back to gzip).

:func:`install` adds the three, outside the response store (which keeps bodies uncompressed).
"""

from __future__ import annotations

from brotli_asgi import BrotliMiddleware
from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware
from starlette.types import ASGIApp, Message, Receive, Scope, Send

PUBLIC_PREFIXES = ("/api/", "/sdmx/")
PRIVATE_PREFIXES = ("/api/tracker",)
MIN_COMPRESSED = 1024


def is_public(path: str) -> bool:
    """Whether ``path`` is a public read-only route (CORS allowed)."""
    return path.startswith(PUBLIC_PREFIXES) and not path.startswith(PRIVATE_PREFIXES)


class PublicCors:
    """CORS for the public read-only routes, nothing for the others."""

    def __init__(self, app: ASGIApp, origins: tuple[str, ...] = ("*",)) -> None:
        self.app = app
        self.cors = CORSMiddleware(
            app,
            allow_origins=list(origins),
            allow_methods=["GET", "HEAD"],
            allow_headers=["Accept", "If-None-Match"],
            expose_headers=["ETag", "X-Total-Count", "Content-Disposition"],
            max_age=3600,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and is_public(scope["path"]):
            await self.cors(scope, receive, send)
        else:
            await self.app(scope, receive, send)


class HeadAsGet:
    """Answer ``HEAD`` as the ``GET`` of the same URL would be answered, without the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b""})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, headers_only)


def install(app: FastAPI, origins: tuple[str, ...]) -> None:
    """Add compression, HEAD and CORS (outermost) to ``app``; CORS allows ``origins``."""
    app.add_middleware(BrotliMiddleware, minimum_size=MIN_COMPRESSED, gzip_fallback=True)
    app.add_middleware(HeadAsGet)
    app.add_middleware(PublicCors, origins=origins)
