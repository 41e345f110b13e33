"""``warming(*steps)``: a lifespan doing the application's one-off work when it starts, not on
its first request.

FastAPI builds its routes' contexts (each endpoint's parameters, as pydantic adapters) the first
time they are listed, which :class:`~migobs.http.methods.AllowedMethods` does on every request:
about a quarter of a second that the first visitor would wait for. Each face adds its own steps
(the dashboard: templates, texts, locale data).
"""

from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from fastapi.routing import iter_route_contexts
from starlette.concurrency import run_in_threadpool


def warm(app: FastAPI, steps: tuple[Callable[[], None], ...]) -> None:
    """Build ``app``'s routes' contexts, then run each of ``steps``."""
    for _ in iter_route_contexts(app.router.routes):
        pass
    for step in steps:
        step()
    gc.freeze()


def warming(
    *steps: Callable[[], None],
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """A lifespan that :func:`warm`\\ s the app with ``steps`` before it serves."""

    @asynccontextmanager
    async def warm_up(app: FastAPI) -> AsyncIterator[None]:
        await run_in_threadpool(warm, app, steps)
        yield

    return warm_up
