"""Read a CSV file as rows of fields, each with its line; check a header row's labels.

CSV rows carry the 1-based physical line on which they start (a quoted field spanning lines
counts every line), so ``a1(line - 1, column)`` is the cell as a spreadsheet would show it.
Workbook sheets are read with :func:`migobs.sources._excel.read_sheets` (python-calamine, which
returns the cached values of formulas).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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
