"""The indicators' methods, editions and notes, English in the warehouse, said in the reader's
language where they are shown (migobs/i18n/phrases.py)."""

from __future__ import annotations

from migobs.i18n import speaking
from migobs.i18n.messages import Said
from migobs.i18n.phrases import phrase, said


def test_a_phrase_and_its_placeholders_are_translated() -> None:
    text = "not computable: sum of 0 of 3 members (no member list); no value in the file"
    with speaking("fr"):
        assert phrase(text) == (
            "non calculable : somme de 0 membres sur 3 (aucune liste de membres) ; "
            "aucune valeur dans le fichier"
        )
    with speaking("en"):
        assert phrase(text) == text


def test_methods_and_editions() -> None:
    with speaking("es"):
        assert phrase("edition 2020") == "edición 2020"
        assert phrase("stated") == "valor publicado"
        assert phrase("personal remittances received / gdp × 100") == (
            "remesas personales recibidas / PIB × 100"
        )
        assert phrase("17 of 40 corridors cost more than 5% on average") == (
            "17 de 40 corredores cuestan más del 5 % en promedio"
        )
    with speaking("zh"):
        assert phrase("simple average of the 12 corridor averages of 2017 Q4") == (
            "2017年第4季度 12 个走廊平均数的简单平均数"
        )


def test_text_that_is_no_phrase_stays_as_it_is() -> None:
    with speaking("ru"):
        assert phrase("UN_MigrantStockTotal_2019.xlsx[Table 1]!H50") == (
            "UN_MigrantStockTotal_2019.xlsx[Table 1]!H50"
        )
        assert said(Said("%(code)s", code="x")) == "x"
