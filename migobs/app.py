"""``create_app(settings)``: the one FastAPI application serving the API and the dashboard.

This is the only module that imports both faces: each face mounts itself on the app, and what
both share (dependencies, errors, caching, results kept per build) lives one floor below, in
:mod:`migobs.http`.
"""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi_offline import FastAPIOffline

from migobs import __version__
from migobs.api import routers as api
from migobs.config import Settings
from migobs.http import caching, clients, errors, memo, openapi_doc
from migobs.http.body_limit import BodyLimit
from migobs.http.language import LanguagePrefix
from migobs.http.methods import AllowedMethods
from migobs.http.security_headers import SecurityHeaders
from migobs.http.slow_clients import BodyDeadline
from migobs.http.warm import warming
from migobs.warehouse.read.session import SharedReader
from migobs.web import site as web


def app_from_env() -> FastAPI:
    """The application for the ``MIGOBS_*`` settings: what each worker of
    ``migobs serve --workers N`` runs."""
    return create_app(Settings.from_env())


def operation_id(route: APIRoute) -> str:
    """A route's OpenAPI ``operationId``: its function's name (``get_area``), which generated
    clients use as method names; each is unique in the app."""
    return route.name


def create_app(settings: Settings) -> FastAPI:
    """The application for ``settings``: the API's routers, then the dashboard's pages."""
    # /docs and /redoc with fastapi-offline's Swagger UI and ReDoc assets: nothing from a CDN
    app = FastAPIOffline(
        title="Migration Observatory API",
        version=__version__,
        description="Official migration statistics, their provenance, and the Compact tracker.",
        generate_unique_id_function=operation_id,
        lifespan=warming(web.warm),
    )
    app.state.settings = settings
    app.state.reader = SharedReader(settings.warehouse)
    memo.install(app)
    errors.install(app)
    # innermost: it reads the routes as they are matched (after the language prefix is taken)
    app.add_middleware(AllowedMethods, router=app.router, refusal=errors.refusal)
    app.add_middleware(caching.WarehouseCache, warehouse=settings.warehouse)
    app.add_middleware(LanguagePrefix)  # outside the cache (it keys on the prefixed path),
    clients.install(app, settings.cors_origins)  # inside compression (it rewrites pages' links)
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
    openapi_doc.install(app)
    return app
