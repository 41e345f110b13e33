"""Translated interface messages: gettext catalogues read from the ``.po`` files in ``locale/``.

The ``.po`` files are the only copy kept in the repository: each is read with Babel and compiled
in memory the first time its language is asked for, so there is no ``.mo`` file to rebuild or
forget (docs/languages.md).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

from migobs.i18n import current

LOCALE_DIR = Path(__file__).parent / "locale"
"""``locale/<lang>/LC_MESSAGES/messages.po`` for every language but English."""


def catalogue_path(lang: str) -> Path:
    """Where the ``.po`` file of ``lang`` lives."""
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def translations(lang: str) -> NullTranslations:
    """The messages of ``lang`` (English: the messages as written)."""
    path = catalogue_path(lang)
    if lang == "en" or not path.exists():
        return NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=lang)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(compiled)


def gettext(message: str) -> str:
    """``message`` in the current language."""
    return translations(current.get()).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """``singular`` or ``plural`` for ``n``, in the current language."""
    return translations(current.get()).ngettext(singular, plural, n)


def N_(message: str) -> str:  # noqa: N802 (gettext's conventional name, which Babel extracts)
    """``message`` unchanged, marked for extraction: translate it later with :func:`gettext`."""
    return message


_ = gettext


class Said(str):
    """An English sentence that can be said again in another language.

    It *is* the English text (a ``str``: logs, the API's JSON and the CLI read English, so
    ``/fr/api/…`` answers exactly what ``/api/…`` does); it keeps its gettext message and the
    values of its placeholders, so a page can show it in the reader's language with
    :func:`translated`. ``Said(N_("%(name)s is a draft already."), name="commitments/3")``.
    A text whose other languages are kept as data rather than in a catalogue (the claims
    ledger's) is ``Said.kept(english, {"fr": …})``.
    """

    template: str
    values: dict[str, object]
    parts: tuple[str, ...]
    separator: str
    end: str
    others: Mapping[str, str]

    def __new__(cls, template: str, **values: object) -> Said:
        said = super().__new__(cls, template % values if values else template)
        said.template, said.values = template, values
        said.parts, said.separator, said.end = (), "", ""
        said.others = {}
        return said

    @classmethod
    def joined(cls, parts: Sequence[str], separator: str = "; ", end: str = "") -> Said:
        """``parts`` joined by ``separator`` and followed by ``end`` (``"title: must not be
        empty; kind: …."``), each part translated on its own."""
        said = super().__new__(cls, separator.join(parts) + end)
        said.template, said.values = "", {}
        said.parts, said.separator, said.end = tuple(parts), separator, end
        said.others = {}
        return said

    @classmethod
    def kept(cls, english: str, others: Mapping[str, str]) -> Said:
        """``english``, said in another language as ``others`` (language → text) has it."""
        said = cls.joined([english])
        said.others = others
        return said


def said_of(error: BaseException) -> str:
    """An error's message, kept :class:`Said` when it was raised with one (so that a page can
    say it in the reader's language), else ``str(error)``."""
    first = error.args[0] if error.args else ""
    return first if isinstance(first, Said) and str(first) == str(error) else str(error)


def translated(text: object) -> str:
    """``text`` in the current language when it is :class:`Said`, else ``str(text)``."""
    if not isinstance(text, Said):
        return str(text)
    if text.others:
        return text.others.get(current.get()) or str(text)
    if not text.template:
        return text.separator.join(translated(p) for p in text.parts) + text.end
    values = {key: translated(value) for key, value in text.values.items()}
    return gettext(text.template) % values if values else gettext(text.template)
