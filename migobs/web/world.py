"""World page: a choropleth of a variable in a year, its legend, a data table and downloads."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from migobs.http.deps import SettingsDep, WarehouseDep
from migobs.http.memo import per_build
from migobs.spreadsheet import inert_frame
from migobs.web.shapes import world_shapes
from migobs.web.svg_map import bins, choropleth, legend
from migobs.web.templating import templates
from migobs.web.variables import choices, map_rows

router = APIRouter(include_in_schema=False)

VariableParam = Annotated[str, Query(description="map variable code")]
# A string, so that a year that is not a number gets the page listing the years (not JSON).
YearParam = Annotated[
    str | None, Query(description="year; default the newest observed year with wide coverage")
]


@router.get("/", response_class=HTMLResponse)
@router.get("/world", response_class=HTMLResponse)
def world(
    request: Request,
    con: WarehouseDep,
    settings: SettingsDep,
    variable: VariableParam = "immigrants",
    year: YearParam = None,
) -> HTMLResponse:
    """The world map of ``variable`` in ``year`` (drawn once per build, variable and year)."""

    def draw() -> dict[str, Any]:
        chosen, shown, years, rows = map_rows(request, con, variable, year)
        values = dict(zip(rows["area"].astype(int), rows["value"].astype(float), strict=True))
        title = f"{chosen.title}, {shown.label}" if shown else f"{chosen.title}: no data yet"
        shapes = per_build(request, ("shapes",), lambda: world_shapes(con, settings))
        classes = bins(list(values.values()))
        return {
            "title": title,
            "variable": chosen,
            "variables": choices(),
            "year": shown,
            "years": years,
            "map": choropleth(shapes, values, classes, title=title, unit=chosen.unit),
            "legend": legend(classes, chosen.unit),
            "rows": rows.to_dict("records"),
        }

    context = per_build(request, ("world", variable, year), draw)
    return templates.TemplateResponse(request, "world.html", context)


@router.get("/world.csv")
def world_csv(
    request: Request,
    con: WarehouseDep,
    variable: VariableParam = "immigrants",
    year: YearParam = None,
) -> Response:
    """The world page's table as CSV."""
    chosen, shown, _, rows = map_rows(request, con, variable, year)
    body = inert_frame(rows[["area", "area_name", "iso3", "year", "value"]]).to_csv(index=False)
    name = f"{chosen.code}-{shown.year if shown else 'none'}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
