"""World Bank / KNOMAD bilateral matrices: remittances (US$ millions) and migrant stocks (persons).

Each workbook has one official sheet: a title in A1, a header row of column areas (after a corner
label), then one row per row area, a totals row and a totals column (``WORLD``/``World``, Excel
formulas whose cached values are read), and free-text notes below a blank row. Where each sits is
the ``layout`` of ``knomad.yml``. Sheets a previous owner added (``remshare``,
``countries-comparison``) are not read. Nothing is mapped or summed here: totals and the
``Other North``/``Other South`` residuals come back as the file states them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import a1
from migobs.sources._excel import read_sheets
from migobs.sources._layout import file_layout

SOURCE = "knomad"
FIX = "obtain it again with `migobs fetch knomad`, or add the new edition to migobs/sources/knomad.yml."


@dataclass(frozen=True)
class MatrixLayout:
    """One matrix's sheet, the start of its title in A1, its header row (1-based) and corner
    label, what rows and columns are (``sending``/``receiving``, ``origin``/``destination``),
    its unit and year, and the text markers (besides an empty cell) that mean "no estimate"."""

    sheet: str
    title_starts: str
    header_row: int
    corner: str
    rows: str
    columns: str
    unit: str
    year: int
    missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class Matrix:
    """One bilateral matrix as the file states it.

    Attributes
    ----------
    title: the title in A1 (it names the unit and the version).
    sheet: the sheet read.
    rows, columns: what the row and column areas are, e.g. ``sending`` and ``receiving``.
    unit: the unit of the values as the file states it, ``millions_usd`` or ``persons``.
    year: the reference year.
    values: one row per cell of the table: ``row_name``, ``column_name``, ``value`` (NaN where
        empty or a ``missing`` marker of the layout: zero or no estimate), ``cell`` (A1).
    """

    title: str
    sheet: str
    rows: str
    columns: str
    unit: str
    year: int
    values: pd.DataFrame


def read(path: Path, edition: str, key: str) -> Matrix:
    """Read the matrix ``key`` (``remittances`` or ``migrant_stocks``) of ``edition``.

    Raises
    ------
    LayoutError
        The sheet, the title, the corner label or a value is not what the layout says.
    UnknownSource
        The catalogue has no such edition.
    """
    spec = file_layout(SOURCE, edition, key, MatrixLayout)
    grid = read_sheets(path, [spec.sheet], fix=FIX)[spec.sheet]
    where = f"sheet {spec.sheet!r}"
    title = str(grid[0][0]).strip() if grid and grid[0] else ""
    if not title.startswith(spec.title_starts):
        raise LayoutError(
            f"{path.name}, {where}, cell A1: expected a title starting {spec.title_starts!r}, "
            f"found {title!r}."
        )
    header_index = spec.header_row - 1
    header = grid[header_index] if len(grid) > header_index else []
    corner = str(header[0]).strip() if header else None
    if corner != spec.corner.strip():
        raise LayoutError(
            f"{path.name}, {where}, cell {a1(header_index, 0)}: expected the corner label "
            f"{spec.corner!r}, found {corner!r}. The header row moved."
        )
    columns = _column_names(header)
    missing = {"", *spec.missing}
    records = [
        record
        for index in range(header_index + 1, _end(grid, header_index))
        for record in _row(path, where, (index, grid[index]), columns, missing)
    ]
    return Matrix(
        title=title,
        sheet=spec.sheet,
        rows=spec.rows,
        columns=spec.columns,
        unit=spec.unit,
        year=spec.year,
        values=pd.DataFrame(records),
    )


def _column_names(header: list[Any]) -> dict[int, str]:
    return {i: str(v).strip() for i, v in enumerate(header) if i > 0 and str(v).strip()}


def _end(grid: list[list[Any]], header_index: int) -> int:
    """The index of the first blank row after the header (the notes follow it)."""
    for index in range(header_index + 1, len(grid)):
        if not str(grid[index][0]).strip():
            return index
    return len(grid)


def _row(
    path: Path, where: str, at: tuple[int, list[Any]], columns: dict[int, str], missing: set[str]
) -> list[dict[str, Any]]:
    index, row = at
    name = str(row[0]).strip()
    out = []
    for column, column_name in columns.items():
        value = row[column] if column < len(row) else ""
        if isinstance(value, str) and value.strip() in missing:
            value = ""
        elif not isinstance(value, int | float):
            raise LayoutError(
                f"{path.name}, {where}, cell {a1(index, column)}: {value!r} is not a number "
                f"(row {name!r}, column {column_name!r})."
            )
        out.append(
            {
                "row_name": name,
                "column_name": column_name,
                "value": math.nan if value == "" else float(value),
                "cell": a1(index, column),
            }
        )
    return out
