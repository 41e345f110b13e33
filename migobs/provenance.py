"""Small frozen types that say where a value came from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Origin:
    """One official file of one edition of a source.

    Attributes
    ----------
    source: catalogue name of the source, e.g. ``undesa_stock``.
    edition: the edition or vintage, e.g. ``2017``.
    name: the file's name as published.
    url: the official download URL.
    sha256: checksum of the file's bytes, lower-case hex; empty until first download when the
        catalogue does not know it yet.
    licence: the licence the publisher states.
    citation: how the publisher asks to be cited.
    """

    source: str
    edition: str
    name: str
    url: str
    sha256: str
    licence: str
    citation: str


@dataclass(frozen=True)
class CellRef:
    """Where one value sits: a file, a sheet (``None`` for CSV) and a cell in A1 notation.

    For CSV files the cell is given in the same notation, counting every line of the file
    (preamble included) as a row and every field as a column.
    """

    file: str
    sheet: str | None
    cell: str

    def __str__(self) -> str:
        sheet = f"[{self.sheet}]" if self.sheet else ""
        return f"{self.file}{sheet}!{self.cell}"


def column_letters(index: int) -> str:
    """Spreadsheet column letters for a zero-based column index (0 → ``A``, 26 → ``AA``)."""
    if index < 0:
        raise ValueError(f"column index must be >= 0, got {index}")
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def a1(row: int, column: int) -> str:
    """A1 notation for zero-based ``row`` and ``column`` (0, 0 → ``A1``)."""
    return f"{column_letters(column)}{row + 1}"
