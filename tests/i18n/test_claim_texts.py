"""The claims ledger's words are kept in every language (migobs/i18n/claim_texts.yml): the API and
the CLI read the English of the ledger, a page the reader's language."""

from __future__ import annotations

import string

import pytest

from migobs.charts.format import UNITS
from migobs.claims.check import judge
from migobs.claims.ledger import ledger
from migobs.i18n import LANGUAGES, speaking, texts
from migobs.i18n.messages import Said, translated
from tests.i18n.test_texts import in_script

OTHERS = [lang for lang in LANGUAGES if lang != "en"]


def fields(text: str) -> set[tuple[str, str]]:
    """The ``{name:spec}`` fields of a ``str.format`` template."""
    return {(name, spec) for _, name, spec, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", OTHERS)
def test_every_claim_is_worded_in_every_language(lang: str) -> None:
    missing = []
    for claim in ledger():
        words = [("text", claim.text), ("author_source", claim.author_source)]
        words += [("why", claim.why), ("not_testable", claim.not_testable)]
        words += [(f"alternative {n}", a["label"]) for n, a in enumerate(claim.alternatives)]
        for name, english in words:
            with speaking(lang):
                said = translated(english)
            if english and (said == str(english) or not in_script(said, lang)):
                missing.append(f"{claim.id} {name}")
            if name == "why" and fields(said) != fields(english):
                missing.append(f"{claim.id} why: fields {fields(said)} != {fields(english)}")
    assert not missing, f"{lang}: correct migobs/i18n/claim_texts.yml: {missing}"


def test_the_ledger_stays_english_for_the_api() -> None:
    first = ledger()[0]
    assert first.text == "There are about 258 million international migrants worldwide."
    assert isinstance(first.text, Said) and str(first.text) == first.text
    assert set(texts.claim_texts()) <= {claim.id for claim in ledger()}


def test_every_claim_unit_is_said_in_words() -> None:
    assert {claim.unit for claim in ledger()} <= set(UNITS)


def test_an_explanation_is_filled_with_the_languages_numbers() -> None:
    why = next(claim.why for claim in ledger() if claim.id == "C02")
    said = texts.filled(why, {"stock_2000": 172_703_309.0, "stock_2017": 257_715_425.0})
    assert said.startswith("The 2017 revision gives 172,703,309 (2000) and 257,715,425 (2017)")
    with speaking("fr"):
        assert translated(said).startswith(
            "La révision de 2017 donne 172\u202f703\u202f309 (2000) et 257\u202f715\u202f425 (2017)"
        )
    with speaking("es"):
        assert "172.703.309 (2000)" in translated(said)


def test_a_verdict_is_said_with_the_languages_numbers() -> None:
    first = ledger()[0]  # about 258 million, to the million
    verdict, reason = judge(first, 257_715_425.0)
    assert verdict == "reproduced"
    assert reason == "257,715,425 rounds to 258,000,000 at the claim's precision"
    with speaking("es"):
        assert translated(reason) == (
            "257.715.425 se redondea a 258.000.000 con la precisión de la afirmación"
        )
