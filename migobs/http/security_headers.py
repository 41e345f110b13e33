"""Security headers on every response (pure ASGI middleware).

- ``Content-Security-Policy``: scripts, styles, images and connections from this server only;
  no inline script (pages have none; one added later must be listed by its hash); inline
  ``style`` attributes only (the map legend's swatches); no plugins, no ``<base>``, forms post
  here only. On the tracker (``/tracker``, ``/api/tracker``) also ``frame-ancestors 'none'``
  and ``X-Frame-Options: DENY``: no other site may frame a page that changes records. The
  dashboard's public pages change nothing and may be embedded.
- ``X-Content-Type-Options: nosniff``: a browser trusts the declared type (CSV stays CSV).
- ``Referrer-Policy: same-origin``: links out (evidence, sources) do not carry our URLs.

The API's documentation pages (``/docs``, ``/redoc``, fastapi-offline's Swagger UI and ReDoc)
carry an inline script: on those pages the policy lists each inline ``<script>`` by its SHA-256,
computed from the page as sent; ReDoc writes its styles at run time and starts a worker from a
``blob:``, so there styles may be inline and workers ``blob:``. A header the route set itself is kept.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import re

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'"
)
HEADERS = {
    "Content-Security-Policy": POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
NEVER_FRAMED = {
    "Content-Security-Policy": f"{POLICY}; frame-ancestors 'none'",
    "X-Frame-Options": "DENY",
}
TRACKER = ("/tracker", "/api/tracker")
HASHED_PAGES = ("/docs", "/redoc")
INLINE_SCRIPT = re.compile(rb"<script>(.*?)</script>", re.DOTALL)


class SecurityHeaders:
    """Add :data:`HEADERS` to every HTTP response, and :data:`NEVER_FRAMED` under ``never_framed``."""

    def __init__(self, app: ASGIApp, *, never_framed: tuple[str, ...] = TRACKER) -> None:
        self.app = app
        self.never_framed = never_framed

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = {**HEADERS, **NEVER_FRAMED} if self.framed_never(scope["path"]) else HEADERS
        if scope["path"] in HASHED_PAGES:
            await self.app(scope, receive, hashing(send, extra))
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                _add(message, extra)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def framed_never(self, path: str) -> bool:
        """Whether ``path`` is a page no other site may frame."""
        return any(path == p or path.startswith(p + "/") for p in self.never_framed)


def _add(start: Message, headers: dict[str, str]) -> None:
    found = MutableHeaders(scope=start)
    for name, value in headers.items():
        found.setdefault(name, value)


def hashing(send: Send, extra: dict[str, str]) -> Send:
    """``send`` holding the page back until it is whole, then sending it with a policy that
    lists its inline scripts and styles by hash."""
    held: list[Message] = []

    async def send_hashed(message: Message) -> None:
        held.append(message)
        if message["type"] != "http.response.body" or message.get("more_body", False):
            return
        body = b"".join(m.get("body", b"") for m in held[1:])
        zipped = MutableHeaders(scope=held[0]).get("content-encoding") == "gzip"
        page = gzip.decompress(body) if zipped else body
        _add(held[0], {**extra, "Content-Security-Policy": hashed_policy(page)})
        await send(held[0])
        await send({"type": "http.response.body", "body": body})

    return send_hashed


def hashed_policy(page: bytes) -> str:
    """:data:`POLICY` allowing the inline scripts of ``page`` by their SHA-256, inline styles
    and ``blob:`` workers (the API's documentation pages)."""
    scripts = " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(content).digest()).decode()}'"
        for content in INLINE_SCRIPT.findall(page)
    )
    return (
        POLICY.replace("script-src 'self';", f"script-src 'self' {scripts};").replace(
            "style-src 'self';", "style-src 'self' 'unsafe-inline';"
        )
        + "; worker-src 'self' blob:"
    )
