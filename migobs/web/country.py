"""Country profile: immigrants and emigrants, by sex, share of population, top origins and
destinations, refugees, remittances against GDP and aid, Missing Migrants in the region."""

from __future__ import annotations

from typing import Annotated, Any

import duckdb
import pandas as pd
from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from migobs.charts.format import number
from migobs.errors import MigobsError
from migobs.http.areas import area_param, is_m49
from migobs.http.deps import WarehouseDep
from migobs.http.memo import per_build
from migobs.i18n.areas import area_name, localised
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.indicators import registry
from migobs.warehouse.read import listing, profile
from migobs.web.compact import compact_rows
from migobs.web.errors import PageInputError
from migobs.web.figures import Figure, bars_figure, by_year, series_figure
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

STOCK = N_("UN DESA International Migrant Stock")


def stock_source(edition: str) -> str:
    """``UN DESA International Migrant Stock, 2024 edition``, in the current language."""
    return _("%(source)s, %(edition)s edition") % {"source": _(STOCK), "edition": edition}


@router.get("/country", response_class=HTMLResponse, response_model=None)
def countries(
    request: Request,
    con: WarehouseDep,
    m49: Annotated[str | None, Query(max_length=200, description="M49, ISO3 or name")] = None,
) -> HTMLResponse | RedirectResponse:
    """Every country, linking to its profile; ``?m49=`` (a code or a name) goes to that
    profile."""
    if m49 is not None:
        return RedirectResponse(f"/country/{area_param(con, 'm49', m49)}", status_code=303)
    page = listing.areas(con, kind="country", limit=1000)
    records: list[dict[str, Any]] = page.rows.to_dict("records")  # type: ignore[assignment]
    rows = sorted(records, key=localised)
    return templates.TemplateResponse(
        request, "countries.html", {"title": _("Country profiles"), "countries": rows}
    )


def country_record(con: duckdb.DuckDBPyConnection, m49: int) -> dict[str, Any]:
    """The area ``m49``, or the 404 page pointing at the list of countries."""
    record = listing.area(con, m49)
    if record is None:
        raise PageInputError("m49", m49, ["see /country for every country"])
    return record


@router.get("/country/{m49}", response_class=HTMLResponse, response_model=None)
def country(
    request: Request,
    con: WarehouseDep,
    m49: Annotated[str, Path(max_length=200, description="M49 code, ISO3 code or name")],
) -> HTMLResponse | RedirectResponse:
    """The profile of one country (or area); an ISO3 code or a name redirects to its M49 code."""
    code = area_param(con, "m49", m49)
    if not is_m49(m49):
        return RedirectResponse(f"/country/{code}", status_code=308)
    record = country_record(con, code)
    figures = per_build(
        request, ("profile", code), lambda: profile_figures(con, code, localised(record))
    )
    objectives = per_build(request, ("compact", code), lambda: compact_rows(con, code))
    return templates.TemplateResponse(
        request,
        "country.html",
        {
            "title": _("%(name)s: migration profile") % {"name": localised(record)},
            "area": record,
            "figures": figures,
            "objectives": objectives,
        },
    )


def profile_figures(con: duckdb.DuckDBPyConnection, area: int, name: str) -> list[Figure]:
    """Every figure of the profile of ``area`` (called ``name``), in page order."""
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    figures: list[Figure] = []
    with_origins = listing.stock_editions_with_origins(con, "undesa_stock")
    if editions:
        figures += stock_figures(
            con, area, editions[-1], with_origins[-1] if with_origins else None
        )
    if with_origins:
        figures += partner_figures(con, area, with_origins[-1])
    figures += [
        share_figure(con, area),
        refugee_figure(con, area),
        remittance_figure(con, area),
        gdp_share_figure(con, area),
        missing_figure(con, area, name),
    ]
    return figures


def stock_figures(
    con: duckdb.DuckDBPyConnection, area: int, edition: str, origins_edition: str | None
) -> list[Figure]:
    """Immigrants (newest edition) and emigrants (newest edition with origins) over time, and
    immigrants by sex."""
    stock = profile.stock_over_time(con, area=area, edition=edition)
    wide = by_year(stock, "sex")
    emigrants = profile.emigrants_over_time(con, area=area, edition=origins_edition or edition)
    both = wide.merge(emigrants.rename(columns={"value": "emigrants"}), on="year", how="outer")
    latest = int(stock["year"].max()) if not stock.empty else None
    trace = (
        f"/api/provenance/stock?edition={edition}&year={latest}&destination={area}"
        if latest
        else None
    )
    source = stock_source(edition)
    return [
        series_figure(
            "stock",
            _("Immigrants and emigrants"),
            _("persons"),
            both,
            [(_("Immigrants"), "total"), (_("Emigrants"), "emigrants")],
            source=_(
                "%(source)s; emigrants: %(edition)s edition, summed over countries of destination"
            )
            % {"source": source, "edition": origins_edition or edition},
            provenance=trace,
            notes=_published_not_summed(con, area, edition),
        ),
        series_figure(
            "by-sex",
            _("Immigrants by sex"),
            _("persons"),
            both,
            [(_("Women"), "female"), (_("Men"), "male")],
            source=source,
            provenance=trace and f"{trace}&sex=female",
        ),
    ]


def _published_not_summed(con: duckdb.DuckDBPyConnection, area: int, edition: str) -> list[str]:
    """Why an aggregate's immigrants are not the sum of its members in ``edition`` (an
    ``aggregate-mismatch`` finding of the build): UN DESA publishes its own aggregate."""
    found = profile.aggregate_mismatches(con, area, "undesa_stock", edition)
    return [
        _(
            "The %(edition)s edition publishes this aggregate itself, and its figures differ "
            "from the sum of the members it lists by up to %(gap)s persons; the chart shows the "
            "published figures."
        )
        % {"edition": edition, "gap": number(abs(r["observed"] - r["expected"]))}
        + f" {r['message']}"
        for r in found.to_dict("records")
    ]


def partner_figures(con: duckdb.DuckDBPyConnection, area: int, edition: str) -> list[Figure]:
    """Top countries of origin of its immigrants and of destination of its emigrants."""
    years = listing.stock_years(con, "undesa_stock", edition)
    year = years[-1]
    figures = []
    for role, title, label in (
        ("origin", _("Largest countries of origin, %(year)s"), _("Country of origin")),
        (
            "destination",
            _("Largest countries of destination, %(year)s"),
            _("Country of destination"),
        ),
    ):
        frame = profile.partners(con, area=area, edition=edition, year=year, role=role)
        frame["name"] = [
            area_name(int(m), None, str(n))
            for m, n in zip(frame["partner"], frame["name"], strict=True)
        ]
        direction = "destination" if role == "origin" else "origin"
        figures.append(
            bars_figure(
                f"top-{role}s",
                title % {"year": year},
                _("persons"),
                frame,
                label=label,
                source=stock_source(edition),
                provenance=f"/api/stock?edition={edition}&year={year}&{direction}={area}",
            )
        )
    return figures


def share_figure(con: duckdb.DuckDBPyConnection, area: int) -> Figure:
    """Immigrants as a share of the population."""
    frame = profile.stock_share(con, area=area)
    newest = _("%(source)s, newest edition") % {"source": _(STOCK)}
    source = stock_source(str(frame["edition"].iloc[0])) if not frame.empty else newest
    return series_figure(
        "share",
        _("Immigrants as a share of the population"),
        _("percent"),
        frame,
        [(_("Share"), "value")],
        source=_("%(source)s (Tables 1 and 2; Table 3 as published)") % {"source": source},
        provenance=f"/api/indicators/stock.share_of_population/areas/{area}",
    )


def refugee_figure(con: duckdb.DuckDBPyConnection, area: int) -> Figure:
    """Refugees hosted and refugees from the country."""
    return series_figure(
        "refugees",
        _("Refugees"),
        _("persons"),
        profile.refugees_over_time(con, area=area),
        [(_("Hosted here"), "hosted"), (_("From here"), "from_here")],
        source=_("UNHCR Refugee Population Statistics"),
        provenance=f"/api/indicators/refugees.by_origin/areas/{area}",
    )


def remittance_figure(con: duckdb.DuckDBPyConnection, area: int) -> Figure:
    """Remittances received and paid against official aid, with GDP beside them in the table
    (on the chart it would flatten the others; its ratio has its own figure)."""
    variables = ["remittances_received", "remittances_paid", "oda_received", "gdp"]
    wide = by_year(profile.series_values(con, area=area, variables=variables), "variable")
    return series_figure(
        "remittances",
        _("Remittances, aid and GDP"),
        "current US$",
        wide,
        [
            (_("Remittances received"), "remittances_received"),
            (_("Remittances paid"), "remittances_paid"),
            (_("Official aid received"), "oda_received"),
        ],
        table_only=[(_("GDP"), "gdp")],
        source=_(
            "World Bank World Development Indicators (net official aid can be below zero: "
            "repayments larger than new aid)"
        ),
        provenance=f"/api/indicators/remittances.received/areas/{area}",
    )


def indicator_over_time(
    con: duckdb.DuckDBPyConnection, code: str, area: int, years: list[int] | None = None
) -> pd.DataFrame:
    """``year, value`` of indicator ``code`` for ``area`` in each of ``years`` (default every
    year of the indicator) that can be computed, as the indicator API computes it; no rows when
    its source is not in the warehouse."""
    try:
        values = registry.series(con, code, area, years or None)
    except MigobsError:
        values = []
    return pd.DataFrame(
        [(v.year, v.value) for v in values if v.value is not None], columns=["year", "value"]
    )


def inputs_named(con: duckdb.DuckDBPyConnection, code: str, area: int) -> str:
    """The editions of indicator ``code``'s inputs in its newest year (``editions: wdi
    remittances_received 2025-07-01, wdi gdp 2024-10-24``), empty when it has none."""
    try:
        held = registry.years(con, code)
        return registry.compute(con, code, area, held[-1]).edition_label() if held else ""
    except MigobsError:
        return ""


def gdp_share_figure(con: duckdb.DuckDBPyConnection, area: int) -> Figure:
    """Remittances received as a share of GDP (SDG 17.3.2), each year both are published, with
    the edition of each input (the remittances and GDP extracts differ)."""
    editions = inputs_named(con, "sdg.17.3.2", area)
    return series_figure(
        "remittances-gdp",
        _("Remittances received as a share of GDP (SDG 17.3.2)"),
        _("percent of GDP"),
        indicator_over_time(con, "sdg.17.3.2", area),
        [(_("Share of GDP"), "value")],
        source=_(
            "World Bank World Development Indicators: personal remittances received / GDP "
            "(current US$) × 100"
        )
        + (f"; {editions}" if editions else ""),
        provenance=f"/api/indicators/sdg.17.3.2/areas/{area}",
    )


def missing_figure(con: duckdb.DuckDBPyConnection, area: int, name: str) -> Figure:
    """Dead and missing migrants recorded in the country's UNSD subregion and in the country
    itself (SDG 10.7.3, as the Compact table counts them), complete years only."""
    grouping = profile.subregion_of(con, area)
    frame = profile.missing_migrants_in(con, grouping) if grouping else pd.DataFrame()
    region = named_in_language(con, grouping) if grouping else None
    complete = registry.years(con, "sdg.10.7.3") if not frame.empty else []
    notes = []
    if not frame.empty:
        part = frame[frame["year"] > max(complete, default=0)]
        notes += [
            _(
                "%(year)s is a part year (the file was exported during it): %(count)s recorded "
                "in %(region)s so far, left out above."
            )
            % {"year": int(r["year"]), "count": number(r["dead_and_missing"]), "region": region}
            for r in part.to_dict("records")
        ]
        country = indicator_over_time(con, "sdg.10.7.3", area, complete)
        frame = frame[frame["year"].isin(complete)].merge(
            country.rename(columns={"value": "in_country"}), on="year", how="left"
        )
        notes.append(
            _(
                "The Compact table below (SDG 10.7.3) counts incidents in %(name)s itself; "
                "the %(region)s line counts every incident recorded in the subregion."
            )
            % {"name": name, "region": region}
        )
        notes += _above_grouping(con, area, name, complete)
    return series_figure(
        "missing",
        _("Dead and missing migrants in %(region)s and in %(name)s")
        % {"region": region or _("the region"), "name": name},
        _("persons"),
        frame,
        [
            (_("In %(place)s") % {"place": region}, "dead_and_missing"),
            (_("In %(place)s") % {"place": name}, "in_country"),
        ],
        source=_("IOM Missing Migrants Project (minimum estimates)"),
        provenance=f"/api/indicators/sdg.10.7.3/areas/{area}",
        empty=_("No Missing Migrants records for this region in the warehouse yet."),
        notes=notes,
    )


def named_in_language(con: duckdb.DuckDBPyConnection, english: str) -> str:
    """The area the warehouse calls ``english``, named in the current language."""
    row = con.execute("SELECT m49 FROM areas WHERE name = ? LIMIT 1", [english]).fetchone()
    return area_name(int(row[0]), None, english) if row else english


def _above_grouping(
    con: duckdb.DuckDBPyConnection, area: int, name: str, years: list[int]
) -> list[str]:
    """Why the country's line is above its region's in some years (a ``part-exceeds-whole``
    finding of the build): incidents in the country that IOM files under another grouping."""
    above = profile.missing_migrants_above_grouping(con, area)
    return [
        _(
            "In %(year)s %(name)s (%(in_country)s) is above %(grouping)s (%(in_grouping)s): IOM "
            "files each incident under the UNSD grouping of where it happened, and "
            "%(outside)s of the dead and missing in %(name)s are filed under %(listed_under)s, "
            "so they count in %(name)s but not in %(grouping)s."
        )
        % {
            "year": int(r["year"]),
            "name": name,
            "in_country": number(r["in_country"]),
            "grouping": named_in_language(con, r["grouping"]),
            "in_grouping": number(r["in_grouping"]),
            "outside": number(r["outside"]),
            "listed_under": r["listed_under"],
        }
        for r in above[above["year"].isin(years)].to_dict("records")
    ]
