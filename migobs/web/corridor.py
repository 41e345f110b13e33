"""Corridor page: one origin → destination pair (stock in every edition, remittances, their
cost, refugees, estimated flows both ways) and a flow view of the largest corridors of a region."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from migobs.flows.diagnostics import fit_summary
from migobs.http.areas import area_param, is_m49
from migobs.http.deps import WarehouseDep
from migobs.http.lists import records
from migobs.warehouse.read import flows, listing, prices, profile
from migobs.web import corridor_panels as panels
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, by_year, series_figure
from migobs.web.svg_charts import Series, line_chart
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
            empty=panels.no_stock(names),
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
            empty=panels.no_remittances(con, origin, destination, names),
        ),
        series_figure(
            "cost",
            "Cost of sending money (yearly mean)",
            "percent",
            cost,
            cost_cols,
            source="World Bank Remittance Prices Worldwide (SDG 10.c.1)",
            provenance=f"/api/indicators/sdg.10.c.1.corridor/areas/{origin}?counterpart={destination}",
            empty=panels.no_cost(con, names),
            notes=[] if len(cost) else panels.surveyed_instead(con, origin, destination, names),
        ),
        series_figure(
            "refugees",
            "Refugees from the origin in the destination",
            "persons",
            refugees,
            [("Refugees", "refugees")],
            source="UNHCR Refugee Population Statistics",
            provenance="/api/sources/unhcr",
            empty=panels.no_refugees(con, names),
        ),
    ]


def estimated_flows(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: tuple[str, str]
) -> Figure:
    """Estimated flows origin → destination and back per period (the newest edition with runs,
    both sexes): period totals beside annual averages (periods differ in length), the chart in
    annual averages, periods whose fits missed a margin marked; or what to run when none are
    stored."""
    runs = flows.run_index(con)
    runs = runs[runs["sex"] == "total"]
    title = "Estimated migration flows, each way, per period"
    there, back = f"{names[0]} → {names[1]}", f"{names[1]} → {names[0]}"
    columns = [
        ("Period", "period"),
        ("Years", "years"),
        (f"{there} (persons)", "to_destination"),
        (f"{there} (persons a year)", "to_destination_per_year"),
        (f"{back} (persons)", "to_origin"),
        (f"{back} (persons a year)", "to_origin_per_year"),
        ("Net (persons)", "net"),
        ("Estimate", "fit"),
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
    fits = _fits(con, chosen)
    for row in rows:
        row["fit"] = "converged" if row["converged"] else "NOT converged"
    api = f"/api/flows/corridors/{origin}/{destination}?edition={edition}&method={method}"
    short = [_short(con, origin), _short(con, destination)]
    lines = [
        Series(
            label,
            tuple((int(r["year1"]), float(r[f"{key}_per_year"])) for r in rows),
            _band(rows, bounds),
        )
        for label, key, bounds in (
            (" → ".join(short), "to_destination", ("lower", "upper")),
            (" → ".join(reversed(short)), "to_origin", ("to_origin_lower", "to_origin_upper")),
        )
    ]
    if any(line.band for line in lines):
        columns.append((f"{there}, 90% interval (persons)", "interval"))
        for row in rows:
            row["interval"] = _interval(row.get("lower"), row.get("upper"))
    demography = ", ".join(
        d.replace("wpp/", "UN World Population Prospects ") for d in sorted(set(runs["demography"]))
    )
    chart_title = "Estimated migration flows, each way, persons a year (average of each period)"
    return Figure(
        ident="estimated-flows",
        title=title,
        chart=line_chart(lines, title=chart_title, unit="persons a year", ident="estimated-flows")
        if rows
        else None,
        columns=columns,
        rows=rows[::-1],  # the newest period first, where a reader looks
        source=f"estimated by {method.replace('-', ' ')} from UN DESA International Migrant "
        f"Stock {edition} (origin × destination) and {demography}",
        provenance=api,
        empty=f"The flow estimates from UN DESA {edition} do not cover both countries.",
        notes=_flow_notes(rows, fits, api, edition),
    )


def _band(
    rows: list[dict[str, Any]], bounds: tuple[str, str]
) -> tuple[tuple[int, float, float], ...]:
    """A direction's 90% interval per period in persons a year, where an ensemble gave one."""
    low, high = bounds
    return tuple(
        (int(r["year1"]), float(r[low]) / r["years"], float(r[high]) / r["years"])
        for r in rows
        if r.get(low) is not None and not pd.isna(r[low])
    )


def _interval(low: Any, high: Any) -> str | None:
    """``"418,174 to 1,316,662"``, or None without an ensemble."""
    if low is None or pd.isna(low):
        return None
    return f"{low:,.0f} to {high:,.0f}"


def _fits(con: duckdb.DuckDBPyConnection, chosen: dict[str, Any]) -> dict[str, str]:
    """Period → what its fits missed, for the runs that did not converge."""
    stored = records(flows.flow_runs(con, filters={**chosen, "converged": False}).rows)
    flags = ("converged", "margins_met")
    return {
        r["period"]: fit_summary(json.loads(r["diagnostics"]) | {k: r[k] for k in flags})
        for r in stored
    }


def _flow_notes(
    rows: list[dict[str, Any]], fits: dict[str, str], api: str, edition: str
) -> list[str]:
    """What the figures are, shorter periods, periods not converged, where to read them."""
    notes = [
        "Persons estimated to have moved during each period, derived from the change in stocks "
        "between two years with births and deaths; an estimate, not a count (the method: "
        "/methods/flows). The chart shows each period's annual average (its total divided by "
        "its years), plotted at its last year, so periods of different length compare. Where "
        "a flow ensemble was run, the shaded band is its 90% interval (redrawn inputs; see "
        "the method's section on uncertainty)."
    ]
    lengths = {r["period"]: r["years"] for r in rows}
    longest = max(lengths.values(), default=0)
    short = [f"{p} ({n} years)" for p, n in lengths.items() if n < longest]
    if short:
        notes.append(
            f"Shorter than the {longest}-year periods: {', '.join(short)}; compare its "
            "persons a year, not its total."
        )
    notes += [
        f"{period} did not converge — {text.removeprefix('NOT converged: ')}; read its flows "
        "with care."
        for period, text in fits.items()
        if period in lengths
    ]
    notes.append(
        Markup(
            'As data: <a href="{0}">JSON</a> · <a href="{0}&amp;format=csv">CSV</a> · '
            '<a href="{0}&amp;converged=true">converged periods only</a> · '
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
            *corridor_figures(con, origin, destination, names),
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
