"""``create_app(settings)``: the one FastAPI application serving the API and the dashboard."""

from __future__ import annotations

from fastapi import FastAPI

from migobs import __version__
from migobs.api import caching, errors
from migobs.api.routes import (
    areas,
    claims,
    exports,
    flows,
    indicators,
    provenance,
    reports,
    revisions,
    sources,
    stock,
    tracker,
)
from migobs.config import Settings
from migobs.http.body_limit import BodyLimit
from migobs.http.security_headers import SecurityHeaders
from migobs.http.slow_clients import BodyDeadline
from migobs.warehouse.read.session import SharedReader
from migobs.web import site
from migobs.web import tracker as tracker_pages


def create_app(settings: Settings) -> FastAPI:
    """The application for ``settings``; routers are added here, one per resource."""
    app = FastAPI(
        title="Migration Observatory API",
        version=__version__,
        description="Official migration statistics, their provenance, and the Compact tracker.",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; the dashboard has its own
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.reader = SharedReader(settings.warehouse)
    errors.install(app)
    app.add_middleware(caching.WarehouseCache, warehouse=settings.warehouse)
    app.add_middleware(BodyDeadline, seconds=settings.body_timeout)
    app.add_middleware(
        BodyLimit,
        limit=settings.max_body,
        larger={"/api/tracker/import/": settings.max_import_body},
        refusal=errors.refusal,
    )
    app.add_middleware(SecurityHeaders)  # outermost: refusals get the headers too
    for router in (
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
        tracker.router,
        *tracker_pages.ROUTERS,
    ):
        app.include_router(router)
    site.mount(app)
    return app
