"""The Global Compact's 23 objectives on a country profile: each linked indicator's newest value
for the country where the warehouse can measure it, and why not where it cannot."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from migobs.errors import MigobsError
from migobs.i18n.messages import gettext as _
from migobs.i18n.messages import said_of
from migobs.i18n.phrases import said
from migobs.indicators import registry
from migobs.indicators.definitions import definitions
from migobs.indicators.gcm import objective_coverage


@dataclass(frozen=True)
class Measure:
    """One indicator of an objective for one country."""

    code: str
    area: int
    title: str
    year: int | None
    value: float | None
    unit: str
    note: str

    @property
    def provenance(self) -> str | None:
        """The API route giving the value's cells, when there is a value."""
        if self.year is None or self.value is None:
            return None
        return f"/api/indicators/{self.code}/areas/{self.area}?year={self.year}"


@dataclass(frozen=True)
class ObjectiveRow:
    """An objective with what can be measured for the country and what cannot."""

    objective: int
    measures: list[Measure]
    not_measurable: list[tuple[str, str]]  # (indicator, reason)


def measure(con: duckdb.DuckDBPyConnection, code: str, area: int, tries: int = 12) -> Measure:
    """The value of indicator ``code`` for ``area`` in the newest year that can be computed
    (looking back at most ``tries`` years: the newest years of a ratio often lack its
    denominator), or a note saying why there is none."""
    definition = definitions()[code]
    notes = []
    try:
        for year in reversed(registry.years(con, code)[-tries:]):
            value = registry.compute(con, code, area, year)
            if value.value is not None:
                return Measure(
                    code, area, definition.title, year, value.value, definition.unit, value.note
                )
            notes.append(value.note)
    except (MigobsError, TypeError) as error:
        notes.append(said_of(error))
    note = next((n for n in notes if n), _("no value in the warehouse"))
    return Measure(code, area, definition.title, None, None, definition.unit, _short(said(note)))


def compact_rows(con: duckdb.DuckDBPyConnection, area: int) -> list[ObjectiveRow]:
    """Every objective of the Compact for ``area``; each indicator computed once."""
    measured: dict[str, Measure] = {}
    rows = []
    for coverage in objective_coverage():
        codes = [
            c for link in coverage.measurable for c in link.measured_by if c in registry.REGISTRY
        ]
        for code in codes:
            if code not in measured:
                measured[code] = measure(con, code, area)
        rows.append(
            ObjectiveRow(
                objective=coverage.objective,
                measures=[measured[c] for c in dict.fromkeys(codes)],
                not_measurable=[(link.name, link.reason) for link in coverage.not_measurable],
            )
        )
    return rows


def _short(text: str, size: int = 120) -> str:
    return text if len(text) <= size else text[: size - 1] + "…"
