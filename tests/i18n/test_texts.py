"""The Compact's objectives and principles and the indicators' titles, definitions, periods,
weightings and caveats are kept in every language, each Compact entry marked official only where it was checked (compact.yml)."""

from __future__ import annotations

import pytest

from migobs.i18n import LANGUAGES, speaking, texts
from migobs.indicators.definitions import definitions
from migobs.tracker import reference

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
SCRIPTS = {"ar": "\u0600-\u06ff", "zh": "\u4e00-\u9fff", "ru": "\u0400-\u04ff"}


def in_script(text: str, lang: str) -> bool:
    """Whether ``text`` has a letter of ``lang``'s script (Latin languages: any text)."""
    if lang not in SCRIPTS:
        return bool(text.strip())
    low, high = SCRIPTS[lang].split("-")
    return any(low <= char <= high for char in text)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_indicator_has_a_title_and_definition(lang: str) -> None:
    missing = [
        f"{code} {field}"
        for code, d in definitions().items()
        for field, english, text in (
            ("title", d.title, texts.indicator_title(code, d.title, lang)),
            ("definition", d.formula, texts.indicator_definition(code, d.formula, lang)),
        )
        if text == english or not in_script(text, lang)
    ]
    assert not missing, f"{lang}: add these to migobs/i18n/indicator_texts.yml: {missing}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_period_weighting_and_caveat_is_translated(lang: str) -> None:
    missing = [
        f"{code} {field}"
        for code, d in definitions().items()
        for field, english, text in (
            ("period", d.period, texts.indicator_period(code, d.period, lang)),
            ("weighting", d.weighting, texts.indicator_weighting(code, d.weighting, lang)),
            ("caveats", d.caveats, texts.indicator_caveats(code, d.caveats, lang)),
        )
        if english and (text == english or not in_script(text, lang))
    ]
    assert not missing, f"{lang}: add these to migobs/i18n/indicator_notes.yml: {missing}"


def test_no_translation_of_an_indicator_that_does_not_exist() -> None:
    assert set(texts.indicator_texts()) <= set(definitions())
    assert set(texts.indicator_notes()) <= set(definitions())


@pytest.mark.parametrize("lang", OTHERS)
def test_every_objective_and_principle_is_in_every_language(lang: str) -> None:
    found = [texts.objective_title(o.number, o.title, lang) for o in reference.objectives()]
    found += [texts.objective_label(o.number, o.short_label, lang) for o in reference.objectives()]
    found += [texts.principle_name(p.letter, p.name, lang) for p in reference.principles()]
    assert len(found) == 23 * 2 + 10
    untranslated = [t.text for t in found if not in_script(t.text, lang)]
    english = {o.title for o in reference.objectives()} | {p.name for p in reference.principles()}
    assert not untranslated and not {t.text for t in found} & english


def test_official_marks_follow_the_checked_entries() -> None:
    first, seventh = reference.objectives()[0], reference.objectives()[6]
    seventeenth = reference.objectives()[16]
    assert texts.objective_title(1, first.title, "fr") == texts.Text(
        "Collecter et utiliser des données précises et ventilées qui serviront à l’élaboration "
        "de politiques fondées sur la connaissance des faits",
        True,
    )
    assert texts.objective_title(17, seventeenth.title, "fr").official is False
    assert texts.objective_title(7, seventh.title, "en") == texts.Text(seventh.title, True)
    assert texts.principle_name("h", "Child-sensitive", "zh") == texts.Text(
        "敏感认识到儿童问题", True
    )
    assert texts.principle_name("h", "Child-sensitive", "ar").official is False
    assert texts.objective_label(20, "20 - Remittances", "es") == texts.Text("20 - Remesas", True)


def test_checked_entries_name_real_objectives_and_a_page() -> None:
    for lang, kinds in texts.compact()["official"].items():
        assert lang in OTHERS
        for kind, listed in kinds.items():
            assert kind in {"objectives", "labels", "principles"}
            pages = listed.values() if isinstance(listed, dict) else [listed]
            assert all(str(page).startswith("https://") for page in pages), (lang, kind)
            if isinstance(listed, dict):
                assert set(listed) <= set(range(1, 24)), (lang, kind)


def test_the_current_language_is_the_default() -> None:
    title = reference.objectives()[19].title
    with speaking("ru"):
        assert texts.objective_title(20, title).text.startswith("Содействие более быстрому")
        assert texts.indicator_title("stock.total", "International migrant stock") == (
            "Численность международных мигрантов"
        )


@pytest.mark.parametrize("lang", OTHERS)
def test_every_summary_is_in_every_language(lang: str) -> None:
    found = [texts.summary("objectives", o.number, o.summary, lang) for o in reference.objectives()]
    found += [
        texts.summary("principles", p.letter, p.summary, lang) for p in reference.principles()
    ]
    english = {o.summary for o in reference.objectives()} | {
        p.summary for p in reference.principles()
    }
    assert len(found) == 33 and not set(found) & english
    assert all(in_script(text, lang) for text in found)
