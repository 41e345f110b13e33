"""World page: a choropleth of a variable in a year, its legend, a data table and downloads."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from migobs.config import Settings
from migobs.http.deps import SettingsDep, WarehouseDep
from migobs.http.lists import records
from migobs.http.memo import per_build
from migobs.i18n.areas import area_name
from migobs.i18n.messages import gettext as _
from migobs.indicators.definitions import definitions
from migobs.numbers import rounded
from migobs.spreadsheet import inert_frame
from migobs.warehouse.read import listing
from migobs.warehouse.read.groupings import GROUP_KINDS
from migobs.web.shapes import world_shapes
from migobs.web.svg_map import bins, choropleth, legend
from migobs.web.templating import templates
from migobs.web.variables import choices, map_rows, source_words

router = APIRouter(include_in_schema=False)

VariableParam = Annotated[str, Query(description="map variable code")]
# A string, so that a year that is not a number gets the page listing the years (not JSON).
YearParam = Annotated[
    str | None, Query(description="year; default the newest observed year with wide coverage")
]


def world_map(
    request: Request,
    con: duckdb.DuckDBPyConnection,
    settings: Settings,
    variable: str = "immigrants",
    year: str | None = None,
) -> dict[str, Any]:
    """The map of ``variable`` in ``year`` with its legend, table and source (drawn once per
    build, variable and year): the context of the world page and of the home page's map."""

    def draw() -> dict[str, Any]:
        chosen, shown, years, rows = map_rows(request, con, variable, year)
        values = dict(zip(rows["area"].astype(int), rows["value"].astype(float), strict=True))
        title = (
            f"{chosen.title}, {shown.label}"
            if shown
            else _("%(title)s: no data yet") % {"title": chosen.title}
        )
        shapes = per_build(request, ("shapes",), lambda: world_shapes(con, settings))
        classes = bins(list(values.values()))
        countries, groupings = split_rankings(con, named(records(rows)))
        return {
            "title": title,
            "variable": chosen,
            "source": named_edition(con, chosen.source),
            "variables": choices(),
            "year": shown,
            "years": years,
            "map": choropleth(shapes, values, classes, title=title, unit=chosen.unit),
            "legend": legend(classes, chosen.unit),
            "rows": countries,
            "groupings": groupings,
        }

    context: dict[str, Any] = per_build(request, ("world", variable, year), draw)
    return context


def named(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` with each ``area_name`` in the current language."""
    return [{**r, "area_name": area_name(int(r["area"]), None, str(r["area_name"]))} for r in rows]


def split_rankings(
    con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """``rows`` (in their order) split into countries and groupings by the areas' kinds, so that
    no ranking mixes "Western Asia" with countries."""
    kinds = dict(con.execute("SELECT m49, kind FROM areas").fetchall())
    countries = [r for r in rows if kinds.get(int(r["area"])) not in GROUP_KINDS]
    groupings = [r for r in rows if kinds.get(int(r["area"])) in GROUP_KINDS]
    return countries, groupings


def named_edition(con: duckdb.DuckDBPyConnection, source: str) -> str:
    """``source`` with "newest edition" replaced by the edition's name (``2024 edition``)."""
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    with_origins = listing.stock_editions_with_origins(con, "undesa_stock")
    if with_origins and "newest edition with origins" in source:
        source = source.replace("newest edition with origins", f"{with_origins[-1]} edition")
    elif editions and "newest edition" in source:
        source = source.replace("newest edition", f"{editions[-1]} edition")
    return source_words(source)


@router.get("/world", response_class=HTMLResponse)
def world(
    request: Request,
    con: WarehouseDep,
    settings: SettingsDep,
    variable: VariableParam = "immigrants",
    year: YearParam = None,
) -> HTMLResponse:
    """The world map of ``variable`` in ``year``."""
    context = world_map(request, con, settings, variable, year)
    return templates.TemplateResponse(request, "world.html", context)


@router.get("/world.csv")
def world_csv(
    request: Request,
    con: WarehouseDep,
    variable: VariableParam = "immigrants",
    year: YearParam = None,
) -> Response:
    """The world page's table as CSV (an indicator's values to its stated decimals)."""
    chosen, shown, _, rows = map_rows(request, con, variable, year)
    table = rows[["area", "area_name", "iso3", "year", "value"]]
    indicator = definitions().get(chosen.code)
    if indicator is not None:
        places = indicator.decimals
        table = table.assign(value=table["value"].map(lambda v: rounded(v, places)))
    body = inert_frame(table).to_csv(index=False)
    name = f"{chosen.code}-{shown.year if shown else 'none'}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
