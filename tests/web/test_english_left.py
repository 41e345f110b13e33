"""No English left on translated pages: every kind of page is rendered in English and in each of
the five other languages, and a text of the translated page that is also a text of the English
page fails the test unless the language writes it the same way.

What may be the same in both, and why (the allowlist is explicit):
- codes, file formats, paths, e-mail addresses and corridors of ISO codes (``(stock.total)``,
  ``sdmx-csv-2``, ``/methods/flows``, ``MEX → USA``), data shown as code (``<code>``, a
  record's JSON in ``<pre>``) and the names :data:`SAME_EVERYWHERE`;
- a text the language's own catalogue writes as English does (French ``Sources``, ``Verdict``,
  ``Actions (0)``, a number in each placeholder or after a heading) and an area's name in that
  language that is English too (``France``);
- what a page marks ``lang="en"``: the methods pages' bodies (docs/ stays in English), an error
  page's detail (it names parameters as the API does) and the title of an English publication.
"""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser

import httpx
import pytest

from migobs.i18n import LANGUAGES
from migobs.i18n.areas import territories
from migobs.i18n.messages import catalogue_path
from migobs.tracker import reference

OTHERS = [lang for lang in LANGUAGES if lang != "en"]
PAGES = [
    "/",
    "/world",
    "/country",
    "/country/484",
    "/country/150",
    "/corridor?origin=484&destination=840",
    "/report",
    "/indicators",
    "/indicators/stock.total",
    "/indicators/sdg.10.c.1",
    "/search?q=mex",
    "/methods/flows",
    "/tracker",
    "/tracker/login",
    "/tracker/states/484",
    *(f"/tracker/objectives/{o.number}" for o in reference.objectives()),
    "/no-such-page",
    "/indicators/no.such.code",
]
"""One page of every kind, and every objective of the tracker."""

SAME_EVERYWHERE = {
    "API (OpenAPI)",  # the API's name and its standard
    "English",  # the language switch names each language in itself
    "Français",
    "Español",
    "JSON",
    "CSV",
    "PDF",
    "Markdown",
}
CODE = re.compile(r"\(?[a-z0-9_.\-]+\)?|/[\w/{}.\-]*|[A-Z]{3} → [A-Z]{3}|[\w.+-]+@[\w.-]+")
COUNTED = re.compile(r" \(\d+\)$")
"""A heading's count (``Actions (0)``), left out when comparing it with the catalogue."""
SKIPPED = {"script", "style", "code", "pre", "title", "desc"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


class Texts(HTMLParser):
    """The texts a reader sees (text nodes, ``title``, ``aria-label``, ``placeholder`` and
    ``alt``), outside code, scripts and anything marked ``lang="en"``."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.open: list[tuple[str, bool]] = []  # (tag, hides its text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        hidden = tag in SKIPPED or (tag != "html" and values.get("lang") == "en")
        if not self.hidden():
            self.found += [
                v for k, v in values.items() if k in {"title", "aria-label", "alt"} and v
            ]
            self.found += [values["placeholder"] or ""] if "placeholder" in values else []
        if tag not in VOID:
            self.open.append((tag, hidden))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        text = " ".join(data.split())
        if text and not self.hidden():
            self.found.append(text)

    def hidden(self) -> bool:
        return any(hides for _, hides in self.open)


def texts(page: str) -> list[str]:
    parser = Texts()
    parser.feed(page)
    return parser.found


@cache
def same_in(lang: str) -> re.Pattern[str]:
    """The texts ``lang`` may write as English does: its catalogue's translations (a number in
    each placeholder: ``Actions (0)``) and its names of areas."""
    catalogue = catalogue_path(lang).read_text(encoding="utf-8")
    translations = re.findall(r'^msgstr(?:\[\d\])? "(.+)"$', catalogue, re.M)
    texts = [*translations, *territories(lang).values()]
    number = r"[\d.,\s%+\-–]+"
    said = (number.join(map(re.escape, re.split(r"%\(\w+\)s", text))) for text in texts)
    return re.compile("|".join(said))


def english_left(english: str, translated: str, lang: str) -> list[str]:
    seen = set(texts(english))
    return [
        text
        for text in dict.fromkeys(texts(translated))
        if text in seen
        and re.search(r"[A-Za-z]{3}", text)
        and not CODE.fullmatch(text)
        and text not in SAME_EVERYWHERE
        and not same_in(lang).fullmatch(COUNTED.sub("", text))
    ]


@pytest.mark.parametrize("lang", OTHERS)
def test_no_english_left_on_any_kind_of_page(client: httpx.Client, lang: str) -> None:
    left = {}
    for path in PAGES:
        english = client.get(path)
        translated = client.get(f"/{lang}{path}")
        assert translated.status_code == english.status_code, path
        found = english_left(english.text, translated.text, lang)
        if found:
            left[path] = found
    assert not left, f"{lang}: still in English: {left}"


def test_the_check_finds_english() -> None:
    english = '<p>Sources</p><p lang="en">Making Migration Work for All</p><p>Caveats</p>'
    french = '<p>Sources</p><p lang="en">Making Migration Work for All</p><p>Caveats</p>'
    assert english_left(english, french, "fr") == ["Caveats"]
    assert english_left(english, french.replace("Caveats", "Mises en garde"), "fr") == []
