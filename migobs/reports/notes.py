"""Each figure's note, as data: its edition, how it was computed and the cells it was read from
(file, sheet and cell, the first :data:`CELLS_SHOWN`), or why there is no figure. The Markdown
and the PDF report write the same notes, their words in the current language
(:mod:`migobs.i18n.phrases`); the cells are cited as the files have them."""

from __future__ import annotations

from dataclasses import dataclass

from migobs.i18n.phrases import phrase, said
from migobs.m49 import m49_text
from migobs.numbers import plain
from migobs.reports.country import Headline

CELLS_SHOWN = 3
"""Input cells listed per figure; the rest are counted, with the command that lists them all."""


@dataclass(frozen=True)
class Note:
    """Where one figure of the report comes from.

    Attributes
    ----------
    code: the indicator's code.
    editions: ``edition 2020``, or each input's edition when they differ; empty with no figure.
    method: how the figure was computed (``stated``, ``published aggregate`` …).
    cells: the first input cells as ``file[sheet]!cell = value``.
    more: how many more input cells there are (``command`` lists them all).
    command: the ``migobs indicator`` command that lists every input cell.
    caveat: the value's note, or why there is no figure, on one line without a final period.
    available: whether the report has a figure for the indicator.
    """

    code: str
    editions: str
    method: str
    cells: tuple[str, ...]
    more: int
    command: str
    caveat: str
    available: bool


def note(headline: Headline, m49: int) -> Note:
    """The note of ``headline``, a figure of area ``m49``'s report."""
    code = headline.definition.code
    value = headline.value
    if value is None or value.value is None:
        return Note(code, "", "", (), 0, "", one_line(said(headline.note)), available=False)
    cells = tuple(
        f"{cell.where()} = {plain(cell.value)}"
        for cell in value.inputs[:CELLS_SHOWN]
        if cell.value is not None
    )
    return Note(
        code=code,
        editions=phrase(value.edition_label()),
        method=phrase(value.method),
        cells=cells,
        more=max(0, len(value.inputs) - CELLS_SHOWN),
        command=f"migobs indicator {value.code} --area {m49_text(m49)} --year {value.year} --json",
        caveat=one_line(phrase(value.note)),
        available=True,
    )


def one_line(text: str) -> str:
    """``text`` on one line, without a final period."""
    return " ".join(text.split()).rstrip(".")
