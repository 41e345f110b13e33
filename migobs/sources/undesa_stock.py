"""UN DESA International Migrant Stock: every edition's workbooks, one parser, layouts as data.

The editions differ in where things sit, not in what they say, so each file's layout is data:
the edition's ``layout: files:`` in ``undesa_stock.yml`` (sheet names, header rows, first data
row, column blocks per variable and sex, the years stated, the ANNEX), read into :class:`Layout`,
and :func:`read` reads any of them. The parser returns what the file says: names (stripped of
their indentation, which is kept in ``indent``), codes, years, sex, values (``None`` for ``..``)
and each value's sheet and A1 cell. It does not map names, aggregate or correct.

Traps the layouts encode (see docs/sources.md and the comments in ``undesa_stock.yml``): the
2017 and 2019 ``Table 2`` has no "Type of data" column, so its blocks start one column to the
left; the 2017 origin-destination file is a DERIVED one-sheet copy whose origins are columns
named by country name only (plus ``Total`` and the ``Other North`` / ``Other South``
residuals); 2020 names are indented with spaces (and some carry a ``*``), type codes may have
trailing spaces, an em dash means "not zero but rounds to zero" (value 0, flag
``rounds_to_zero``) and ``~`` marks values withheld for privacy (value ``None``, flag
``protected``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import column_letters
from migobs.sources import _layout
from migobs.sources._excel import (
    Grid,
    cell,
    column_index,
    each_distinct,
    expect,
    melt,
    numbers,
    read_sheets,
    text,
)

SOURCE = "undesa_stock"
FIX = f"obtain the file again with `migobs fetch {SOURCE}`, or update its layout in migobs/sources/undesa_stock.yml."

COLUMNS = (
    "table",
    "sheet",
    "variable",
    "sex",
    "year",
    "origin",
    "name",
    "indent",
    "notes",
    "code",
    "type_of_data",
    "value",
    "flag",
    "unit",
    "row",
    "cell",
)
"""Columns of the frame :func:`read` returns."""


ROW_TEXT: dict[str, Callable[[Any], str]] = {"name": str, "notes": text, "type": text}
"""Key columns read as text (``name`` keeps its indentation)."""


@dataclass(frozen=True)
class Block:
    """Adjacent value columns of one variable from column ``first``, one column per year (or per
    origin), ``width`` columns a sex: one sub-block per entry of ``labels`` (sex → the label the
    sub-block's first column has in the label row), in the order given."""

    variable: str
    first: str
    labels: dict[str, str]
    width: int = 7


@dataclass(frozen=True)
class Table:
    """One sheet: where its key columns are, the header labels to check, its blocks."""

    key: str
    sheet: str
    unit: str
    columns: dict[str, str]
    header: dict[str, str]
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class AnnexLayout:
    """Where the ANNEX of a totals workbook keeps its group flags (rows 1-based)."""

    sheet: str
    header_row: int
    first_data_row: int
    code: str
    name: str
    first_flag: str


@dataclass(frozen=True)
class Layout:
    """How one file of one edition is laid out (rows are 1-based, as Excel shows them).

    ``kind`` is ``by_year`` (blocks of year columns, years in ``years_row``) or ``by_origin``
    (a year column, then one column per origin named in ``header_row``). ``years`` are the years
    each block of a ``by_year`` file states, in order: another edition's file (other years)
    is refused. ``headings`` is how Table 1 shows a heading's depth (``case`` or ``indent``);
    ``annex`` where the workbook's ANNEX is, if it has one.
    """

    kind: Literal["by_year", "by_origin"]
    label_row: int
    header_row: int
    years_row: int
    first_data_row: int
    tables: tuple[Table, ...]
    years: tuple[int, ...] = ()
    headings: Literal["case", "indent", ""] = ""
    annex: AnnexLayout | None = None


def described(edition: str, key: str) -> bool:
    """Whether ``undesa_stock.yml`` describes the layout of the edition's file ``key``."""
    return _layout.described(SOURCE, edition, key)


def layout(edition: str, key: str) -> Layout:
    """The layout of one file, as ``undesa_stock.yml`` describes it.

    Raises
    ------
    LayoutError
        The YAML describes no such file (the message lists those it does).
    """
    return _layout.file_layout(SOURCE, edition, key, Layout)


def read(path: Path, edition: str, key: str) -> pd.DataFrame:
    """Every value of the file ``path``, laid out as edition ``edition``'s file ``key``.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`: ``table`` (``table1``... or ``od``), ``sheet``, ``variable``
        (``migrant_stock``, ``population``, ``migrant_share_pct``, ``female_share_pct``,
        ``refugees``, ``refugees_share_pct``), ``sex`` (``total``/``male``/``female``),
        ``year``, ``origin`` (the origin column's label in the origin-destination table, else
        ``None``), ``name`` (stripped), ``indent`` (leading spaces of the name), ``notes``,
        ``code`` (int), ``type_of_data`` (stripped; ``""`` for aggregates), ``value`` (as the
        file states it, in ``unit``: persons, thousands or percent; ``None`` for ``..``),
        ``flag`` (``""``, ``missing``, ``rounds_to_zero``, ``protected``), ``row`` (1-based)
        and ``cell`` (A1).

    Raises
    ------
    LayoutError
        The file cannot be read, a sheet is missing, or a header label is not where the layout
        says (the message names the file, sheet, row and cell, expected and found).
    """
    spec = layout(edition, key)
    grids = read_sheets(path, sorted({t.sheet for t in spec.tables}), fix=FIX)
    frames = [_read_table(path, grids[t.sheet], spec, t) for t in spec.tables]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]


def _read_table(path: Path, grid: Grid, spec: Layout, table: Table) -> pd.DataFrame:
    for letters, label in table.header.items():
        expect(path, table.sheet, grid, spec.header_row - 1, column_index(letters), label, FIX)
    rows = _data_rows(path, grid, table.sheet, table.columns["code"], spec.first_data_row)
    keys = {name: column_index(letters) for name, letters in table.columns.items()}
    frames = []
    for block in table.blocks:
        for i, (sex, label) in enumerate(block.labels.items()):
            start = column_index(block.first) + i * block.width
            columns, labels = _block_columns(
                path, grid, spec, table.sheet, start, block.width, label
            )
            frame = melt(grid, rows, keys, columns, labels, ROW_TEXT)
            frames.append(_tidy(path, table, spec, (block.variable, sex), frame))
    return pd.concat(frames, ignore_index=True)


def _data_rows(path: Path, grid: Grid, sheet: str, code: str, first_data_row: int) -> list[int]:
    code_column = column_index(code)
    rows = []
    for row in range(first_data_row - 1, len(grid)):
        value = cell(grid, row, code_column)
        if value == "" or value is None:
            continue
        if not isinstance(value, int | float):
            raise LayoutError(
                f"{path.name} [{sheet}] cell {code}{row + 1}: expected a numeric area code, "
                f"found {value!r}. Rows shifted? {FIX}"
            )
        rows.append(row)
    if not rows:
        raise LayoutError(f"{path.name} [{sheet}]: no data rows from row {first_data_row}. {FIX}")
    return rows


def _block_columns(
    path: Path, grid: Grid, spec: Layout, sheet: str, start: int, width: int, label: str
) -> tuple[list[int], list[object]]:
    expect(path, sheet, grid, spec.label_row - 1, start, label, FIX)
    if spec.kind == "by_origin":
        header = grid[spec.header_row - 1]
        end = len(header)
        while end > start and text(header[end - 1]) == "":
            end -= 1
        columns = list(range(start, end))
        return columns, [text(header[c]) for c in columns]
    columns = list(range(start, start + width))
    years = [cell(grid, spec.years_row - 1, c) for c in columns]
    for column, year in zip(columns, years, strict=True):
        if not isinstance(year, int | float):
            expect(path, sheet, grid, spec.years_row - 1, column, "a year", FIX)
    stated = tuple(int(y) for y in years)
    if spec.years and stated != spec.years:
        cells = (
            f"{column_letters(start)}{spec.years_row}:{column_letters(columns[-1])}{spec.years_row}"
        )
        raise LayoutError(
            f"{path.name} [{sheet}] row {spec.years_row}, cells {cells}: expected the years "
            f"{', '.join(map(str, spec.years))}, found {', '.join(map(str, stated))}. This is "
            f"another edition's file: put the file of this edition in its place, or {FIX}"
        )
    return columns, list(stated)


def _tidy(
    path: Path, table: Table, spec: Layout, variable_sex: tuple[str, str], frame: pd.DataFrame
) -> pd.DataFrame:
    frame = numbers(path, table.sheet, frame)
    names = frame["name"]
    stripped = each_distinct(names, str.strip)
    by_origin = spec.kind == "by_origin"
    return pd.DataFrame(
        {
            "table": table.key,
            "sheet": table.sheet,
            "variable": variable_sex[0],
            "sex": variable_sex[1],
            "year": (frame["year"] if by_origin else frame["label"]).astype(int),
            "origin": frame["label"] if by_origin else None,
            "name": stripped,
            "indent": names.str.len() - each_distinct(names, str.lstrip).str.len(),
            "notes": frame["notes"],
            "code": frame["code"].astype(int),
            "type_of_data": frame["type"] if "type" in frame else "",
            "value": frame["value"],
            "flag": frame["flag"],
            "unit": table.unit,
            "row": frame["row"].astype(np.int64),
            "cell": frame["cell"],
        }
    )


def read_annex(path: Path, edition: str, key: str = "totals") -> pd.DataFrame:
    """The ANNEX group flags of the edition's totals workbook, one row per (area, group column).

    Returns
    -------
    DataFrame
        ``name`` (stripped), ``code`` (int), ``group`` (the column's label, e.g.
        ``High-income Countries``), ``member`` (the cell's text: ``Y``, ``N``, ``N/A`` or ``""``),
        ``row`` (1-based) and ``cell`` (A1). Aggregate rows are kept (their flags are empty).

    Raises
    ------
    LayoutError
        The file's layout has no ANNEX, the sheet is missing, or its header is not where expected.
    """
    spec = layout(edition, key).annex
    if spec is None:
        raise LayoutError(
            f"{SOURCE} {edition} file {key!r} has no ANNEX; describe it as `annex` of the file's "
            f"layout in migobs/sources/{SOURCE}.yml."
        )
    grid = read_sheets(path, [spec.sheet], fix=FIX)[spec.sheet]
    header = spec.header_row - 1
    expect(path, spec.sheet, grid, header, column_index(spec.code), "Code", FIX)
    expect(path, spec.sheet, grid, header, column_index(spec.name), "Region", FIX)
    start = column_index(spec.first_flag)
    labels = [text(v) for v in grid[header][start:]]
    columns = [start + i for i, label in enumerate(labels) if label]
    rows = _data_rows(path, grid, spec.sheet, spec.code, spec.first_data_row)
    keys = {"code": column_index(spec.code), "name": column_index(spec.name)}
    frame = melt(grid, rows, keys, columns, [text(grid[header][c]) for c in columns])
    return pd.DataFrame(
        {
            "name": each_distinct(frame["name"], text),
            "code": frame["code"].astype(int),
            "group": frame["label"],
            "member": each_distinct(frame["raw"], text),
            "row": frame["row"].astype(np.int64),
            "cell": frame["cell"],
        }
    )
