"""A country report: the newest figure of each headline indicator for one area, each with the
cells it was computed from, and what the Compact's objectives can measure from the data held."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from migobs.errors import MigobsError
from migobs.i18n import current
from migobs.i18n.areas import area_name
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.i18n.texts import indicator_title
from migobs.indicators import (
    Definition,
    ObjectiveCoverage,
    Value,
    compute,
    definitions,
    has_data,
    objective_coverage,
    years,
)
from migobs.m49 import m49_text
from migobs.reports.trends import Trend, trends
from migobs.warehouse.read import listing
from migobs.warehouse.read.groupings import Area, area

SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        N_("Migrants living here"),
        ("stock.total", "stock.female_share", "stock.share_of_population", "stock.change_pct"),
    ),
    (N_("People born here living abroad"), ("stock.emigrants", "refugees.by_origin", "sdg.10.7.4")),
    (
        N_("Remittances"),
        ("remittances.received", "sdg.17.3.2", "remittances.paid", "remittances.vs_oda"),
    ),
    (N_("The cost of sending money"), ("sdg.10.c.1", "sdg.10.c.1.sending")),
)
"""The report's sections and the indicators each shows, in order."""

LOOKBACK = 12
"""How many of an indicator's newest years are tried for a value before the report says none."""


@dataclass(frozen=True)
class Headline:
    """One indicator in the report: its newest value for the area, or why there is none."""

    definition: Definition
    value: Value | None
    note: str


@dataclass(frozen=True)
class CountryReport:
    """Everything a country report says, as data (rendered by :func:`migobs.reports.markdown`).

    Attributes
    ----------
    area: the country or grouping.
    build_id: the warehouse build the figures come from (``None`` for a warehouse without one).
    sections: (title, headlines) in report order.
    objectives: for each Compact objective, the linked indicators the data can and cannot measure.
    files: the official files the figures were read from: name → source, edition, URL, sha256,
        licence and citation.
    iso2: the area's ISO 3166 alpha-2 code, which names it in other languages (CLDR).
    trends: the series the PDF draws as charts (not in :meth:`as_dict`).
    """

    area: Area
    build_id: str | None
    sections: tuple[tuple[str, tuple[Headline, ...]], ...]
    objectives: tuple[ObjectiveCoverage, ...]
    files: dict[str, dict[str, Any]]
    iso2: str | None = None
    trends: tuple[Trend, ...] = ()

    @property
    def name(self) -> str:
        """The area's name in the current language (docs/languages.md)."""
        return area_name(self.area.m49, self.iso2, self.area.name)

    def as_dict(self) -> dict[str, Any]:
        """The report as plain data for JSON, every value with its input cells."""
        return {
            "area": {"m49": m49_text(self.area.m49), "iso3": self.area.iso3, "name": self.name},
            "language": current.get(),
            "build_id": self.build_id,
            "sections": [
                {
                    "title": _(title),
                    "headlines": [
                        {
                            "code": h.definition.code,
                            "title": indicator_title(h.definition.code, h.definition.title),
                            "value": None if h.value is None else h.value.as_dict(),
                            "note": h.note,
                        }
                        for h in headlines
                    ],
                }
                for title, headlines in self.sections
            ],
            "objectives": [
                {
                    "objective": o.objective,
                    "measurable": [link.name for link in o.measurable],
                    "not_measurable": [link.name for link in o.not_measurable],
                }
                for o in self.objectives
            ],
            "files": self.files,
        }


def newest(con: duckdb.DuckDBPyConnection, code: str, m49: int) -> Headline:
    """The newest year in which indicator ``code`` has a value for area ``m49``.

    Tries the indicator's newest :data:`LOOKBACK` years of its newest edition, newest first; when
    none has a value the headline says why (the last computation's note).
    """
    definition = definitions()[code]
    try:
        held = years(con, code)
    except MigobsError as error:
        return Headline(definition, None, str(error))
    note = "the warehouse holds no year of this indicator"
    for year in reversed(held[-LOOKBACK:]):
        value = compute(con, code, m49, year)
        if value.value is not None:
            return Headline(definition, value, value.note)
        note = value.note or f"no value for {year}"
    return Headline(definition, None, note)


def country_report(con: duckdb.DuckDBPyConnection, m49: int) -> CountryReport:
    """The report for area ``m49`` (a country, or any grouping of the area model).

    Raises
    ------
    ValueNotFound
        The warehouse has no such area.
    """
    place = area(con, m49)
    sections = tuple(
        (title, tuple(newest(con, code, m49) for code in codes)) for title, codes in SECTIONS
    )
    cited = {
        cell.file
        for _, headlines in sections
        for headline in headlines
        if headline.value is not None
        for cell in headline.value.inputs
    }
    files = listing.source_files(con)
    return CountryReport(
        area=place,
        build_id=listing.build_id(con),
        sections=sections,
        objectives=tuple(objective_coverage(has_data(con))),
        iso2=(listing.area(con, m49) or {}).get("iso2"),
        trends=trends(con, m49),
        files={
            str(row["name"]): {
                key: str(row[key])
                for key in ("source", "edition", "url", "sha256", "licence", "citation")
            }
            for row in files.to_dict("records")
            if row["name"] in cited
        },
    )
