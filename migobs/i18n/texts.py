"""Texts kept as data in the six languages: the Compact's objectives and guiding principles
(``compact.yml``), the project's summaries of them (``compact_summaries.yml``), the indicators'
titles and definitions (``indicator_texts.yml``), their periods, weightings and caveats
(``indicator_notes.yml``) and the claims ledger's own words (``claim_texts.yml``).

English is the original each function is given (``objectives.yml``, ``definitions.yml``); the
other languages come from the files beside this module. A :class:`Text` says whether it is an
official language version (English, and the Compact's entries checked against the United Nations'
text) or the project's own translation, which pages mark "unofficial translation".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from babel.numbers import get_decimal_symbol, get_group_symbol

from migobs.i18n import LANGUAGES, current
from migobs.i18n.messages import Said
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent
COMPACT_FILE = HERE / "compact.yml"
INDICATORS_FILE = HERE / "indicator_texts.yml"
NOTES_FILE = HERE / "indicator_notes.yml"
SUMMARIES_FILE = HERE / "compact_summaries.yml"
CLAIMS_FILE = HERE / "claim_texts.yml"


@dataclass(frozen=True)
class Text:
    """A text in one language, and whether it is an official language version."""

    text: str
    official: bool


def _load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(path)
    return data


@cache
def compact() -> dict[str, Any]:
    """``compact.yml`` as read: ``source``, ``official``, ``objectives``, ``principles``."""
    return _load(COMPACT_FILE)


@cache
def indicator_texts() -> dict[str, dict[str, dict[str, str]]]:
    """``indicator_texts.yml``'s entries: code → language → ``title`` / ``definition``."""
    entries: dict[str, dict[str, dict[str, str]]] = _load(INDICATORS_FILE)["indicators"]
    return entries


@cache
def indicator_notes() -> dict[str, dict[str, dict[str, str]]]:
    """``indicator_notes.yml``'s entries: code → language → ``period`` / ``weighting`` /
    ``caveats``."""
    entries: dict[str, dict[str, dict[str, str]]] = _load(NOTES_FILE)["indicators"]
    return entries


@cache
def summaries() -> dict[str, dict[int | str, dict[str, str]]]:
    """``compact_summaries.yml``'s ``objectives`` and ``principles``: key → language → text."""
    data = _load(SUMMARIES_FILE)
    return {"objectives": data["objectives"], "principles": data["principles"]}


def summary(kind: str, key: int | str, english: str, lang: str | None = None) -> str:
    """The project's summary of objective or principle ``key`` (``kind``: ``objectives`` or
    ``principles``) in ``lang``; English where no translation is kept."""
    lang = lang or current.get()
    if lang == "en":
        return english
    return summaries()[kind].get(key, {}).get(lang) or english


def _checked(lang: str, kind: str, key: int | str) -> bool:
    """Whether entry ``key`` of ``kind`` in ``lang`` is listed as checked against the official
    text (``kind`` lists its keys, or names one page for all its entries)."""
    listed = (compact()["official"].get(lang) or {}).get(kind)
    return isinstance(listed, str) or (isinstance(listed, dict) and key in listed)


def _compact_text(
    lang: str | None, english: str, kind: str, key: int | str, field: str | None
) -> Text:
    lang = lang or current.get()
    if lang == "en":
        return Text(english, True)
    section = "principles" if kind == "principles" else "objectives"
    entry = compact()[section].get(key, {}).get(lang)
    text = entry if field is None else (entry or {}).get(field)
    if not text:
        return Text(english, False)
    return Text(str(text), _checked(lang, kind, key))


def objective_title(number: int, english: str, lang: str | None = None) -> Text:
    """Objective ``number``'s title in ``lang`` (default: the current language)."""
    return _compact_text(lang, english, "objectives", number, "title")


def objective_label(number: int, english: str, lang: str | None = None) -> Text:
    """Objective ``number``'s short label (``1 - Data``) in ``lang``."""
    return _compact_text(lang, english, "labels", number, "label")


def principle_name(letter: str, english: str, lang: str | None = None) -> Text:
    """Guiding principle ``letter``'s name (``a`` People-centred) in ``lang``."""
    return _compact_text(lang, english, "principles", letter, None)


def _indicator_text(code: str, field: str, english: str, lang: str | None) -> str:
    lang = lang or current.get()
    if lang == "en" or not english:
        return english
    kept = indicator_texts() if field in ("title", "definition") else indicator_notes()
    return kept.get(code, {}).get(lang, {}).get(field) or english


def indicator_title(code: str, english: str, lang: str | None = None) -> str:
    """Indicator ``code``'s title in ``lang``; English where no translation is kept."""
    return _indicator_text(code, "title", english, lang)


def indicator_definition(code: str, english: str, lang: str | None = None) -> str:
    """Indicator ``code``'s definition (its formula in words) in ``lang``."""
    return _indicator_text(code, "definition", english, lang)


def indicator_period(code: str, english: str, lang: str | None = None) -> str:
    """Indicator ``code``'s period (what time a figure is about) in ``lang``."""
    return _indicator_text(code, "period", english, lang)


def indicator_weighting(code: str, english: str, lang: str | None = None) -> str:
    """How indicator ``code`` weighs the units of a grouping or an average, in ``lang``; empty
    when the definition says nothing of it."""
    return _indicator_text(code, "weighting", english, lang)


def indicator_caveats(code: str, english: str, lang: str | None = None) -> str:
    """Indicator ``code``'s caveats in ``lang``; empty when it has none."""
    return _indicator_text(code, "caveats", english, lang)


@cache
def claim_texts() -> dict[str, dict[str, dict[str, Any]]]:
    """``claim_texts.yml``'s entries: claim id → language → ``text``, ``author_source``,
    ``why``, ``not_testable``, ``alternatives`` (a list of labels)."""
    entries: dict[str, dict[str, dict[str, Any]]] = _load(CLAIMS_FILE)["claims"]
    return entries


def claim_text(claim: str, field: str, english: str, index: int | None = None) -> str:
    """The ledger's ``field`` of ``claim`` (the ``index``-th of a list field), said in each
    language kept: English as written, the others on a page that asks (:class:`Said`)."""
    others = {}
    for lang, fields in claim_texts().get(claim, {}).items():
        found = fields.get(field)
        text = found[index] if index is not None and found else found
        if text:
            others[lang] = str(text)
    return Said.kept(english, others) if english and others else english


class _InLocale(float):
    """A number that a format spec writes with ``lang``'s separators (``{x:,.1f}``: 1 234,5)."""

    lang: str

    def __new__(cls, value: float, lang: str) -> _InLocale:
        number = super().__new__(cls, value)
        number.lang = lang
        return number

    def __format__(self, spec: str) -> str:
        return separated(format(float(self), spec), self.lang)


def separated(figure: str, lang: str) -> str:
    """``figure``, written with English separators (``1,234.5``), with ``lang``'s."""
    swap = {",": get_group_symbol(lang), ".": get_decimal_symbol(lang)}
    return "".join(swap.get(char, char) for char in figure)


def figure_said(figure: str) -> str:
    """``figure`` (``1,234.5``, as :mod:`migobs.numbers` writes it) said with each language's
    separators on a page (:class:`Said`); English as it is."""
    others = {lang: separated(figure, lang) for lang in LANGUAGES if lang != "en"}
    return Said.kept(figure, others)


def filled(template: str, values: Mapping[str, float]) -> str:
    """``template`` (a ``str.format`` template, ``{stock:,.0f}``) filled with ``values``; when it
    is kept in other languages (:func:`claim_text`), each is filled too, its numbers written
    with that language's separators."""
    english = template.format_map(values)
    if not isinstance(template, Said) or not template.others:
        return english
    others = {
        lang: text.format_map({name: _InLocale(v, lang) for name, v in values.items()})
        for lang, text in template.others.items()
    }
    return Said.kept(english, others)
