"""Method pages: each method note rendered as ``/methods/<name>`` (markdown-it-py, CommonMark with
tables), so that a page citing a method links to it.

The notes are package data (``migobs/web/method_notes/<name>.md``), so an installed wheel serves
them too; ``docs/methods/`` holds the same files for readers of the repository (``make docs``
copies them, and a test fails when the two differ)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from itertools import takewhile
from pathlib import Path as FilePath
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup, escape

from migobs.web.errors import PageInputError
from migobs.web.templating import templates

router = APIRouter(include_in_schema=False)

METHODS = FilePath(__file__).parent / "method_notes"
"""The method notes, shipped inside the package (docs/methods/*.md are copies of them)."""


def names() -> list[str]:
    """The methods there are a page for."""
    return sorted(p.stem for p in METHODS.glob("*.md"))


@cache
def rendered(name: str) -> tuple[str, Markup]:
    """The title (the first heading) and the HTML of method ``name``."""
    text = (METHODS / f"{name}.md").read_text(encoding="utf-8")
    title = next(
        (line.lstrip("# ").strip() for line in text.splitlines() if line.startswith("#")), name
    )
    return title, Markup(_markdown().render(text))


def _markdown() -> MarkdownIt:
    """CommonMark with tables, each table in the dashboard's scroll region (a box that scrolls
    when the table is wider than the page, keyboard-focusable, named by its header row)."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")

    def table_open(_renderer: Any, tokens: Sequence[Token], idx: int, *_: Any) -> str:
        header = takewhile(lambda t: t.type != "thead_close", tokens[idx:])
        name = ", ".join(t.content.replace("`", "") for t in header if t.type == "inline")
        return f'<div class="table-wrap" tabindex="0" role="region" aria-label="{escape(name)}">\n<table>\n'

    md.add_render_rule("table_open", table_open)
    md.add_render_rule("table_close", lambda *_: "</table>\n</div>\n")
    return md


@router.get("/methods/{name}", response_class=HTMLResponse)
def method_page(
    request: Request, name: Annotated[str, Path(max_length=100, description="a method")]
) -> HTMLResponse:
    """One method note as a page."""
    if name not in names():
        raise PageInputError("name", name, [f"/methods/{n}" for n in names()])
    title, body = rendered(name)
    return templates.TemplateResponse(
        request, "method.html", {"title": title, "body": body, "hide_title": True}
    )
