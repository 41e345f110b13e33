"""The Jinja environment of the dashboard: templates beside this module, number filters, and
the language of the request (``lang``, ``dir``, the language switch, gettext)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from migobs.charts.format import abbreviated, day, number, quantity, unit_words
from migobs.http.language import split
from migobs.i18n import AUTONYMS, LANGUAGES, current, direction
from migobs.i18n.areas import localised
from migobs.i18n.messages import gettext, ngettext
from migobs.m49 import m49_text
from migobs.web.texts import FILTERS

HERE = Path(__file__).parent


PATH = re.compile(r"(?<![\w/])(/[A-Za-z0-9_./?=&-]*[A-Za-z0-9_/])")
"""A site path inside a text (``/country``, ``/api/areas``), not one with a ``{placeholder}``."""


def linked(text: object) -> Markup:
    """``text`` escaped, with every site path in it made a link (``/country`` → a link);
    ``Markup`` is already HTML whose links its author wrote, and is kept as it is."""
    if isinstance(text, Markup):
        return text
    escaped = str(escape(str(text)))

    def link(match: re.Match[str]) -> str:
        path = match.group(1)
        placeholder = escaped[match.end() : match.end() + 1] == "{"
        return path if placeholder else f'<a href="{path}">{path}</a>'

    return Markup(PATH.sub(link, escaped))


def language_context(request: Request) -> dict[str, Any]:
    """``lang`` and ``dir`` of ``<html>``, and ``languages``: the switch to each language's
    version of this page, as ``(code, autonym, href)``."""
    lang = current.get()
    here = split(request.url.path)[1]
    query = f"?{request.url.query}" if request.url.query else ""
    switch = [(code, AUTONYMS[code], f"/{code}{here}{query}") for code in LANGUAGES]
    return {"lang": lang, "dir": direction(lang), "languages": switch}


templates = Jinja2Templates(directory=HERE / "templates", context_processors=[language_context])
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
templates.env.filters["number"] = number
templates.env.filters["abbreviated"] = abbreviated
templates.env.filters["quantity"] = quantity
templates.env.filters["area_name"] = localised
templates.env.filters["m49"] = m49_text  # a code as M49 writes it: 004

templates.env.filters["linked"] = linked
templates.env.filters.update(FILTERS)
templates.env.filters["unit_words"] = unit_words
templates.env.filters["term"] = gettext  # a word of a vocabulary marked with N_ (draft, pledge)
templates.env.filters["day"] = day
templates.env.filters["slug"] = lambda text: re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip(
    "-"
)
