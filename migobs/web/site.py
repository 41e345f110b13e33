"""``mount(app)``: the dashboard's static files, pages (the tracker's with them) and error page
on the one app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from migobs.web import (
    corridor,
    country,
    errors,
    home,
    indicators,
    methods,
    report,
    tracker,
    world,
)
from migobs.web.templating import HERE

ROUTERS = (
    home.router,
    world.router,
    indicators.router,
    country.router,
    corridor.router,
    report.router,
    methods.router,
)
"""The dashboard's pages (docs/dashboard.md); the tracker's are :data:`tracker.ROUTERS`."""


def mount(app: FastAPI) -> None:
    """Add the dashboard to ``app``: ``/static``, every page router (the tracker's too), the
    HTML error page."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in (*tracker.ROUTERS, *ROUTERS):
        app.include_router(router)
    errors.install(app)
