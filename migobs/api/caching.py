"""Caching headers for the API: the warehouse's build id is the ETag of every GET under /api/.

A client that sends ``If-None-Match`` with the current build id gets ``304 Not Modified``;
a new build changes the id and so every ETag.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import lru_cache
from pathlib import Path

from fastapi import FastAPI, Request, Response

from migobs.config import Settings
from migobs.warehouse.build import current_build_id

CACHE_CONTROL = "public, max-age=60, must-revalidate"


def current_etag(path: Path) -> str | None:
    """The quoted ETag of the warehouse at ``path``, or ``None`` when there is none."""
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _etag(path, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _etag(path: Path, mtime_ns: int, size: int) -> str | None:
    found = current_build_id(path)
    return None if found is None else f'"{found}"'


def install(app: FastAPI, settings: Settings) -> None:
    """Add ETag and Cache-Control to successful API GETs; answer 304 to a matching tag."""

    @app.middleware("http")
    async def etag(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if request.method != "GET" or not request.url.path.startswith("/api/"):
            return await call_next(request)
        tag = current_etag(settings.warehouse)
        if tag is not None and request.headers.get("if-none-match") == tag:
            return Response(status_code=304, headers={"ETag": tag, "Cache-Control": CACHE_CONTROL})
        response = await call_next(request)
        if tag is not None and response.status_code == 200:
            response.headers["ETag"] = tag
            response.headers["Cache-Control"] = CACHE_CONTROL
        return response
