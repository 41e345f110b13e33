"""The claims ledger on the warehouse built from the mirror: computed figures to the precision
the data give, verdicts, and the same claims on the newest data ('then and now')."""

from __future__ import annotations

from pathlib import Path

import pytest

from migobs.claims.check import ClaimResult, evaluate
from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def results(built_warehouse: Path) -> dict[str, ClaimResult]:
    with open_warehouse(built_warehouse) as con:
        return {result.claim.id: result for result in evaluate(con)}


@pytest.mark.parametrize(
    ("claim", "computed", "verdict"),
    [
        ("C01", 257_715_425, "reproduced"),
        ("C02", 100 * (257_715_425 / 172_604_257 - 1), "differs"),
        ("C03", 100 * 257_715_425 / 7_550_262_101, "reproduced"),
        ("C05", 591_357_015_219.397, "close"),
        ("C06", 428_863_109_389.402 / 164_284_218_750, "reproduced"),
        ("C07", 100 * 124_636_567 / 257_715_425, "reproduced"),
        ("C10", 26_400, "reproduced"),
        ("C11", 6_284, "reproduced"),
        ("R01", 428_863_109_389.402, "differs"),
    ],
)
def test_computed_figures_and_verdicts(
    results: dict[str, ClaimResult], claim: str, computed: float, verdict: str
) -> None:
    result = results[claim]
    assert result.computed == pytest.approx(computed, rel=1e-12)
    assert result.verdict == verdict


def test_c06_compares_like_for_like_and_shows_the_world_reading_as_an_alternative(
    results: dict[str, ClaimResult],
) -> None:
    """Remittances to low- and middle-income countries over the aid those countries receive
    (2.61); the world-over-world reading (3.59) stays, with its number, as an alternative."""
    record = results["C06"].as_dict()
    assert record["query"]["area"] == "9122"
    assert [(a["query"]["area"], round(a["value"], 4)) for a in record["alternatives"]] == [
        ("900", round(591_357_015_219.397 / 164_784_265_625, 4))
    ]
    assert "USD 428.9 bn" in record["reason"] and "USD 164.3 bn" in record["reason"]
    assert [(e["variable"], e["edition"]) for e in record["input_editions"]] == [
        ("remittances_received", "2025-07-01"),
        ("oda_received", "2025-10-07"),
    ]


def test_claims_open_data_cannot_test_say_what_would_be_needed(
    results: dict[str, ClaimResult],
) -> None:
    untestable = sorted(k for k, r in results.items() if r.verdict == "not_testable")
    assert untestable == ["C04", "C08", "C09", "C12", "C13", "C14", "C15", "R02", "R03", "R04"]
    assert all(results[k].reason and results[k].computed is None for k in untestable)


def test_then_and_now(results: dict[str, ClaimResult]) -> None:
    c01 = results["C01"].now
    assert c01 is not None and (c01.edition, c01.year, c01.value) == ("2020", 2020, 280_598_105)
    c03 = results["C03"].now
    assert c03 is not None and c03.value == pytest.approx(3.5998, abs=5e-5)
    c11 = results["C11"].revised
    assert c11 is not None and (c11.edition, c11.value) == ("2025", 6_400)
    c10 = results["C10"].revised
    assert c10 is not None and c10.value == 27_051
    c05 = results["C05"].now
    assert c05 is not None and (c05.year, c05.value) == (2024, pytest.approx(740_508_109_059.594))


def test_inputs_name_source_edition_file_and_cell(results: dict[str, ClaimResult]) -> None:
    record = results["C03"].as_dict()
    assert [(i["source"], i["edition"], i["sheet"], i["cell"]) for i in record["inputs"]] == [
        ("undesa_stock", "2017", "Table 1", "L17"),
        ("undesa_stock", "2017", "Table 2", "K17"),
    ]
    rows = results["C11"].as_dict()["inputs"]
    assert len(rows) == 1338 and all(i["row"].startswith("row ") for i in rows)
