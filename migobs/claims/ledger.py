"""The claims ledger (``ledger.yml``) as typed records.

Its words (``text``, ``author_source``, ``why``, ``not_testable``, the labels of
``alternatives``) are the English of the ledger, which the API and the CLI give; each also
carries the translations kept in ``migobs/i18n/claim_texts.yml``
(:class:`~migobs.i18n.messages.Said`), which the claims page shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from migobs.i18n.texts import claim_text
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Claim:
    """One claim of the ledger.

    Attributes
    ----------
    id: the claim's id in report_claims.yaml, e.g. ``C01``.
    text, documents: what was claimed, and where.
    stated: the figure as stated, in ``unit`` (``None`` for qualitative claims).
    reference_year: the year the claim is about.
    precision: the rounding unit the claim was stated with (258 million → 1,000,000).
    comparison: ``about`` (must round to the stated figure) or ``more_than``.
    tolerance: absolute gap, in ``unit``, still judged close.
    author_source: the source and edition the author would have used.
    query: the indicator query (indicator, area, year, edition and options); empty when the
        claim cannot be tested from open data.
    why: what explains a gap between the stated and computed figures; a template whose
        ``{name}`` fields are filled from ``figures`` (format specs allowed: ``{lmy:.1f}``).
    figures: name → indicator query (as ``query``, plus an optional ``per`` to divide by) for
        the figures ``why`` cites, so that they follow the data.
    alternatives: other readings of the claim (another grouping or denominator), each an
        indicator query with a ``label`` saying what it compares; judged claims show each with
        its number beside the like-for-like figure of ``query``.
    not_testable: why the claim cannot be tested and what would be needed; empty otherwise.
    """

    id: str
    text: str
    documents: tuple[str, ...]
    stated: float | None
    unit: str
    reference_year: int
    precision: float | None
    comparison: str
    tolerance: float
    author_source: str
    query: dict[str, Any] = field(default_factory=dict)
    why: str = ""
    not_testable: str = ""
    figures: dict[str, dict[str, Any]] = field(default_factory=dict)
    alternatives: tuple[dict[str, Any], ...] = ()


@cache
def ledger() -> tuple[Claim, ...]:
    """Every claim of ``ledger.yml``, in order."""
    raw = read_yaml(HERE / "ledger.yml")
    return tuple(_claim(entry) for entry in raw["claims"])


def _claim(entry: dict[str, Any]) -> Claim:
    key = entry["id"]
    return Claim(
        id=key,
        text=claim_text(key, "text", entry["text"]),
        documents=tuple(entry["documents"]),
        stated=entry["stated"],
        unit=entry["unit"],
        reference_year=int(entry["reference_year"]),
        precision=entry.get("precision"),
        comparison=entry.get("comparison", "about"),
        tolerance=float(entry.get("tolerance", 0)),
        author_source=claim_text(key, "author_source", entry["author_source"]),
        query=dict(entry.get("query", {})),
        why=claim_text(key, "why", entry.get("why", "")),
        not_testable=claim_text(key, "not_testable", entry.get("not_testable", "")),
        figures={name: dict(query) for name, query in entry.get("figures", {}).items()},
        alternatives=tuple(
            {**query, "label": claim_text(key, "alternatives", query["label"], index)}
            for index, query in enumerate(entry.get("alternatives", []))
        ),
    )
