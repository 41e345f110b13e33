"""``mount(app)``: the dashboard's static files, pages and error page on the one app."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from migobs.web import corridor, country, errors, report, world
from migobs.web.templating import HERE

ROUTERS = (world.router, country.router, corridor.router, report.router)


def mount(app: FastAPI) -> None:
    """Add the dashboard to ``app``: ``/static``, every page router, the HTML error page."""
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    for router in ROUTERS:
        app.include_router(router)
    errors.install(app)
