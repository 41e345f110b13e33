"""Corridor page: one origin → destination pair (stock in every edition, remittances, their
cost, refugees) and a flow view of the largest corridors of a region."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import duckdb
import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from migobs.api.deps import WarehouseDep
from migobs.warehouse.read import listing, prices, profile
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, by_year, series_figure
from migobs.web.svg_flows import Flow, flow_view
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

WORLD = 900
SOURCE = "undesa_stock"
Code = Annotated[int | None, Query(ge=0, le=99999, description="UN M49 code")]


def _name(con: duckdb.DuckDBPyConnection, parameter: str, code: int) -> str:
    record = listing.area(con, code)
    if record is None:
        raise PageInputError(parameter, code, ["see /api/areas for every M49 code"])
    return str(record["name"])


STOCK_SOURCES = {"undesa_stock": "UN DESA {} edition", "knomad": "World Bank/KNOMAD {}"}
"""How a stock source and edition are named in a legend."""
PRICE_SERIES = {prices.CORRIDOR_COST: "Average total cost of sending USD 200"}
"""Remittance Prices Worldwide series codes → their names."""


def _wide(
    frame: pd.DataFrame, column: str, name: Callable[[str], str]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    wide = by_year(frame, column)
    return wide, [(name(k), k) for k in wide.columns if k != "year"]


def _stock_name(key: str) -> str:
    source, _, edition = key.partition(" ")
    return STOCK_SOURCES.get(source, source + " {}").format(edition)


def _editions_note(con: duckdb.DuckDBPyConnection, shown: pd.DataFrame) -> list[str]:
    """Why an edition of the migrant stock held is not drawn: its file has no origins."""
    held = [e for s, e in listing.stock_editions(con) if s == SOURCE]
    with_origins = set(listing.stock_editions_with_origins(con, SOURCE))
    drawn = set(shown.loc[shown["source"] == SOURCE, "edition"]) if not shown.empty else set()
    missing = [e for e in held if e not in drawn]
    if not missing:
        return []
    without = [e for e in missing if e not in with_origins]
    if without:
        return [
            f"Not drawn: {_editions(without)} of the UN DESA stock, whose files held give "
            "migrants by country of destination only, not by country of origin."
        ]
    return [f"Not drawn: {_editions(missing)} of the UN DESA stock: no value for this pair."]


def _editions(names: list[str]) -> str:
    """``the 2020 edition``, ``the 2019 and 2020 editions``."""
    if len(names) == 1:
        return f"the {names[0]} edition"
    return f"the {', '.join(names[:-1])} and {names[-1]} editions"


def corridor_figures(con: duckdb.DuckDBPyConnection, origin: int, destination: int) -> list[Figure]:
    """Stock in every edition, remittances, their cost and refugees along one corridor."""
    found = profile.corridor(con, origin=origin, destination=destination)
    stock, stock_cols = _wide(
        found.assign(key=lambda f: f["source"] + " " + f["edition"]), "key", _stock_name
    )
    remit, remit_cols = _wide(
        profile.corridor_remittances(con, origin=origin, destination=destination),
        "edition",
        lambda edition: f"World Bank/KNOMAD {edition} matrix",
    )
    cost, cost_cols = _wide(
        profile.corridor_prices(con, origin=origin, destination=destination),
        "series_code",
        lambda code: PRICE_SERIES.get(code, code),
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
            source="UN DESA International Migrant Stock (each edition with origins); "
            "World Bank/KNOMAD bilateral migration matrix",
            provenance=api,
            notes=_editions_note(con, found),
        ),
        series_figure(
            "remittances",
            "Remittances sent home",
            "current US$",
            remit,
            remit_cols,
            source="World Bank/KNOMAD bilateral remittance matrix (one estimate per edition)",
            provenance=f"/api/indicators/remittances.corridor/areas/{origin}?counterpart={destination}",
        ),
        series_figure(
            "cost",
            "Cost of sending money (yearly mean)",
            "percent",
            cost,
            cost_cols,
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
    chart, rows, flows_title = largest_flows(con, region)
    figures: list[Figure] = []
    title, lead = f"Corridors of {region_name}", ""
    if origin is not None and destination is not None:
        title = f"{_name(con, 'origin', origin)} → {_name(con, 'destination', destination)}"
        figures = corridor_figures(con, origin, destination)
    elif origin is None and destination is None and rows:
        origin, destination = int(rows[0]["origin"]), int(rows[0]["destination"])
        lead = (
            f"Showing the largest corridor of {region_name}: {rows[0]['origin_name']} → "
            f"{rows[0]['destination_name']}. Choose another pair below."
        )
        figures = corridor_figures(con, origin, destination)
    return templates.TemplateResponse(
        request,
        "corridor.html",
        {
            "title": title,
            "lead": lead,
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
