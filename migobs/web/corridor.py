"""Corridor page: one origin → destination pair (stock in every edition, remittances, their
cost, refugees) and a flow view of the largest corridors of a region."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from migobs.api.deps import WarehouseDep
from migobs.warehouse.read import listing, profile
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, by_year, series_figure
from migobs.web.svg_flows import Flow, flow_view
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

WORLD = 900
Code = Annotated[int | None, Query(ge=0, le=99999, description="UN M49 code")]


def _name(con: duckdb.DuckDBPyConnection, parameter: str, code: int) -> str:
    record = listing.area(con, code)
    if record is None:
        raise PageInputError(parameter, code, ["see /api/areas for every M49 code"])
    return str(record["name"])


def _wide(
    frame: pd.DataFrame, column: str, prefix: str
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    wide = by_year(frame, column)
    return wide, [(f"{prefix} {k}".strip(), k) for k in wide.columns if k != "year"]


def corridor_figures(con: duckdb.DuckDBPyConnection, origin: int, destination: int) -> list[Figure]:
    """Stock in every edition, remittances, their cost and refugees along one corridor."""
    stock, stock_cols = _wide(
        profile.corridor(con, origin=origin, destination=destination).assign(
            key=lambda f: f["source"] + " " + f["edition"]
        ),
        "key",
        "",
    )
    remit, remit_cols = _wide(
        profile.corridor_remittances(con, origin=origin, destination=destination),
        "edition",
        "KNOMAD",
    )
    prices, price_cols = _wide(
        profile.corridor_prices(con, origin=origin, destination=destination), "series_code", ""
    )
    refugees = profile.corridor_refugees(con, origin=origin, destination=destination)
    api = f"/api/stock/corridors/{origin}/{destination}"
    return [
        series_figure(
            "stock",
            "Migrants along the corridor, by edition",
            "persons",
            stock,
            stock_cols,
            source="UN DESA International Migrant Stock (each edition)",
            provenance=api,
        ),
        series_figure(
            "remittances",
            "Remittances sent home",
            "current US$",
            remit,
            remit_cols,
            source="World Bank/KNOMAD bilateral remittance matrix",
            provenance=f"/api/indicators/remittances.corridor/areas/{origin}?counterpart={destination}",
        ),
        series_figure(
            "cost",
            "Cost of sending money (yearly mean)",
            "percent",
            prices,
            price_cols,
            source="World Bank Remittance Prices Worldwide (SDG 10.c.1)",
            provenance=f"/api/indicators/sdg.10.c.1.corridor/areas/{origin}?counterpart={destination}",
        ),
        series_figure(
            "refugees",
            "Refugees from the origin in the destination",
            "persons",
            refugees,
            [("Refugees", "refugees")],
            source="UNHCR Refugee Population Statistics",
            provenance="/api/sources/unhcr",
        ),
    ]


def largest_flows(
    con: duckdb.DuckDBPyConnection, region: int | None
) -> tuple[Markup | None, list[dict[str, Any]], str]:
    """The flow view and table of the largest corridors touching ``region`` (or the world)."""
    editions = listing.stock_editions_with_origins(con, "undesa_stock")
    if not editions:
        return None, [], ""
    year = listing.stock_years(con, "undesa_stock", editions[-1])[-1]
    frame = profile.largest_corridors(con, group=region, edition=editions[-1], year=year)
    rows = [{str(k): v for k, v in r.items()} for r in frame.to_dict("records")]
    flows = [
        Flow(str(r["origin_name"]), str(r["destination_name"]), float(r["value"])) for r in rows
    ]
    title = f"Largest corridors, {year} (UN DESA {editions[-1]})"
    chart = flow_view(flows, title=title, ident="flows") if flows else None
    return chart, rows, title


@router.get("/corridor", response_class=HTMLResponse)
def corridor(
    request: Request,
    con: WarehouseDep,
    origin: Code = None,
    destination: Code = None,
    region: Code = None,
) -> HTMLResponse:
    """A corridor when origin and destination are given; the largest corridors in any case."""
    countries = listing.areas(con, kind="country", limit=1000).rows.sort_values("name")
    regions = [
        r
        for kind in ("region", "subregion", "intermediate_region")
        for r in listing.areas(con, kind=kind, limit=1000).rows.to_dict("records")
    ]
    if region == WORLD:
        region = None
    region_name = _name(con, "region", region) if region is not None else "the world"
    figures: list[Figure] = []
    title = f"Corridors of {region_name}"
    if origin is not None and destination is not None:
        title = f"{_name(con, 'origin', origin)} → {_name(con, 'destination', destination)}"
        figures = corridor_figures(con, origin, destination)
    chart, rows, flows_title = largest_flows(con, region)
    return templates.TemplateResponse(
        request,
        "corridor.html",
        {
            "title": title,
            "countries": countries.to_dict("records"),
            "regions": regions,
            "region": region,
            "origin": origin,
            "destination": destination,
            "figures": figures,
            "flows": chart,
            "flow_rows": rows,
            "flows_title": flows_title,
        },
    )
