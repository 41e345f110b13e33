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
