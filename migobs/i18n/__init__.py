"""The six official languages of the United Nations: which one a request is served in, its
translated messages, and area names in it.

The language of the work at hand is a context variable (:data:`current`), set once per request by
the faces (:mod:`migobs.http.language`) or per report by the CLI; everything below reads it, so no
function grows a ``lang`` argument it only passes on. English is the default and the language the
code and the data are written in.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

LANGUAGES = ("en", "ar", "zh", "fr", "ru", "es")
"""The six official UN languages by ISO 639-1 code, English first."""

AUTONYMS = {
    "en": "English",
    "ar": "العربية",
    "zh": "中文",
    "fr": "Français",
    "ru": "Русский",
    "es": "Español",
}
"""Each language's name in itself, as a language switch shows it."""

RIGHT_TO_LEFT = frozenset({"ar"})

current: ContextVar[str] = ContextVar("migobs_language", default="en")
"""The language of the request or report being made."""


def direction(lang: str) -> str:
    """``rtl`` for Arabic, ``ltr`` for the others: the value of ``<html dir>``."""
    return "rtl" if lang in RIGHT_TO_LEFT else "ltr"


def checked(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGUAGES`, else a :class:`ValueError` listing them."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: use one of {', '.join(LANGUAGES)}")
    return lang


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Make ``lang`` the current language inside the ``with`` block."""
    token = current.set(checked(lang))
    try:
        yield
    finally:
        current.reset(token)
