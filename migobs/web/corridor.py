"""Corridor page: one origin → destination pair (stock in every edition, remittances, their
cost, refugees, estimated flows both ways) and a flow view of the largest corridors of a region."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from migobs.http.areas import area_param, is_m49
from migobs.http.deps import WarehouseDep
from migobs.http.lists import records
from migobs.i18n.areas import area_name, localised
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.warehouse.read import listing, prices, profile
from migobs.web import corridor_panels as panels
from migobs.web.corridor_flows import estimated_flows
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, by_year, series_figure
from migobs.web.svg_flows import Flow, flow_view
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

WORLD = 900
SOURCE = "undesa_stock"
AREA = "M49 code, ISO3 code or name"


def _name(con: duckdb.DuckDBPyConnection, parameter: str, code: int) -> str:
    record = listing.area(con, code)
    if record is None:
        raise PageInputError(parameter, code, ["see /api/areas for every M49 code"])
    return localised(record)


STOCK_SOURCES = {
    "undesa_stock": N_("UN DESA %(edition)s edition"),
    "knomad": N_("World Bank/KNOMAD %(edition)s"),
}
"""How a stock source and edition are named in a legend."""
PRICE_SERIES = {prices.CORRIDOR_COST: N_("Average total cost of sending USD 200")}
"""Remittance Prices Worldwide series codes → their names."""


def _wide(
    frame: pd.DataFrame, column: str, name: Callable[[str], str]
) -> tuple[pd.DataFrame, list[tuple[str, str]]]:
    wide = by_year(frame, column)
    return wide, [(name(k), k) for k in wide.columns if k != "year"]


def _stock_name(key: str) -> str:
    source, _space, edition = key.partition(" ")
    return _(STOCK_SOURCES.get(source, source + " %(edition)s")) % {"edition": edition}


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
            _(
                "Not drawn: %(editions)s of the UN DESA stock, whose files held give migrants "
                "by country of destination only, not by country of origin."
            )
            % {"editions": _editions(without)}
        ]
    return [
        _("Not drawn: %(editions)s of the UN DESA stock: no value for this pair.")
        % {"editions": _editions(missing)}
    ]


def _editions(names: list[str]) -> str:
    """``the 2020 edition``, ``the 2019 and 2020 editions``."""
    if len(names) == 1:
        return _("the %(edition)s edition") % {"edition": names[0]}
    return _("the %(editions)s and %(last)s editions") % {
        "editions": ", ".join(names[:-1]),
        "last": names[-1],
    }


def corridor_figures(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: tuple[str, str]
) -> list[Figure]:
    """Stock in every edition, remittances, their cost and refugees along one corridor; each
    panel without a value says why (:mod:`migobs.web.corridor_panels`)."""
    found = profile.corridor(con, origin=origin, destination=destination)
    stock, stock_cols = _wide(
        found.assign(key=lambda f: f["source"] + " " + f["edition"]), "key", _stock_name
    )
    remit, remit_cols = _wide(
        profile.corridor_remittances(con, origin=origin, destination=destination),
        "edition",
        lambda edition: _("World Bank/KNOMAD %(edition)s matrix") % {"edition": edition},
    )
    cost, cost_cols = _wide(
        profile.corridor_prices(con, origin=origin, destination=destination),
        "series_code",
        lambda code: _(PRICE_SERIES.get(code, code)),
    )
    refugees = profile.corridor_refugees(con, origin=origin, destination=destination)
    api = f"/api/stock/corridors/{origin}/{destination}"
    return [
        series_figure(
            "stock",
            _("Migrants along the corridor, by edition"),
            "persons",
            stock,
            stock_cols,
            source=_(
                "UN DESA International Migrant Stock (each edition with origins); "
                "World Bank/KNOMAD bilateral migration matrix"
            ),
            provenance=api,
            empty=panels.no_stock(names),
            notes=_editions_note(con, found),
        ),
        series_figure(
            "remittances",
            _("Remittances sent home"),
            "current US$",
            remit,
            remit_cols,
            source=_("World Bank/KNOMAD bilateral remittance matrix (one estimate per edition)"),
            provenance=f"/api/indicators/remittances.corridor/areas/{origin}?counterpart={destination}",
            empty=panels.no_remittances(con, origin, destination, names),
        ),
        series_figure(
            "cost",
            _("Cost of sending money (yearly mean)"),
            "percent",
            cost,
            cost_cols,
            source=_("World Bank Remittance Prices Worldwide (SDG 10.c.1)"),
            provenance=f"/api/indicators/sdg.10.c.1.corridor/areas/{origin}?counterpart={destination}",
            empty=panels.no_cost(con, names),
            notes=[] if len(cost) else panels.surveyed_instead(con, origin, destination, names),
        ),
        series_figure(
            "refugees",
            _("Refugees from the origin in the destination"),
            "persons",
            refugees,
            [(_("Refugees"), "refugees")],
            source=_("UNHCR Refugee Population Statistics"),
            provenance="/api/sources/unhcr",
            empty=panels.no_refugees(con, names),
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
    for r in rows:
        r["origin_name"] = area_name(int(r["origin"]), None, str(r["origin_name"]))
        r["destination_name"] = area_name(int(r["destination"]), None, str(r["destination_name"]))
    flows = [
        Flow(str(r["origin_name"]), str(r["destination_name"]), float(r["value"])) for r in rows
    ]
    title = _("Largest corridors, %(year)s (UN DESA %(edition)s)") % {
        "year": year,
        "edition": editions[-1],
    }
    chart = flow_view(flows, title=title, ident="flows") if flows else None
    return chart, rows, title


@router.get("/corridor", response_class=HTMLResponse, response_model=None)
def corridor(
    request: Request,
    con: WarehouseDep,
    origin_typed: Annotated[
        str | None, Query(alias="origin", max_length=200, description=AREA)
    ] = None,
    destination_typed: Annotated[
        str | None, Query(alias="destination", max_length=200, description=AREA)
    ] = None,
    region_typed: Annotated[
        str | None, Query(alias="region", max_length=200, description=AREA)
    ] = None,
) -> HTMLResponse | RedirectResponse:
    """A corridor when origin and destination are given; the largest corridors in any case.
    ISO3 codes and names redirect to the same page with M49 codes."""
    typed = {"origin": origin_typed, "destination": destination_typed, "region": region_typed}
    codes = {k: area_param(con, k, v) for k, v in typed.items() if v is not None}
    if any(not is_m49(v) for v in typed.values() if v is not None):
        return RedirectResponse(f"/corridor?{urlencode(codes)}", status_code=308)
    origin, destination, region = (codes.get(k) for k in ("origin", "destination", "region"))
    listed = records(listing.areas(con, kind="country", limit=1000).rows)
    countries = sorted(({**c, "name": localised(c)} for c in listed), key=lambda c: c["name"])
    regions = [
        {**r, "name": localised(r)}
        for kind in ("region", "subregion", "intermediate_region")
        for r in records(listing.areas(con, kind=kind, limit=1000).rows)
    ]
    if region == WORLD:
        region = None
    region_name = _name(con, "region", region) if region is not None else _("the world")
    chart, rows, flows_title = largest_flows(con, region)
    figures: list[Figure] = []
    title, lead = _("Corridors of %(region)s") % {"region": region_name}, ""
    if origin is None and destination is None and rows:
        origin, destination = int(rows[0]["origin"]), int(rows[0]["destination"])
        lead = _(
            "Showing the largest corridor of %(region)s: %(corridor)s. Choose another pair below."
        ) % {
            "region": region_name,
            "corridor": f"{rows[0]['origin_name']} → {rows[0]['destination_name']}",
        }
    ends = {"origin": origin, "destination": destination}
    picked = {end: _name(con, end, code) for end, code in ends.items() if code is not None}
    if origin is not None and destination is not None:
        names = (picked["origin"], picked["destination"])
        if not lead:
            title = f"{names[0]} → {names[1]}"
        figures = [
            *corridor_figures(con, origin, destination, names),
            estimated_flows(con, origin, destination, names),
        ]
    return templates.TemplateResponse(
        request,
        "corridor.html",
        {
            "title": title,
            "lead": lead,
            "countries": countries,
            "regions": regions,
            "region": region,
            "origin": origin,
            "destination": destination,
            "picked": picked,
            "figures": figures,
            "flows": chart,
            "flow_rows": rows,
            "flows_title": flows_title,
        },
    )
