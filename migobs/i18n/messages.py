"""Translated interface messages: gettext catalogues read from the ``.po`` files in ``locale/``.

The ``.po`` files are the only copy kept in the repository: each is read with Babel and compiled
in memory the first time its language is asked for, so there is no ``.mo`` file to rebuild or
forget (docs/languages.md).
"""

from __future__ import annotations

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
