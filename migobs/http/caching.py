"""Caching of what the warehouse alone decides: ETag and Cache-Control on the API, the SDMX API
and the pages, and a store of responses kept per version of the warehouse.

The warehouse changes only when a build swaps in a new file or a flow run adds estimates; its
version (:func:`~migobs.warehouse.read.version.data_version`: the build id, plus the flow runs) is
the ETag of every successful GET outside the tracker and the static files (a response that sets
a cookie excepted). A client that sends ``If-None-Match`` naming the current version (weakly
compared, in a list, or ``*``) gets ``304 Not Modified``.

Every GET of the API and the dashboard outside the tracker is a function of its path, its query
and the warehouse, so its successful response is kept, keyed on all three, and a repeated request
is answered from the store without routing or computing. The tracker (``/tracker``,
``/api/tracker``) is left out: its records change at any time and its pages depend on who asks.
A response that sets a cookie is never kept.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from migobs.warehouse.read.version import data_version

CACHE_CONTROL = "public, max-age=60, must-revalidate"
UNCACHED_PREFIXES = ("/tracker", "/api/tracker", "/static")
"""Paths whose responses depend on more than the warehouse (or are files served as they are)."""
STATIC_PREFIX = "/static"
STATIC_CACHE_CONTROL = "public, max-age=3600, must-revalidate"
"""The static files (styles, script, icon) keep the ETag of their own content; a browser keeps
them an hour, then asks again with If-None-Match."""


def current_etag(path: Path) -> str | None:
    """The quoted ETag of the warehouse at ``path``, or ``None`` when there is none."""
    version = data_version(path)
    return None if version is None else f'"{version}"'


@dataclass
class Kept:
    """One response as it was sent: status, headers and body."""

    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


@dataclass
class ResponseStore:
    """Responses by (ETag, path, query), least recently used dropped past ``max_bytes``."""

    max_bytes: int = 64 * 2**20
    max_entry: int = 8 * 2**20
    _entries: OrderedDict[tuple[str, str, bytes], Kept] = field(default_factory=OrderedDict)
    _bytes: int = 0

    def get(self, key: tuple[str, str, bytes]) -> Kept | None:
        """The response kept under ``key`` (now the most recently used), or ``None``."""
        kept = self._entries.get(key)
        if kept is not None:
            self._entries.move_to_end(key)
        return kept

    def put(self, key: tuple[str, str, bytes], kept: Kept) -> None:
        """Keep ``kept`` under ``key`` unless it is larger than one entry may be."""
        if len(kept.body) > self.max_entry or key in self._entries:
            return
        self._entries[key] = kept
        self._bytes += len(kept.body)
        while self._bytes > self.max_bytes:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.body)

    def __len__(self) -> int:
        return len(self._entries)


class WarehouseCache:
    """ASGI middleware: ETag and Cache-Control on API GETs, 304s, and the response store."""

    def __init__(self, app: ASGIApp, warehouse: Path, store: ResponseStore | None = None) -> None:
        self.app = app
        self.warehouse = warehouse
        self.store = store if store is not None else ResponseStore()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        route = path.removeprefix(scope.get("root_path", ""))  # /fr/tracker is the tracker too
        tag = None if route.startswith(UNCACHED_PREFIXES) else current_etag(self.warehouse)
        if tag is None:
            static = route.startswith(STATIC_PREFIX)
            await self.app(scope, receive, _kept_an_hour(send) if static else send)
            return
        headers = Headers(scope=scope)
        if matches(headers.get("if-none-match"), tag):
            await _send(send, Kept(304, _tag_headers(tag), b""))
            return
        # a route may answer by the Accept header (SDMX-ML or SDMX-CSV): it is part of the key
        key = (tag, path, scope["query_string"] + b"|" + headers.get("accept", "").encode())
        kept = self.store.get(key)
        if kept is None:
            kept = await _respond(self.app, scope, receive, send, tag, self.store.max_entry)
            if kept is not None:
                self.store.put(key, kept)
            return
        await _send(send, kept)


def matches(if_none_match: str | None, tag: str) -> bool:
    """Whether an ``If-None-Match`` header names ``tag``: ``*``, or a list of entity tags
    compared weakly (``W/"v"`` matches ``"v"``), as RFC 9110 section 13.1.2 asks."""
    if not if_none_match:
        return False
    if if_none_match.strip() == "*":
        return True
    return tag in (t.strip().removeprefix("W/") for t in if_none_match.split(","))


def _kept_an_hour(send: Send) -> Send:
    """``send`` adding :data:`STATIC_CACHE_CONTROL` to a successful response."""

    async def with_cache_control(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] in (200, 304):
            MutableHeaders(scope=message).setdefault("Cache-Control", STATIC_CACHE_CONTROL)
        await send(message)

    return with_cache_control


def _tag_headers(tag: str) -> list[tuple[bytes, bytes]]:
    return [(b"etag", tag.encode()), (b"cache-control", CACHE_CONTROL.encode())]


async def _send(send: Send, kept: Kept) -> None:
    # a copy: middleware outside (compression) edits the headers it is sent in place
    headers = list(kept.headers)
    await send({"type": "http.response.start", "status": kept.status, "headers": headers})
    await send({"type": "http.response.body", "body": kept.body})


async def _respond(
    app: ASGIApp, scope: Scope, receive: Receive, send: Send, tag: str, limit: int
) -> Kept | None:
    """Run ``app``, adding the ETag to a 200 that sets no cookie; the response, if it may be kept (a 200 of
    at most ``limit`` bytes that sets no cookie)."""
    start: Message = {}
    chunks: list[bytes] = []
    size = 0

    async def capture(message: Message) -> None:
        nonlocal size
        if message["type"] == "http.response.start":
            headers = MutableHeaders(scope=message)
            if message["status"] == 200 and "set-cookie" not in headers:
                headers["ETag"] = tag
                headers["Cache-Control"] = CACHE_CONTROL
            # a copy: middleware outside (compression) edits the headers it is sent in place
            start.update(message, headers=list(message.get("headers", [])))
        elif message["type"] == "http.response.body" and size <= limit:
            body = message.get("body", b"")
            size += len(body)
            chunks.append(body)
        await send(message)

    await app(scope, receive, capture)
    headers = list(start.get("headers", []))
    if (
        start.get("status") != 200
        or size > limit
        or any(n.lower() == b"set-cookie" for n, _ in headers)
    ):
        return None
    return Kept(200, headers, b"".join(chunks))
