"""Cells of the official files read again, independently of migobs' own parsers.

Workbooks are read by openpyxl (cached formula values) and each sheet once per test session:
:func:`sheet_rows` keeps its rows, so a test that checks hundreds of cells, or several tests on
the same sheet, share one pass over the file. CSV cells are read with the ``csv`` module,
counting every physical line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple


@cache
def sheet_rows(path: Path, sheet: str) -> tuple[tuple[Any, ...], ...]:
    """Every row of ``sheet`` as openpyxl reads it (values only), read once per session."""
    book = load_workbook(path, read_only=True, data_only=True)
    try:
        return tuple(book[sheet].iter_rows(values_only=True))
    finally:
        book.close()


def xlsx_cell(path: Path, sheet: str, ref: str) -> Any:
    """The cached value of the A1 cell ``ref`` on ``sheet`` (``None`` where it is empty)."""
    row, column = coordinate_to_tuple(ref)
    rows = sheet_rows(Path(path), sheet)
    line = rows[row - 1] if row <= len(rows) else ()
    return line[column - 1] if column <= len(line) else None


def xlsx_cells(path: Path, sheet: str, refs: Iterable[str]) -> list[Any]:
    """The cached values of the A1 cells ``refs`` on ``sheet``, in order."""
    return [xlsx_cell(path, sheet, ref) for ref in refs]


def csv_cell(path: Path, ref: str) -> str:
    """The field at the A1 cell ``ref`` of a CSV file, counting every physical line."""
    match = re.fullmatch(r"([A-Z]+)(\d+)", ref)
    assert match, ref
    column = 0
    for letter in match[1]:
        column = column * 26 + ord(letter) - 64
    lines = _lines(Path(path))
    return next(csv.reader([lines[int(match[2]) - 1]]))[column - 1]


@cache
def _lines(path: Path) -> tuple[str, ...]:
    return tuple(path.read_text(encoding="utf-8-sig").splitlines())
