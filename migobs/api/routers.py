"""``mount(app)``: the API's routers, one per resource, on the one app."""

from __future__ import annotations

from fastapi import FastAPI

from migobs.api.routes import (
    areas,
    claims,
    exports,
    flows,
    indicators,
    provenance,
    reports,
    revisions,
    sdmx,
    sources,
    stock,
    tracker,
)

ROUTERS = (
    areas.router,
    sources.router,
    stock.router,
    revisions.router,
    provenance.router,
    exports.router,
    indicators.router,
    flows.router,
    claims.router,
    reports.router,
    sdmx.router,
    tracker.router,
)


def mount(app: FastAPI) -> None:
    """Add every API router to ``app``."""
    for router in ROUTERS:
        app.include_router(router)
