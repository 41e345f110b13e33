"""One request to an ASGI application in process, whatever event loop the session holds."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx


def asgi_get(app: Any, path: str, headers: dict[str, str] | None = None) -> httpx.Response:
    """``GET path`` on ``app``, answered by httpx's ASGI transport.

    The request runs in a thread of its own: after Playwright's sync API the main thread holds a
    running event loop, where ``asyncio.run`` refuses.
    """

    async def run() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            return await client.get(path, headers=headers)

    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, run()).result()
