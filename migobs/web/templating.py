"""The Jinja environment of the dashboard: templates beside this module, number filters."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape

from migobs.web.format import abbreviated, number, quantity

HERE = Path(__file__).parent

PATH = re.compile(r"(?<![\w/])(/[A-Za-z0-9_./?=&-]*[A-Za-z0-9_/])")
"""A site path inside a text (``/country``, ``/api/areas``), not one with a ``{placeholder}``."""


def linked(text: object) -> Markup:
    """``text`` escaped, with every site path in it made a link (``/country`` → a link)."""
    escaped = str(escape(str(text)))

    def link(match: re.Match[str]) -> str:
        path = match.group(1)
        placeholder = escaped[match.end() : match.end() + 1] == "{"
        return path if placeholder else f'<a href="{path}">{path}</a>'

    return Markup(PATH.sub(link, escaped))


templates = Jinja2Templates(directory=HERE / "templates")
templates.env.filters["number"] = number
templates.env.filters["abbreviated"] = abbreviated
templates.env.filters["quantity"] = quantity
templates.env.filters["linked"] = linked
templates.env.filters["slug"] = lambda text: re.sub(r"[^a-z0-9]+", "-", str(text).lower()).strip(
    "-"
)
