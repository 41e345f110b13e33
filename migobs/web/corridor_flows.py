"""The corridor page's estimated flows: each way per period, in persons and persons a year,
with the ensemble's interval where one was run and the periods whose fits missed a margin."""

from __future__ import annotations

import json
from typing import Any

import duckdb
import pandas as pd
from markupsafe import Markup

from migobs.charts.format import number
from migobs.charts.svg import Series, line_chart
from migobs.flows.diagnostics import fit_summary
from migobs.http.lists import records
from migobs.i18n.areas import localised
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.warehouse.read import flows, listing
from migobs.web.figures import Figure

FIT = {True: N_("converged"), False: N_("NOT converged")}
"""How the table says whether a period's fits converged (translated on the page)."""


def estimated_flows(
    con: duckdb.DuckDBPyConnection, origin: int, destination: int, names: tuple[str, str]
) -> Figure:
    """Estimated flows origin → destination and back per period (the newest edition with runs,
    both sexes): period totals beside annual averages (periods differ in length), the chart in
    annual averages, periods whose fits missed a margin marked; or what to run when none are
    stored."""
    runs = flows.run_index(con)
    runs = runs[runs["sex"] == "total"]
    title = _("Estimated migration flows, each way, per period")
    there, back = f"{names[0]} → {names[1]}", f"{names[1]} → {names[0]}"
    persons, per_year = _("persons"), _("persons a year")
    columns = [
        (_("Period"), "period"),
        (_("Years"), "years"),
        (f"{there} ({persons})", "to_destination"),
        (f"{there} ({per_year})", "to_destination_per_year"),
        (f"{back} ({persons})", "to_origin"),
        (f"{back} ({per_year})", "to_origin_per_year"),
        (_("Net (persons)"), "net"),
        (_("Estimate"), "fit"),
    ]
    if runs.empty:
        empty = _(
            "No flow estimates are stored in the warehouse yet. Make them with "
            "`migobs flows run --edition 2017` (a few seconds); they then appear here."
        )
        return Figure("estimated-flows", title, None, columns, [], _("none stored"), empty=empty)
    edition = sorted(set(runs["edition"]))[-1]
    runs = runs[runs["edition"] == edition]
    method = sorted(set(runs["method"]))[0]
    chosen = {"edition": edition, "method": method, "sex": "total"}
    rows = records(flows.corridor_flows(con, origin, destination, filters=chosen, limit=1000).rows)
    fits = _fits(con, chosen)
    for row in rows:
        row["fit"] = _(FIT[bool(row["converged"])])
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
        columns.append(
            (_("%(corridor)s, 90%% interval (persons)") % {"corridor": there}, "interval")
        )
        for row in rows:
            row["interval"] = _interval(row.get("lower"), row.get("upper"))
    demography = ", ".join(
        d.replace("wpp/", "UN World Population Prospects ") for d in sorted(set(runs["demography"]))
    )
    chart_title = _("Estimated migration flows, each way, persons a year (average of each period)")
    return Figure(
        ident="estimated-flows",
        title=title,
        chart=line_chart(lines, title=chart_title, unit="persons a year", ident="estimated-flows")
        if rows
        else None,
        columns=columns,
        rows=rows[::-1],  # the newest period first, where a reader looks
        source=_(
            "estimated by %(method)s from UN DESA International Migrant Stock %(edition)s "
            "(origin × destination) and %(demography)s"
        )
        % {"method": method.replace("-", " "), "edition": edition, "demography": demography},
        provenance=api,
        empty=_("The flow estimates from UN DESA %(edition)s do not cover both countries.")
        % {"edition": edition},
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
    return _("%(low)s to %(high)s") % {"low": number(low), "high": number(high)}


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
        _(
            "Persons estimated to have moved during each period, derived from the change in "
            "stocks between two years with births and deaths; an estimate, not a count (the "
            "method: /methods/flows). The chart shows each period's annual average (its total "
            "divided by its years), plotted at its last year, so periods of different length "
            "compare. Where a flow ensemble was run, the shaded band is its 90%% interval "
            "(redrawn inputs; see the method's section on uncertainty)."
        )
        % {}
    ]
    lengths = {r["period"]: r["years"] for r in rows}
    longest = max(lengths.values(), default=0)
    short = [
        _("%(period)s (%(count)s years)") % {"period": p, "count": n}
        for p, n in lengths.items()
        if n < longest
    ]
    if short:
        notes.append(
            _(
                "Shorter than the %(longest)s-year periods: %(periods)s; compare its persons a "
                "year, not its total."
            )
            % {"longest": longest, "periods": ", ".join(short)}
        )
    notes += [
        _("%(period)s did not converge — %(why)s; read its flows with care.")
        % {"period": period, "why": text.removeprefix("NOT converged: ")}
        for period, text in fits.items()
        if period in lengths
    ]
    notes.append(
        Markup(
            '{2} <a href="{0}">JSON</a> · <a href="{0}&amp;format=csv">CSV</a> · '
            '<a href="{0}&amp;converged=true">{3}</a> · '
            '<a href="/api/flows/runs?edition={1}">{4}</a>'
        ).format(
            api,
            edition,
            _("As data:"),
            _("converged periods only"),
            _("each run's options and diagnostics"),
        )
    )
    return notes


def _short(con: duckdb.DuckDBPyConnection, code: int) -> str:
    """An area's ISO3 code, or its name when it has none (for labels beside a chart)."""
    record = listing.area(con, code)
    return str(record.get("iso3") or localised(record)) if record else str(code)
