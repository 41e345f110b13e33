"""``create_app(settings)``: the one FastAPI application serving the API and the dashboard."""

from __future__ import annotations

from fastapi import FastAPI

from migobs import __version__
from migobs.api import errors
from migobs.api.routes import tracker
from migobs.config import Settings
from migobs.web import tracker as tracker_pages


def create_app(settings: Settings) -> FastAPI:
    """The application for ``settings``; routers are added here, one per resource."""
    app = FastAPI(
        title="Migration Observatory API",
        version=__version__,
        description="Official migration statistics, their provenance, and the Compact tracker.",
    )
    app.state.settings = settings
    errors.install(app)
    app.include_router(tracker.router)
    app.include_router(tracker_pages.router)
    return app
