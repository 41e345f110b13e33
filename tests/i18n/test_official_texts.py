"""Every Compact text marked official names the page its wording was read on, and the wording is
that page's (compact.yml's `official:`), not the project's earlier translation."""

from __future__ import annotations

import pytest

from migobs.i18n import LANGUAGES, texts
from migobs.tracker import reference

OTHERS = [lang for lang in LANGUAGES if lang != "en"]


def page_of(lang: str, kind: str, key: int | str) -> str | None:
    """The page compact.yml gives for entry ``key`` of ``kind`` in ``lang``, if any."""
    listed = (texts.compact()["official"].get(lang) or {}).get(kind)
    if isinstance(listed, dict):
        page = listed.get(key)
        return None if page is None else str(page)
    return None if listed is None else str(listed)


def official_entries(lang: str) -> list[tuple[str, int | str]]:
    """The (kind, key) of every objective title, label and principle shown as official."""
    found: list[tuple[str, int | str]] = []
    for o in reference.objectives():
        if texts.objective_title(o.number, o.title, lang).official:
            found.append(("objectives", o.number))
        if texts.objective_label(o.number, o.short_label, lang).official:
            found.append(("labels", o.number))
    for p in reference.principles():
        if texts.principle_name(p.letter, p.name, lang).official:
            found.append(("principles", p.letter))
    return found


@pytest.mark.parametrize("lang", OTHERS)
def test_every_official_compact_text_names_its_page(lang: str) -> None:
    unsourced = [
        (kind, key)
        for kind, key in official_entries(lang)
        if not (page_of(lang, kind, key) or "").startswith("https://")
    ]
    assert not unsourced, f"{lang}: name the page of {unsourced} in compact.yml's official:"


def test_official_shares_per_language() -> None:
    titles = {
        lang: sum(kind == "objectives" for kind, _ in official_entries(lang)) for lang in OTHERS
    }
    assert titles == {"ar": 0, "zh": 0, "fr": 21, "ru": 1, "es": 17}


@pytest.mark.parametrize(
    ("number", "lang", "wording"),
    [
        (
            8,
            "fr",
            "Sauver des vies et mettre en place une action internationale coordonnée pour "
            "retrouver les migrants disparus",
        ),
        (
            12,
            "fr",
            "Veiller à l’invariabilité et à la prévisibilité des procédures migratoires pour "
            "assurer des contrôles, des évaluations et une orientation appropriés",
        ),
        (
            16,
            "fr",
            "Donner aux migrants et aux sociétés des moyens en faveur de la pleine intégration "
            "et de la cohésion sociale",
        ),
        (
            20,
            "fr",
            "Rendre les envois de fonds plus rapides, plus sûrs et moins coûteux et favoriser "
            "l’inclusion financière des migrants",
        ),
        (
            21,
            "fr",
            "Coopérer en vue de faciliter le retour et la réadmission des migrants en toute "
            "sécurité et dignité, ainsi que leur réintégration durable",
        ),
        (
            14,
            "es",
            "Mejorar la protección, asistencia y cooperación consulares a lo largo de todo el "
            "ciclo migratorio",
        ),
    ],
)
def test_official_titles_are_the_pages_wording(number: int, lang: str, wording: str) -> None:
    english = reference.objectives()[number - 1].title
    assert texts.objective_title(number, english, lang) == texts.Text(wording, True)


def test_the_guiding_principles_are_official_where_a_page_names_them() -> None:
    assert texts.principle_name("a", "People-centred", "es") == texts.Text(
        "Centrada en las personas", True
    )
    assert texts.principle_name("a", "People-centred", "ru").official is False
