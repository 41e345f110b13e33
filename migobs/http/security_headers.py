"""Security headers on every response (pure ASGI middleware).

- ``Content-Security-Policy``: scripts, styles, images and connections from this server only;
  no inline script (pages have none; one added later must be listed by its hash); inline
  ``style`` attributes only (the map legend's swatches); no plugins, no ``<base>``, forms post
  here only. On the tracker (``/tracker``, ``/api/tracker``) also ``frame-ancestors 'none'``
  and ``X-Frame-Options: DENY``: no other site may frame a page that changes records. The
  dashboard's public pages change nothing and may be embedded.
- ``X-Content-Type-Options: nosniff``: a browser trusts the declared type (CSV stays CSV).
- ``Referrer-Policy: same-origin``: links out (evidence, sources) do not carry our URLs.

A header the route set itself is kept.
"""

from __future__ import annotations

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

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in extra.items():
                    headers.setdefault(name, value)
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def framed_never(self, path: str) -> bool:
        """Whether ``path`` is a page no other site may frame."""
        return any(path == p or path.startswith(p + "/") for p in self.never_framed)
