"""Evaluate the claims ledger against the warehouse: stated vs computed, a verdict, the inputs.

A claim that fails is a result, not an exception: ``evaluate`` never raises for a claim.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, Literal, get_args

import duckdb

from migobs.claims.ledger import Claim, ledger
from migobs.errors import MigobsError
from migobs.i18n.messages import N_, Said, said_of
from migobs.i18n.texts import figure_said, filled
from migobs.indicators import Context, Value, compute_in, years
from migobs.m49 import query_as_text
from migobs.numbers import brief, plain, signed

Verdict = Literal["reproduced", "close", "differs", "not_testable"]
VERDICTS: tuple[Verdict, ...] = get_args(Verdict)


@dataclass(frozen=True)
class ClaimFigure:
    """The claim's indicator recomputed on another edition or year ('then and now')."""

    edition: str
    year: int
    value: float | None

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict."""
        return {"edition": self.edition, "year": self.year, "value": self.value}


@dataclass(frozen=True)
class Alternative:
    """Another reading of a claim (another grouping or denominator) with its number.

    Attributes
    ----------
    label: what it compares, in words.
    query: its indicator query.
    value: the figure, ``None`` when the data do not allow it.
    """

    label: str
    query: dict[str, Any]
    value: float | None

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict."""
        return {"label": self.label, "query": query_as_text(self.query), "value": self.value}


@dataclass(frozen=True)
class ClaimResult:
    """A claim judged.

    Attributes
    ----------
    claim: the ledger entry.
    computed: the figure computed from the warehouse (``None`` when not testable).
    verdict: reproduced, close, differs or not_testable.
    reason: the gap and its explanation, or what would be needed to test the claim.
    value: the indicator value behind ``computed`` (inputs, method), ``None`` when not testable.
    revised: the same query on the newest edition held, for the claim's year (when it has it).
    now: the same query on the newest edition and its newest year.
    alternatives: the claim's other readings, each with its number (the ledger's
        ``alternatives``).
    """

    claim: Claim
    computed: float | None
    verdict: Verdict
    reason: str
    value: Value | None = None
    revised: ClaimFigure | None = None
    now: ClaimFigure | None = None
    alternatives: tuple[Alternative, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The public JSON shape: id, stated, computed, verdict, inputs (+ context)."""
        c = self.claim
        return {
            "id": c.id,
            "claim": c.text,
            "documents": list(c.documents),
            "stated": c.stated,
            "unit": c.unit,
            "reference_year": c.reference_year,
            "precision": c.precision,
            "computed": self.computed,
            "verdict": self.verdict,
            "reason": self.reason,
            "author_source": c.author_source,
            "query": query_as_text(c.query) if c.query else c.query,
            "indicator_unit": self.value.unit if self.value else None,
            "method": self.value.method if self.value else None,
            "edition": self.value.edition if self.value else None,
            "input_editions": [
                e.as_dict() for e in (self.value.input_editions if self.value else ())
            ],
            "inputs": [
                {**cell.as_dict(), "row" if cell.cell.startswith("row") else "cell": cell.cell}
                for cell in (self.value.inputs if self.value else ())
            ],
            "revised": self.revised.as_dict() if self.revised else None,
            "now": self.now.as_dict() if self.now else None,
            "alternatives": [alternative.as_dict() for alternative in self.alternatives],
        }


def judge(claim: Claim, computed: float) -> tuple[Verdict, str]:
    """Verdict and reason for ``computed`` against the claim's stated figure and precision (the
    reason is English, said in other languages on a page: :class:`Said`)."""
    stated = float(claim.stated or 0)
    gap = computed - stated
    if claim.comparison == "more_than":
        if computed > stated:
            more = N_("%(computed)s is more than %(stated)s")
            computed_, stated_ = figure_said(plain(computed)), figure_said(plain(stated))
            return "reproduced", Said(more, computed=computed_, stated=stated_)
        kind: Verdict = "close" if -gap <= claim.tolerance else "differs"
        short = Said(
            N_("%(computed)s is not more than %(stated)s (gap %(gap)s)."),
            computed=figure_said(plain(computed)),
            stated=figure_said(plain(stated)),
            gap=figure_said(signed(gap)),
        )
        return kind, _with_why(short, claim.why)
    precision = claim.precision or 1.0
    rounded = round(computed / precision) * precision
    if math.isclose(rounded, stated, rel_tol=1e-9, abs_tol=precision * 1e-9):
        values = {"computed": figure_said(brief(computed)), "stated": figure_said(brief(stated))}
        if not claim.why:
            return "reproduced", Said(
                N_("%(computed)s rounds to %(stated)s at the claim's precision"), **values
            )
        said = Said(N_("%(computed)s rounds to %(stated)s at the claim's precision."), **values)
        return "reproduced", _with_why(said, claim.why)
    kind = "close" if abs(gap) <= claim.tolerance else "differs"
    short = Said(
        N_(
            "%(computed)s rounds to %(rounded)s, not %(stated)s (gap %(gap)s; close means within "
            "%(tolerance)s)."
        ),
        computed=figure_said(brief(computed)),
        rounded=figure_said(brief(rounded)),
        stated=figure_said(brief(stated)),
        gap=figure_said(("+" if gap > 0 else "") + brief(gap)),
        tolerance=figure_said(brief(claim.tolerance)),
    )
    return kind, _with_why(short, claim.why)


def _with_why(short: Said, why: str) -> Said:
    """A verdict's sentence followed by the claim's explanation of the gap, if it has one."""
    return Said.joined([short, why], separator=" ") if why else short


def evaluate_one(
    con: duckdb.DuckDBPyConnection, claim: Claim, context: Context | None = None
) -> ClaimResult:
    """Judge one claim; a claim whose computation fails is ``not_testable`` with the error.

    ``context`` keeps the reads of figures computed live (options the build did not store) for
    the next claims."""
    ctx = Context(con) if context is None else context
    if claim.not_testable or not claim.query:
        return ClaimResult(claim, None, "not_testable", claim.not_testable)
    query = dict(claim.query)
    code, area, year = query.pop("indicator"), query.pop("area"), query.pop("year")
    edition = query.pop("edition", None)
    try:
        value = compute_in(ctx, code, area, year, edition, **query)
    except MigobsError as error:
        failed = Said(N_("cannot compute %(code)s: %(error)s"), code=code, error=said_of(error))
        return ClaimResult(claim, None, "not_testable", failed)
    if value.value is None:
        return ClaimResult(claim, None, "not_testable", value.note, value)
    verdict, reason = judge(replace(claim, why=explained(con, claim, ctx)), value.value)
    try:
        revised, now = then_and_now(con, code, area, year, query, ctx)
    except MigobsError:
        revised, now = None, None
    others = tuple(
        Alternative(spec["label"], _query(spec), figure(con, _query(spec), ctx))
        for spec in claim.alternatives
    )
    return ClaimResult(claim, value.value, verdict, reason, value, revised, now, others)


def _query(spec: dict[str, Any]) -> dict[str, Any]:
    return {key: item for key, item in spec.items() if key != "label"}


def figure(
    con: duckdb.DuckDBPyConnection, spec: dict[str, Any], context: Context | None = None
) -> float | None:
    """The value of an indicator query (``indicator``, ``area``, ``year``, optional ``edition``,
    ``per`` to divide by, and options); ``None`` when it cannot be computed."""
    query = dict(spec)
    per = float(query.pop("per", 1))
    code, area, year = query.pop("indicator"), query.pop("area"), query.pop("year")
    edition = query.pop("edition", None)
    ctx = Context(con) if context is None else context
    try:
        found = compute_in(ctx, code, area, year, edition, **query).value
    except MigobsError:
        return None
    return None if found is None else found / per


def explained(con: duckdb.DuckDBPyConnection, claim: Claim, context: Context | None = None) -> str:
    """The claim's ``why`` with its ``{name}`` fields filled from its ``figures`` queries.

    A figure that cannot be computed makes the text say so instead of giving a number.
    """
    values: dict[str, float] = {}
    for name, spec in claim.figures.items():
        found = figure(con, spec, context)
        if found is None:
            missing = Said(
                N_("(a figure it cites, %(code)s, is not computable)"), code=spec["indicator"]
            )
            return Said.joined([_opening(claim.why), missing], separator="")
        values[name] = found
    return filled(claim.why, values)


def _opening(why: str) -> str:
    """``why`` up to its first ``{field}``, in each language it is kept in."""
    english = why.split("{")[0]
    if not isinstance(why, Said) or not why.others:
        return english
    return Said.kept(english, {lang: text.split("{")[0] for lang, text in why.others.items()})


def then_and_now(
    con: duckdb.DuckDBPyConnection,
    code: str,
    area: int,
    year: int,
    options: dict[str, Any],
    context: Context | None = None,
) -> tuple[ClaimFigure | None, ClaimFigure | None]:
    """The query on the newest edition for the claim's year, and for its newest year with a value
    (of the last five)."""
    ctx = Context(con) if context is None else context
    newest = compute_in(ctx, code, area, year, None, **options)
    revised = ClaimFigure(newest.edition, year, newest.value) if newest.value is not None else None
    for year_ in reversed(years(con, code, newest.edition)[-5:]):
        latest = compute_in(ctx, code, area, year_, newest.edition, **options)
        if latest.value is not None:
            return revised, ClaimFigure(latest.edition, year_, latest.value)
    return revised, None


def evaluate(con: duckdb.DuckDBPyConnection) -> list[ClaimResult]:
    """Every claim of the ledger judged against the warehouse, in ledger order."""
    context = Context(con)
    return [evaluate_one(con, claim, context) for claim in ledger()]
