"""Indicator pages: ``/indicators`` lists every indicator by theme (SDG target, Compact
objective); ``/indicators/{code}`` gives its definition, sources with the editions held, a map,
rankings of countries (groupings in a table of their own), downloads and the API call."""

from __future__ import annotations

from collections import defaultdict
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from migobs.charts.format import unit_words
from migobs.exports.formats import FormatName
from migobs.http.deps import SettingsDep, WarehouseDep
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.indicators import registry
from migobs.indicators.definitions import Definition, definitions
from migobs.indicators.gcm import objective_coverage
from migobs.sources.catalog import catalog
from migobs.warehouse.read.editions import source_editions
from migobs.web.errors import PageInputError
from migobs.web.templating import templates
from migobs.web.texts import indicator_title
from migobs.web.variables import choices
from migobs.web.world import world_map

router = APIRouter(include_in_schema=False)

RANKED = 10
"""Countries shown at each end of a ranking."""


def themes() -> dict[str, list[Definition]]:
    """Every indicator under its themes: each SDG target it implements, each Compact objective
    it measures, and "Other indicators" for the rest (an indicator may stand under several)."""
    found = definitions()
    by_theme: dict[str, list[Definition]] = defaultdict(list)
    for d in found.values():
        if d.sdg:
            target = ".".join(d.sdg.split(".")[:2])
            by_theme[f"SDG target {target}"].append(d)
    for objective in objective_coverage():
        codes = {c for link in objective.measurable for c in link.measured_by if c in found}
        for code in sorted(codes):
            by_theme[f"Global Compact objective {objective.objective}"].append(found[code])
    themed = {d.code for ds in by_theme.values() for d in ds}
    others = [d for d in found.values() if d.code not in themed]
    ordered = dict(sorted(by_theme.items(), key=lambda item: _theme_order(item[0])))
    return {**ordered, **({OTHERS: others} if others else {})}


OTHERS = N_("Other indicators")
THEME_KINDS = {
    "SDG target": N_("SDG target %(number)s"),
    "Global Compact objective": N_("Global Compact objective %(number)s"),
}
"""How a theme of :func:`themes` is headed in the reader's language (its anchor stays English)."""


def theme_title(theme: str) -> str:
    """A theme of :func:`themes` in the current language: ``Cible ODD 10.7``."""
    kind, _space, number = theme.rpartition(" ")
    if kind in THEME_KINDS:
        return _(THEME_KINDS[kind]) % {"number": number}
    return _(theme)


def _theme_order(theme: str) -> tuple[int, list[int]]:
    kind = 0 if theme.startswith("SDG") else 1
    return kind, [int(p) if p.isdigit() else 0 for p in theme.split()[-1].split(".")]


def objectives_of(code: str) -> list[int]:
    """The Compact objectives that ``code`` measures."""
    return [
        o.objective
        for o in objective_coverage()
        if any(code in link.measured_by for link in o.measurable)
    ]


@router.get("/indicators", response_class=HTMLResponse)
def indicator_list(request: Request) -> HTMLResponse:
    """Every indicator, by theme."""
    return templates.TemplateResponse(
        request,
        "indicators.html",
        {
            "title": _("Indicators"),
            "themes": themes(),
            "unit_words": unit_words,
            "theme_title": theme_title,
        },
    )


@router.get("/indicators/{code}", response_class=HTMLResponse)
def indicator_page(
    request: Request,
    con: WarehouseDep,
    settings: SettingsDep,
    code: Annotated[str, Path(max_length=100, description="indicator code, e.g. sdg.10.c.1")],
) -> HTMLResponse:
    """One indicator: definition, sources, map, rankings, table, downloads, API call, links."""
    found = definitions()
    if code not in found or code not in registry.REGISTRY:
        raise PageInputError("code", code, [f"/indicators/{c}" for c in found])
    definition = found[code]
    mapped = code in {c.code for c in choices()}
    context: dict[str, Any] = {}
    countries: list[dict[str, Any]] = []
    groupings: list[dict[str, Any]] = []
    if mapped:
        context = world_map(request, con, settings, code)
        countries, groupings = context["rows"], context["groupings"]
    sources = [
        (catalog()[s].title if s in catalog() else s, source_editions(con, s))
        for s in definition.sources
    ]
    year = context["year"].year if context.get("year") else None
    return templates.TemplateResponse(
        request,
        "indicator.html",
        {
            **context,
            "title": indicator_title(code),
            "map_title": context.get("title"),
            "definition": definition,
            "unit": unit_words(definition.unit),
            "mapped": mapped,
            "sources": sources,
            "top": countries[:RANKED],
            "bottom": countries[-RANKED:][::-1] if len(countries) > RANKED else [],
            "countries": countries,
            "groupings": groupings,
            "formats": [f.value for f in FormatName],
            "api": f"/api/indicators/{code}/values" + (f"?year={year}" if year else ""),
            "objectives": objectives_of(code),
        },
    )
