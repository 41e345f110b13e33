"""A figure of the dashboard: a chart, the same numbers as a table, its source and provenance."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
from markupsafe import Markup

from migobs.charts.format import quantity, unit_words
from migobs.charts.svg import Series, bar_chart, line_chart
from migobs.http.lists import records
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _

NO_VALUES = N_("No values in the warehouse yet.")
"""What a figure says when the warehouse has none of its values (translated when shown)."""


@dataclass(frozen=True)
class Figure:
    """What a page shows for one question, with or without data.

    ``columns`` are (label, key) pairs of ``rows``; ``provenance`` is the URL that traces the
    figure's values to their files and cells; ``empty`` says what is missing when there are no
    rows.
    """

    ident: str
    title: str
    chart: Markup | None
    columns: list[tuple[str, str]]
    rows: list[dict[str, Any]]
    source: str
    provenance: str | None = None
    empty: str = ""
    notes: list[str] = field(default_factory=list)
    lone: Markup | None = None
    """In place of a chart when there is one year only: its value(s) in large type."""


def series_figure(
    ident: str,
    title: str,
    unit: str,
    frame: pd.DataFrame,
    columns: Sequence[tuple[str, str]],
    *,
    source: str,
    provenance: str | None = None,
    empty: str = NO_VALUES,
    table_only: Sequence[tuple[str, str]] = (),
    notes: Sequence[str] = (),
) -> Figure:
    """A line per (label, column) of ``frame`` over its ``year`` column, and the table (with
    the ``table_only`` columns too: figures on another scale, shown beside the lines)."""
    lines = [
        Series(label, tuple((int(r["year"]), float(r[key])) for r in _rows(frame, key)))
        for label, key in columns
    ]
    lines = [s for s in lines if s.points]
    years = {year for s in lines for year, _ in s.points}
    # One year is a figure, not a line: the chart would be a lone dot on an empty axis.
    chart = line_chart(lines, title=title, unit=unit, ident=ident) if len(years) > 1 else None
    lone = _lone(lines, unit) if len(years) == 1 else None
    if lone is not None:
        notes = [*notes, _("One year only (%(year)s): no line to draw.") % {"year": min(years)}]
    shown = [*columns, *table_only]
    table_columns = [
        (_("Year"), "year"),
        *((f"{label} ({unit_words(unit)})", key) for label, key in shown),
    ]
    return Figure(
        ident=ident,
        title=title,
        chart=chart,
        columns=[c for c in table_columns if c[1] == "year" or c[1] in frame.columns],
        rows=_records(
            newest_first(_with_values(frame, [k for _, k in shown])),
            ["year", *(k for _, k in shown)],
        )
        if lines
        else [],
        source=source,
        provenance=provenance,
        empty=_(empty),
        notes=list(notes),
        lone=lone,
    )


def _lone(lines: Sequence[Series], unit: str) -> Markup:
    """Each series' one value with its unit (money in words), named by its label."""
    items = Markup("").join(
        Markup('<dt>{}</dt><dd class="figure-now">{}</dd>').format(
            s.label, quantity(s.points[0][1], unit_words(unit))
        )
        for s in lines
    )
    return Markup('<dl class="lone">{}</dl>').format(items)


def bars_figure(
    ident: str,
    title: str,
    unit: str,
    frame: pd.DataFrame,
    *,
    label: str,
    source: str,
    provenance: str | None = None,
    empty: str = NO_VALUES,
) -> Figure:
    """Horizontal bars of ``frame``'s ``value`` by its ``name`` column, and the table."""
    items = [(str(r["name"]), float(r["value"])) for r in _rows(frame, "value")]
    return Figure(
        ident=ident,
        title=title,
        chart=bar_chart(items, title=title, unit=unit, ident=ident) if items else None,
        columns=[(label, "name"), (_("Value (%(unit)s)") % {"unit": unit_words(unit)}, "value")],
        rows=_records(frame, ["name", "value"]),
        source=source,
        provenance=provenance,
        empty=_(empty),
    )


def by_year(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """One row per year, one column per value of ``column`` (mean of repeated values)."""
    if frame.empty:
        return pd.DataFrame(columns=["year"])
    means = frame.groupby(["year", column], sort=True)["value"].mean()
    wide = means.unstack(column)
    wide.columns = [str(c) for c in wide.columns]
    return wide.reset_index()


def newest_first(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its newest year on top, where a reader looks first."""
    return frame.sort_values("year", ascending=False, kind="stable") if "year" in frame else frame


def _with_values(frame: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """The rows of ``frame`` with a value in at least one of ``keys`` (a year that only another
    figure of the same frame has would be a row of dashes)."""
    present = [k for k in keys if k in frame.columns]
    return frame.dropna(how="all", subset=present) if present else frame


def _rows(frame: pd.DataFrame, key: str) -> list[dict[str, Any]]:
    if frame.empty or key not in frame.columns:
        return []
    return [r for r in records(frame) if r[key] is not None]


def _records(frame: pd.DataFrame, keys: list[str]) -> list[dict[str, Any]]:
    present = [k for k in keys if k in frame.columns]
    if frame.empty or not present:
        return []
    return records(frame[present])
