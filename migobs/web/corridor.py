"""Corridor page: one origin → destination pair (stock in every edition, remittances, their
cost, refugees, estimated flows both ways) and a flow view of the largest corridors of a region."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

import duckdb
import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup

from migobs.http.deps import WarehouseDep
from migobs.http.lists import records
from migobs.warehouse.read import flows, listing, prices, profile
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, by_year, series_figure
from migobs.web.svg_charts import Series, line_chart
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


def _short(con: duckdb.DuckDBPyConnection, code: int) -> str:
    """An area's ISO3 code, or its name when it has none (for labels beside a chart)."""
    record = listing.area(con, code) or {}
    return str(record.get("iso3") or record.get("name") or code)


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


def estimated_flows(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: tuple[str, str]
) -> Figure:
    """Estimated flows origin → destination and back per period (the newest edition with runs,
    both sexes), or what to run when none are stored."""
    runs = flows.run_index(con)
    runs = runs[runs["sex"] == "total"]
    title = "Estimated migration flows, each way, per period"
    there, back = f"{names[0]} → {names[1]}", f"{names[1]} → {names[0]}"
    columns = [
        ("Period", "period"),
        (f"{there} (persons)", "to_destination"),
        (f"{back} (persons)", "to_origin"),
        ("Net (persons)", "net"),
    ]
    if runs.empty:
        empty = (
            "No flow estimates are stored in the warehouse yet. Make them with "
            "`migobs flows run --edition 2017` (a few seconds); they then appear here."
        )
        return Figure("estimated-flows", title, None, columns, [], "none stored", empty=empty)
    edition = sorted(set(runs["edition"]))[-1]
    runs = runs[runs["edition"] == edition]
    method = sorted(set(runs["method"]))[0]
    chosen = {"edition": edition, "method": method, "sex": "total"}
    rows = records(flows.corridor_flows(con, origin, destination, filters=chosen, limit=1000).rows)
    api = f"/api/flows/corridors/{origin}/{destination}?edition={edition}&method={method}"
    short = [_short(con, origin), _short(con, destination)]
    lines = [
        Series(label, tuple((int(r["year1"]), float(r[key])) for r in rows))
        for label, key in (
            (" → ".join(short), "to_destination"),
            (" → ".join(reversed(short)), "to_origin"),
        )
    ]
    demography = ", ".join(
        d.replace("wpp/", "UN World Population Prospects ") for d in sorted(set(runs["demography"]))
    )
    return Figure(
        ident="estimated-flows",
        title=title,
        chart=line_chart(lines, title=title, unit="persons", ident="estimated-flows")
        if rows
        else None,
        columns=columns,
        rows=rows,
        source=f"estimated by {method.replace('-', ' ')} from UN DESA International Migrant "
        f"Stock {edition} (origin × destination) and {demography}",
        provenance=api,
        empty=f"The flow estimates from UN DESA {edition} do not cover both countries.",
        notes=_flow_notes(rows, api, edition),
    )


def _flow_notes(rows: list[dict[str, Any]], api: str, edition: str) -> list[str]:
    """What the figures are, shorter periods, and where to read them as data."""
    notes = [
        "Persons estimated to have moved during each period (plotted at its last year), "
        "derived from the change in stocks between two years with births and deaths; an "
        "estimate, not a count (method: docs/methods/flows.md)."
    ]
    lengths = {r["period"]: r["year1"] - r["year0"] for r in rows}
    longest = max(lengths.values(), default=0)
    short = [f"{p} ({n} years)" for p, n in lengths.items() if n < longest]
    if short:
        notes.append(f"Shorter than the {longest}-year periods: {', '.join(short)}.")
    notes.append(
        Markup(
            'As data: <a href="{0}">JSON</a> · <a href="{0}&amp;format=csv">CSV</a> · '
            '<a href="/api/flows/runs?edition={1}">each run\'s options and diagnostics</a>'
        ).format(api, edition)
    )
    return notes


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
    if origin is None and destination is None and rows:
        origin, destination = int(rows[0]["origin"]), int(rows[0]["destination"])
        lead = (
            f"Showing the largest corridor of {region_name}: {rows[0]['origin_name']} → "
            f"{rows[0]['destination_name']}. Choose another pair below."
        )
    if origin is not None and destination is not None:
        names = (_name(con, "origin", origin), _name(con, "destination", destination))
        if not lead:
            title = f"{names[0]} → {names[1]}"
        figures = [
            *corridor_figures(con, origin, destination),
            estimated_flows(con, origin, destination, names),
        ]
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
