"""Reading a PDF as a reader's tools do: its text and pages with ``pdftotext`` (Debian's
poppler-utils, installed by scripts/test-services), the box of every word with ``pdftotext
-bbox``, and WeasyPrint's own layout boxes. Under CI=true a missing pdftotext fails the test;
otherwise it skips, saying how to install it."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tests.support.missing import unavailable

MARGIN_PT = 16 * 72 / 25.4
"""The report's left and right page margin (16 mm in migobs/reports/templates/report.css), in
points, the unit of pdftotext's boxes."""

BIDI_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>'
)
PAGE = re.compile(r'<page width="([\d.]+)" height="[\d.]+">(.*?)</page>', re.S)


@dataclass(frozen=True)
class Word:
    """One word as pdftotext found it: its page (from 1), text, left and right edge in points,
    and its page's width."""

    page: int
    text: str
    left: float
    right: float
    page_width: float


def pdftotext() -> str:
    """The path of ``pdftotext``; fails under CI=true when it is missing, else skips."""
    path = shutil.which("pdftotext")
    if path is None:
        message = (
            "pdftotext is missing: install Debian's poppler-utils (bash scripts/test-services "
            "as root installs it with the PDF reports' fonts)"
        )
        unavailable(message)
    return path


def _run(data: bytes, *options: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "report.pdf"
        document.write_bytes(data)
        done = subprocess.run(
            [pdftotext(), *options, str(document), "-"],
            capture_output=True,
            check=True,
            timeout=60,
        )
    return done.stdout.decode("utf-8")


def pages(data: bytes, layout: bool = False) -> list[str]:
    """The text of each page, without the marks pdftotext puts around right-to-left runs;
    ``layout`` keeps each line's words where they stand (a table's row on one line)."""
    text = BIDI_MARKS.sub("", _run(data, *(["-layout"] if layout else [])))
    return text.split("\f")[:-1]  # every page ends with a form feed


def squeezed(text: str) -> str:
    """``text`` without any white space: a cell reference broken across lines reads whole."""
    return "".join(text.split())


def words(data: bytes) -> Iterator[Word]:
    """Every word of the PDF with its box."""
    for number, (width, body) in enumerate(PAGE.findall(_run(data, "-bbox")), start=1):
        for left, right, text in WORD.findall(body):
            yield Word(number, html.unescape(text), float(left), float(right), float(width))


def outside_margins(data: bytes) -> list[Word]:
    """The words that run into the left or right page margin (half a point is rounding)."""
    return [
        w
        for w in words(data)
        if w.left < MARGIN_PT - 0.5 or w.right > w.page_width - MARGIN_PT + 0.5
    ]
