"""Read a CSV file or a workbook sheet as rows of cells, each row with its place in the file.

CSV rows carry the 1-based physical line on which they start (a quoted field spanning lines
counts every line), so ``a1(line - 1, column)`` is the cell as a spreadsheet would show it.
Workbook sheets are read with python-calamine, which returns the cached values of formulas.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from python_calamine import CalamineWorkbook

from migobs.errors import LayoutError


def csv_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    """Yield ``(line, fields)`` for every record of a UTF-8 CSV file (a BOM is skipped).

    Blank lines are yielded as empty lists, so line numbers stay those of the file.

    Raises
    ------
    LayoutError
        The file is not UTF-8 text or is not well-formed CSV.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise LayoutError(
            f"{path.name}: not UTF-8 text ({error}); obtain the file again."
        ) from error
    reader = csv.reader(io.StringIO(text, newline=""))
    start = 1
    try:
        for fields in reader:
            yield start, fields
            start = reader.line_num + 1
    except csv.Error as error:
        raise LayoutError(f"{path.name}, line {start}: not valid CSV ({error}).") from error


def sheet_rows(path: Path, sheet: str) -> list[list[Any]]:
    """Every row of ``sheet`` of the workbook at ``path`` (row 0 is Excel's row 1).

    Empty cells are ``""``; numbers are floats; formulas give their cached values.

    Raises
    ------
    LayoutError
        The file is not a readable workbook, or has no sheet called ``sheet``.
    """
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own untyped errors for broken files
        raise LayoutError(
            f"{path.name}: not a readable xlsx workbook ({error}); the file is truncated or "
            f"altered. Obtain it again."
        ) from error
    if sheet not in workbook.sheet_names:
        raise LayoutError(
            f"{path.name}: no sheet {sheet!r}; its sheets are {workbook.sheet_names}. The file is "
            f"not the edition the catalogue describes."
        )
    rows: list[list[Any]] = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return rows


def expect_header(path: Path, where: str, found: list[Any], expected: list[str]) -> None:
    """Raise :class:`LayoutError` unless ``found`` starts with the labels ``expected``.

    ``where`` names the place, e.g. ``"sheet 'Worksheet', row 1"`` or ``"line 5"``.
    """
    labels = [str(value).strip() for value in found[: len(expected)]]
    labels += [""] * (len(expected) - len(labels))
    wrong = [i for i, (a, b) in enumerate(zip(labels, expected, strict=True)) if a != b]
    if wrong:
        raise LayoutError(
            f"{path.name}, {where}: the header changed. Column {wrong[0] + 1} should be "
            f"{expected[wrong[0]]!r}, found {labels[wrong[0]]!r} (expected {expected}). The "
            f"file is not the edition the catalogue describes."
        )
