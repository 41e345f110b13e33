"""``LanguagePrefix``: pages served under ``/{lang}/…`` for the six UN languages.

A path starting with ``/ar``, ``/zh``, ``/fr``, ``/ru``, ``/es`` or ``/en`` is served by the same
routes as the unprefixed path, the prefix taken as the ASGI ``root_path`` (so routing, the cache
and ``url_for`` all see it as a mount), with that language current (:data:`migobs.i18n.current`).
Unprefixed paths are English. At ``/`` alone, the ``Accept-Language`` header picks the language:
a browser preferring one of the five others is sent to ``/{lang}/``.

Templates and handlers write their links and redirects as unprefixed paths; in a prefixed page the
middleware adds the prefix to every ``href``/``action`` of the HTML and to a ``Location`` header,
so a reader stays in their language from link to link (paths under ``/static``, ``/api`` and
``/openapi.json`` are shared by all languages and left alone).
"""

from __future__ import annotations

import re

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migobs.i18n import LANGUAGES, current

SHARED_PATHS = (
    "/static",
    "/api",
    "/openapi.json",
    "/docs",
    "/redoc",
    "/tracker/tracker.css",
    "/favicon",
)
"""Paths that are the same in every language: never prefixed."""

LINK = re.compile(rb'((?:href|action)=")(/[^"]*)"')


def split(path: str) -> tuple[str | None, str]:
    """``/fr/country/484`` → ``("fr", "/country/484")``; an unprefixed path → ``(None, path)``."""
    first, _, rest = path[1:].partition("/")
    if first in LANGUAGES:
        return first, "/" + rest
    return None, path


def preferred(accept_language: str) -> str:
    """The language of :data:`LANGUAGES` an ``Accept-Language`` header prefers most (English
    when it names none of them): ``fr-CH, en;q=0.8`` → ``fr``."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, quality = part.strip().partition(";")
        try:
            weight = float(quality.strip().removeprefix("q=")) if quality else 1.0
        except ValueError:
            continue
        ranked.append((-weight, position, tag.split("-")[0].strip().lower()))
    return next((tag for weight, _, tag in sorted(ranked) if weight < 0 and tag in LANGUAGES), "en")


def prefixed(prefix: str, path: bytes) -> bytes:
    """``path`` with ``prefix`` in front, unless it is shared or already has a language."""
    text = path.decode("latin-1")
    if text.startswith(SHARED_PATHS) or split(text)[0] is not None:
        return path
    return prefix.encode() + path


class LanguagePrefix:
    """Pure ASGI middleware: the language prefix of the path, taken off and put back on links."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        lang, rest = split(scope["path"])
        if lang is None:
            if scope["path"] == "/" and scope["method"] in ("GET", "HEAD"):
                wanted = preferred(Headers(scope=scope).get("accept-language", ""))
                if wanted != "en":
                    await redirect(send, f"/{wanted}/")
                    return
            await self.app(scope, receive, vary(send) if scope["path"] == "/" else send)
            return
        if rest == "/" and not scope["path"].endswith("/"):
            await redirect(send, f"/{lang}/")
            return
        prefix = f"/{lang}"
        scope = {**scope, "root_path": scope.get("root_path", "") + prefix}
        token = current.set(lang)
        try:
            await self.app(scope, receive, Relinker(prefix, send))
        finally:
            current.reset(token)


def vary(send: Send) -> Send:
    """``send`` adding ``Vary: Accept-Language`` to the response's headers."""

    async def sending(message: Message) -> None:
        if message["type"] == "http.response.start":
            MutableHeaders(scope=message).add_vary_header("Accept-Language")
        await send(message)

    return sending


async def redirect(send: Send, location: str) -> None:
    """Answer ``302 Found`` to ``location``."""
    headers = [(b"location", location.encode()), (b"vary", b"Accept-Language")]
    await send({"type": "http.response.start", "status": 302, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


class Relinker:
    """A ``send`` that puts the language prefix on redirects and on an HTML page's links."""

    def __init__(self, prefix: str, send: Send) -> None:
        self.prefix = prefix
        self.send = send
        self.start: Message | None = None
        self.body: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            location = headers.get("location")
            if location and location.startswith("/") and not location.startswith("//"):
                headers["location"] = prefixed(self.prefix, location.encode()).decode()
            if not headers.get("content-type", "").startswith("text/html"):
                await self.send(message)
                return
            self.start = message
            return
        if self.start is None:
            await self.send(message)
            return
        self.body.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = LINK.sub(
            lambda m: m.group(1) + prefixed(self.prefix, m.group(2)) + b'"', b"".join(self.body)
        )
        headers = MutableHeaders(scope=self.start)
        if "content-length" in headers:
            headers["content-length"] = str(len(body))
        await self.send(self.start)
        await self.send({"type": "http.response.body", "body": body})
