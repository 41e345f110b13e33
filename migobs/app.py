"""``create_app(settings)``: the one FastAPI application serving the API and the dashboard.

This is the only module that imports both faces: each face mounts itself on the app, and what
both share (dependencies, errors, caching, results kept per build) lives one floor below, in
:mod:`migobs.http`.
"""

from __future__ import annotations

from fastapi import FastAPI

from migobs import __version__
from migobs.api import routers as api
from migobs.config import Settings
from migobs.http import caching, clients, errors, memo
from migobs.http.body_limit import BodyLimit
from migobs.http.security_headers import SecurityHeaders
from migobs.http.slow_clients import BodyDeadline
from migobs.warehouse.read.session import SharedReader
from migobs.web import site as web


def app_from_env() -> FastAPI:
    """The application for the ``MIGOBS_*`` settings: what each worker of
    ``migobs serve --workers N`` runs."""
    return create_app(Settings.from_env())


def create_app(settings: Settings) -> FastAPI:
    """The application for ``settings``: the API's routers, then the dashboard's pages."""
    app = FastAPI(
        title="Migration Observatory API",
        version=__version__,
        description="Official migration statistics, their provenance, and the Compact tracker.",
        docs_url=None,  # FastAPI's docs pages load scripts from a CDN; the dashboard has its own
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.reader = SharedReader(settings.warehouse)
    memo.install(app)
    errors.install(app)
    app.add_middleware(caching.WarehouseCache, warehouse=settings.warehouse)
    clients.install(app, settings.cors_origins)
    app.add_middleware(BodyDeadline, seconds=settings.body_timeout)
    app.add_middleware(
        BodyLimit,
        limit=settings.max_body,
        larger={"/api/tracker/import/": settings.max_import_body},
        refusal=errors.refusal,
    )
    app.add_middleware(SecurityHeaders)  # outermost: refusals get the headers too
    api.mount(app)
    web.mount(app)
    return app
