"""Verdicts of claims: judged at the claim's own precision, never raising for a failed claim."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import yaml

from migobs.claims.check import evaluate_one, explained, judge
from migobs.claims.ledger import Claim, ledger

CLAIM = Claim(
    id="T1", text="About 9 thousand migrants.", documents=("test",), stated=9000, unit="persons",
    reference_year=2017, precision=1000, comparison="about", tolerance=600, author_source="test",
    query={"indicator": "stock.total", "area": 900, "year": 2017, "edition": "2017"},
)  # fmt: skip


@pytest.mark.parametrize(
    ("stated", "computed", "verdict"),
    [(258e6, 257_715_425, "reproduced"), (48, 49.31, "differs"), (600e9, 591.36e9, "close")],
)
def test_judge_rounds_at_the_claims_precision(stated: float, computed: float, verdict: str) -> None:
    claim = replace(CLAIM, stated=stated, precision=1e6 if stated > 1e8 else 1, tolerance=1)
    if stated == 600e9:
        claim = replace(claim, precision=1e10, tolerance=2e10)
    assert judge(claim, computed)[0] == verdict


def test_more_than() -> None:
    claim = replace(CLAIM, comparison="more_than", stated=20_000, tolerance=1000)
    assert judge(claim, 26_400)[0] == "reproduced"
    assert judge(claim, 19_137)[0] == "close"
    assert judge(claim, 15_000)[0] == "differs"


def test_evaluate_computes_from_the_warehouse_with_then_and_now(
    con: duckdb.DuckDBPyConnection,
) -> None:
    result = evaluate_one(con, CLAIM)
    assert (result.computed, result.verdict) == (8600, "reproduced")
    assert result.now is not None and (result.now.edition, result.now.year) == ("2020", 2020)
    assert result.now.value == 9000
    record = result.as_dict()
    assert record["inputs"][0]["cell"] == "L17"
    assert record["inputs"][0]["file"] == "UN_MigrantStockTotal_2017.xlsx"


def test_a_claim_that_cannot_be_computed_is_a_result_not_an_error(
    con: duckdb.DuckDBPyConnection,
) -> None:
    broken = replace(CLAIM, query={**CLAIM.query, "edition": "1999"})
    result = evaluate_one(con, broken)
    assert (result.verdict, result.computed) == ("not_testable", None)
    assert "1999" in result.reason


REFERENCE = Path(__file__).parents[1] / "reference" / "report_claims.yaml"


def test_the_ledger_holds_every_claim_of_the_reference_file() -> None:
    reference = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    entries = reference["claims"] + reference["related_claims_other_documents"]
    assert [claim.id for claim in ledger()] == [entry["id"] for entry in entries]
    for claim in ledger():
        assert bool(claim.query) != bool(claim.not_testable), claim.id


def test_a_reason_cites_figures_computed_from_its_queries(con: duckdb.DuckDBPyConnection) -> None:
    world = {"indicator": "stock.total", "area": 900, "year": 2017, "edition": "2017"}
    claim = replace(
        CLAIM,
        why="The world has {world:,.0f} ({thousands:.1f} thousand).",
        figures={"world": world, "thousands": {**world, "per": 1000}},
    )
    assert explained(con, claim) == "The world has 8,600 (8.6 thousand)."
    broken = replace(claim, figures={**claim.figures, "world": {**world, "year": 1900}})
    assert (
        explained(con, broken)
        == "The world has (a figure it cites, stock.total, is not computable)"
    )
