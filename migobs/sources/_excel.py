"""Read xlsx sheets with python-calamine: whole grids, layout checks, and values with their cells.

Rows and columns here are zero-based indexes into the sheet's full grid (row 0 is Excel's row 1,
whatever is empty above the data); messages and cells use Excel's 1-based rows and A1 notation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from python_calamine import CalamineWorkbook

from migobs.errors import LayoutError
from migobs.provenance import a1, column_letters

Grid = list[list[Any]]

MARKERS: dict[str, tuple[str, float | None]] = {
    "..": ("missing", None),
    "...": ("missing", None),
    "": ("empty", None),
    "—": ("rounds_to_zero", 0.0),
    "~": ("protected", None),
}
"""Text the UN workbooks put in value cells: flag and the value it stands for."""


def column_index(letters: str) -> int:
    """Zero-based index of spreadsheet column ``letters`` (``A`` → 0, ``AA`` → 26)."""
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def read_sheets(path: Path, sheets: Sequence[str], *, fix: str) -> dict[str, Grid]:
    """The full grids of ``sheets`` of the workbook at ``path``.

    Raises
    ------
    LayoutError
        The file is not a readable xlsx workbook (truncated, corrupt) or lacks a sheet; the
        message names the file, the sheet and ``fix`` (what to do).
    """
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as error:  # calamine raises its own error types for every broken file
        raise LayoutError(
            f"{path.name}: cannot be read as an xlsx workbook ({error}). The file is truncated "
            f"or corrupt: {fix}"
        ) from error
    grids: dict[str, Grid] = {}
    for sheet in sheets:
        if sheet not in workbook.sheet_names:
            raise LayoutError(
                f"{path.name}: sheet {sheet!r} is missing; the workbook has "
                f"{', '.join(repr(s) for s in workbook.sheet_names)}. The publisher may have "
                f"renamed it: {fix}"
            )
        grids[sheet] = workbook.get_sheet_by_name(sheet).to_python(skip_empty_area=False)
    return grids


def text(value: Any) -> str:
    """A cell as text with runs of whitespace collapsed (numbers without a trailing ``.0``)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", str(value)).strip()


def cell(grid: Grid, row: int, column: int) -> Any:
    """The value at ``row``, ``column`` of ``grid`` (``""`` outside the used range)."""
    if row < len(grid) and column < len(grid[row]):
        return grid[row][column]
    return ""


def expect(path: Path, sheet: str, grid: Grid, row: int, column: int, label: str, fix: str) -> None:
    """Check that the cell starts with ``label`` (case and whitespace ignored).

    Raises
    ------
    LayoutError
        Naming the file, sheet, row and cell, what was expected and what was found.
    """
    found = text(cell(grid, row, column))
    if not found.casefold().startswith(text(label).casefold()):
        raise LayoutError(
            f"{path.name} [{sheet}] row {row + 1}, cell {a1(row, column)}: expected "
            f"{label!r}, found {found!r}. The layout of this edition changed (header rows "
            f"shifted or columns moved): {fix}"
        )


def melt(
    grid: Grid,
    rows: Sequence[int],
    keys: Mapping[str, int],
    columns: Sequence[int],
    labels: Sequence[Any],
    convert: Mapping[str, Callable[[Any], Any]] | None = None,
) -> pd.DataFrame:
    """Values of ``columns`` in ``rows`` as one long frame, each with its cell.

    ``convert`` maps a key column to a function applied once per row (before the row's key
    values are repeated for each of its value cells).

    Returns
    -------
    DataFrame
        One row per (row, column): the ``keys`` columns (the row's values in those columns),
        ``label`` (the ``labels`` entry of the value's column), ``raw`` (the cell as read),
        ``row`` (1-based) and ``cell`` (A1).
    """
    block = grid_block(grid, rows, max([*columns, *keys.values()]) + 1)
    count = len(columns)
    converters = convert or {}
    frame = pd.DataFrame(
        {
            name: np.repeat(_converted(block[:, index], converters.get(name)), count)
            for name, index in keys.items()
        }
    )
    frame["label"] = np.tile(np.array(labels, dtype=object), len(rows))
    frame["raw"] = block[:, list(columns)].ravel()
    excel_rows = np.repeat(np.array(rows) + 1, count)
    letters = np.tile(np.array([column_letters(c) for c in columns], dtype=object), len(rows))
    frame["row"] = excel_rows
    frame["cell"] = letters + excel_rows.astype(str).astype(object)
    return frame


def grid_block(grid: Grid, rows: Sequence[int], width: int) -> np.ndarray[Any, Any]:
    """The first ``width`` cells of each of ``rows`` as a 2-D object array (``""`` past a row's
    end)."""
    return np.array([_padded(grid[r], width) for r in rows], dtype=object)


def numbers(path: Path, sheet: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Add ``value`` (float or None) and ``flag`` (``""`` or a :data:`MARKERS` flag) from ``raw``.

    Raises
    ------
    LayoutError
        A value cell holds text that is neither a number nor a known marker.
    """
    values, flags = cell_values(
        path, sheet, frame["raw"].to_numpy(dtype=object), lambda at: str(frame["cell"].iloc[at])
    )
    return frame.assign(value=values, flag=flags)


def cell_values(
    path: Path, sheet: str, raw: np.ndarray[Any, Any], cell_at: Callable[[int], str]
) -> tuple[pd.arrays.FloatingArray, np.ndarray[Any, Any]]:
    """The value (float or None) and flag (``""`` or a :data:`MARKERS` flag) of each of the cells
    ``raw``; ``cell_at(i)`` is the A1 cell of ``raw[i]``, named when it is wrong.

    Raises
    ------
    LayoutError
        A value cell holds text that is neither a number nor a known marker.
    """
    is_text = np.fromiter((type(v) is str for v in raw), dtype=bool, count=len(raw))
    values = np.full(len(raw), np.nan)
    values[~is_text] = raw[~is_text].astype(float)
    missing = np.zeros(len(raw), dtype=bool)
    flags = np.full(len(raw), "", dtype=object)
    texts = raw[is_text]
    where = np.flatnonzero(is_text)
    for found in set(texts):
        marker = MARKERS.get(found.strip())
        at = where[texts == found]
        if marker is None:
            raise LayoutError(
                f"{path.name} [{sheet}] cell {cell_at(int(at[0]))}: expected a number or "
                f"one of {', '.join(repr(m) for m in MARKERS)}, found {found!r}. The layout "
                f"changed (columns shifted?): check the file against docs/sources.md."
            )
        flags[at] = marker[0]
        if marker[1] is None:
            missing[at] = True
        else:
            values[at] = marker[1]
    return pd.arrays.FloatingArray(values, missing), flags


def _converted(values: np.ndarray[Any, Any], function: Callable[[Any], Any] | None) -> Any:
    if function is None:
        return values
    return np.array([function(value) for value in values], dtype=object)


def _padded(row: list[Any], width: int) -> list[Any]:
    return row[:width] + [""] * (width - len(row)) if len(row) < width else row[:width]
