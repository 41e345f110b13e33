"""Home page: what the observatory is, the report's headline figures then and now, a country
search and the world map; ``/search`` finds an area by name, ISO3 or M49 code."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Annotated, Any

from babel.numbers import format_decimal
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from migobs.charts.format import number
from migobs.http.areas import area_param
from migobs.http.deps import SettingsDep, WarehouseDep
from migobs.http.results import judged
from migobs.i18n import current
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.web.templating import templates
from migobs.web.world import world_map

router = APIRouter(include_in_schema=False)

HEADLINES = (
    ("C01", N_("International migrants")),
    ("C03", N_("Share of the world's people")),
    ("C07", N_("Women's share of migrants")),
    ("C06", N_("Remittances against official aid")),
    ("C11", N_("Dead and missing on migration routes in a year")),
)
"""The claims of *Making Migration Work for All* the home page leads with, and their labels."""


@dataclass(frozen=True)
class Headline:
    """One headline figure: the report's 2017 value and the newest the data give."""

    claim: str
    label: str
    text: str
    stated: str
    now: str | None
    now_year: int | None
    now_edition: str | None


def shown(value: float, precision: float, unit: str) -> str:
    """``value`` at the claim's ``precision`` in words: ``281 million``, ``3.6 %``, ``2.8 times``
    (``281 millions``, ``3,6 %`` in French: the current language's CLDR numbers)."""
    lang = current.get()
    if precision >= 1e6:
        return _("%(count)s million") % {"count": number(round(value / 1e6))}
    places = max(0, -math.floor(math.log10(precision))) if precision < 1 else 0
    places += 1 if unit.startswith("ratio") else 0
    pattern = "#,##0." + "0" * places if places else "#,##0"
    text = format_decimal(value, format=pattern, locale=lang, numbering_system="default")
    if unit.startswith("percent"):
        return _("%(value)s %%") % {"value": text}
    if unit.startswith("ratio"):
        return _("%(value)s times") % {"value": text}
    return text


def headline(claim: dict[str, Any], label: str) -> Headline:
    """The headline figure of one judged claim (a record of :func:`judged`)."""
    precision = float(claim["precision"] or 1)
    now = claim["now"] or {}
    value = now.get("value")
    return Headline(
        claim=claim["id"],
        label=_(label),
        text=claim["claim"],
        stated=shown(float(claim["stated"]), precision, claim["unit"]),
        now=None if value is None else shown(float(value), precision, claim["unit"]),
        now_year=now.get("year"),
        now_edition=now.get("edition"),
    )


@router.get("/", response_class=HTMLResponse)
def home(request: Request, con: WarehouseDep, settings: SettingsDep) -> HTMLResponse:
    """What the observatory is, the headline figures, the search box and the world map."""
    claims = {c["id"]: c for c in judged(request, con)}
    figures = [headline(claims[code], label) for code, label in HEADLINES if code in claims]
    context = world_map(request, con, settings)
    return templates.TemplateResponse(
        request,
        "home.html",
        {
            **context,
            "title": _("Migration Observatory"),
            "map_title": context["title"],
            "headlines": figures,
        },
    )


@router.get("/search", response_class=HTMLResponse)
def search(
    con: WarehouseDep,
    q: Annotated[str, Query(max_length=200, description="a country's name, ISO3 or M49 code")],
) -> RedirectResponse:
    """The profile of the area ``q`` names (an ambiguous name is a 400 listing candidates)."""
    return RedirectResponse(f"/country/{area_param(con, 'q', q)}", status_code=303)
