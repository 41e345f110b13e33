"""Docs are kept true by tests: every indicator, verdict and testable claim is in the docs."""

from __future__ import annotations

from pathlib import Path

from migobs.claims.check import VERDICTS
from migobs.claims.ledger import ledger
from migobs.indicators import definitions

DOCS = Path(__file__).parents[2] / "docs"


def test_every_indicator_is_documented() -> None:
    text = (DOCS / "indicators.md").read_text(encoding="utf-8")
    missing = [code for code in definitions() if f"`{code}`" not in text]
    assert missing == [], f"add {missing} to docs/indicators.md"


def test_every_verdict_and_testable_claim_is_in_the_claims_doc() -> None:
    text = (DOCS / "claims.md").read_text(encoding="utf-8")
    assert all(f"**{verdict}**" in text for verdict in VERDICTS)
    missing = [claim.id for claim in ledger() if claim.query and f"| {claim.id} |" not in text]
    assert missing == [], f"add {missing} to the results table of docs/claims.md"


RATES = {"percent", "ratio", "per_100000"}


def test_every_definition_names_its_period_and_every_rate_its_weighting() -> None:
    """A figure says what time it is about; an average or ratio says how it weighs its units."""
    undated = [code for code, d in definitions().items() if not d.period]
    unweighted = [c for c, d in definitions().items() if d.unit in RATES and not d.weighting]
    assert (undated, unweighted) == ([], [])


def test_the_docs_give_each_indicators_period_and_weighting() -> None:
    text = " ".join((DOCS / "indicators.md").read_text(encoding="utf-8").split())
    missing = [
        code
        for code, d in definitions().items()
        if f"| `{code}` | {d.period} | {d.weighting or '–'} |" not in text
    ]
    assert missing == [], f"add the period and weighting of {missing} to docs/indicators.md"


def test_sdg_10_c_1_says_the_mean_of_what_over_which_quarters_weighted_how() -> None:
    found = definitions()
    annual, quarterly = found["sdg.10.c.1"], found["sdg.10.c.1.quarterly"]
    assert "annual mean of corridor-quarter averages" in annual.title
    assert "every quarter of the year held" in annual.formula
    assert "every corridor-quarter average weighs the same" in annual.weighting
    assert "7.09%" in annual.caveats and "Global Average" in annual.caveats
    assert "one quarter" in quarterly.formula
    assert "sdg.10.c.1.corridor_mean" not in found
