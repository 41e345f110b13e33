"""``mount(app)``: the dashboard's static files, pages (the tracker's with them) and error page
on the one app."""

from __future__ import annotations

from babel.numbers import format_decimal
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from migobs.i18n import LANGUAGES
from migobs.i18n.areas import area_sources, named_areas, territories
from migobs.i18n.messages import translations
from migobs.i18n.texts import compact, indicator_texts, summaries
from migobs.indicators.gcm import objective_coverage
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
from migobs.web.templating import HERE, templates

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


def warm() -> None:
    """Read once, at start-up, what pages read on their first request in each process: every
    template compiled, the Compact's map and the indicators' definitions, the texts and area
    names, and each language's messages and Babel locale data (numbers)."""
    for name in templates.env.list_templates():
        templates.env.get_template(name)
    objective_coverage()
    compact(), indicator_texts(), summaries(), named_areas(), area_sources()
    for lang in LANGUAGES:
        translations(lang), territories(lang)
        format_decimal(1234.5, locale=lang)
