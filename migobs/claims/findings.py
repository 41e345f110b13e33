"""Findings: typed records of what a check noticed, with the observed and expected values.

``aggregate_findings`` compares, for every grouping, the aggregate a source publishes with the
same indicator computed from the grouping's member countries, and a computed figure with the
figure the source states for it (e.g. Table 3's percentage). Differences are findings, never
silent overrides.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import duckdb

from migobs.indicators import Value, table_every_code
from migobs.numbers import plain, signed

RELATIVE = 1e-4
"""Relative difference below which two figures are taken as the same (rounding in the files)."""


@dataclass(frozen=True)
class ValueFinding:
    """One thing a check noticed.

    Attributes
    ----------
    type: kebab-case kind: ``aggregate-differs-from-members`` or ``computed-differs-from-published``.
    title: one line.
    message: what was seen, with names and numbers.
    code, area, year, edition: the indicator value it is about.
    observed: the figure computed here (from members, or from the source's counts).
    expected: the figure the source publishes.
    rows: the cells involved (file, sheet, cell, value).
    """

    type: str
    title: str
    message: str
    code: str
    area: int
    year: int
    edition: str
    observed: float
    expected: float
    rows: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON)."""
        return asdict(self)


def _differs(a: float, b: float) -> bool:
    return not math.isclose(a, b, rel_tol=RELATIVE, abs_tol=0.5 if abs(b) > 1000 else 1e-9)


def _rows(value: Value) -> list[dict[str, Any]]:
    return [
        {"file": c.file, "sheet": c.sheet, "cell": c.cell, "value": c.value} for c in value.inputs
    ]


def _finding(
    value: Value, kind: str, title: str, message: str, observed: float, expected: float
) -> ValueFinding:
    where = f"{value.area_name} ({value.area}) {value.year}: {value.code} "
    return ValueFinding(
        kind, f"{value.code} {value.area_name} {value.year}: {title}", where + message,
        value.code, value.area, value.year, value.edition, observed, expected, _rows(value),
    )  # fmt: skip


def check_value(value: Value) -> list[ValueFinding]:
    """Findings about one value: its published aggregate vs its members, computed vs stated."""
    found = []
    figure, members, stated = value.value, value.from_members, value.published
    if figure is not None and members is not None and _differs(members, figure):
        found.append(
            _finding(
                value,
                "aggregate-differs-from-members",
                "published aggregate is not the sum of its members",
                f"is {plain(figure)} as published ({value.method}), {plain(members)} from its "
                f"member countries (difference {signed(figure - members)}).",
                members,
                figure,
            )  # fmt: skip
        )
    if figure is not None and stated is not None and _differs(figure, stated):
        found.append(
            _finding(
                value,
                "computed-differs-from-published",
                "computed figure is not the source's own",
                f"computed as {plain(figure)} ({value.method}); the source states {plain(stated)}.",
                figure,
                stated,
            )  # fmt: skip
        )
    return found


def aggregate_findings(
    con: duckdb.DuckDBPyConnection, code: str, year: int | None = None, edition: str | None = None
) -> list[ValueFinding]:
    """Findings for every area of indicator ``code`` in one year (largest relative gap first).

    Every code of a grouping is checked: M49's 150 Europe is summed from M49's members and
    compared with the row the source publishes for Europe (908).
    """
    values = table_every_code(con, code, year, edition)
    found = [f for value in values for f in check_value(value)]
    return sorted(found, key=lambda f: -abs(f.observed - f.expected) / (abs(f.expected) or 1.0))
