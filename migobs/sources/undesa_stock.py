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

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from migobs.distinct import each_distinct
from migobs.errors import LayoutError
from migobs.provenance import column_letters
from migobs.sources import _layout
from migobs.sources._excel import (
    Grid,
    cell,
    cell_values,
    column_index,
    expect,
    grid_block,
    melt,
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
    blocks = []
    for block in table.blocks:
        for i, (sex, label) in enumerate(block.labels.items()):
            start = column_index(block.first) + i * block.width
            columns, labels = _block_columns(
                path, grid, spec, table.sheet, start, block.width, label
            )
            blocks.append(
                _read_block(path, grid, table.sheet, rows, (block.variable, sex), columns, labels)
            )
    return _table_frame(table, spec, _row_keys(grid, rows, table), blocks)


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


@dataclass(frozen=True)
class _Block:
    """The cells of one sub-block (a variable and sex) in the data rows, row by row."""

    variable: str
    sex: str
    columns: list[int]
    labels: list[object]
    values: pd.arrays.FloatingArray
    flags: np.ndarray[Any, Any]


def _read_block(
    path: Path,
    grid: Grid,
    sheet: str,
    rows: list[int],
    variable_sex: tuple[str, str],
    columns: list[int],
    labels: list[object],
) -> _Block:
    width = max(columns) + 1
    raw = grid_block(grid, rows, width)[:, columns].ravel()

    def cell_at(at: int) -> str:
        return f"{column_letters(columns[at % len(columns)])}{rows[at // len(columns)] + 1}"

    values, flags = cell_values(path, sheet, raw, cell_at)
    return _Block(*variable_sex, columns, labels, values, flags)


def _row_keys(grid: Grid, rows: list[int], table: Table) -> pd.DataFrame:
    """The key columns of each data row, once per row (repeated for its cells later)."""
    keys = {
        name: [cell(grid, r, column_index(c)) for r in rows] for name, c in table.columns.items()
    }
    names = [str(name) for name in keys["name"]]
    frame = pd.DataFrame(
        {
            "name": [name.strip() for name in names],
            "indent": np.array([len(n) - len(n.lstrip()) for n in names], dtype=np.int64),
            "notes": [text(notes) for notes in keys["notes"]],
            "code": pd.Series(keys["code"], dtype=object).astype(int),
            "type_of_data": [text(t) for t in keys["type"]] if "type" in keys else "",
            "row": np.array(rows, dtype=np.int64) + 1,
        }
    )
    if "year" in keys:
        frame["year"] = pd.Series(keys["year"], dtype=object).astype(int)
    return frame


def _table_frame(
    table: Table, spec: Layout, keys: pd.DataFrame, blocks: list[_Block]
) -> pd.DataFrame:
    """One row per cell of ``blocks``, block after block, row by row in each: each cell's row
    keys, its column's label, value, flag and A1 cell."""
    count = len(keys)
    row_at = np.concatenate([np.repeat(np.arange(count), len(b.columns)) for b in blocks])
    block_at = np.repeat(np.arange(len(blocks)), [count * len(b.columns) for b in blocks])
    offsets = np.cumsum([0] + [len(b.columns) for b in blocks])
    column_at = np.concatenate(
        [
            np.tile(np.arange(len(b.columns)) + offset, count)
            for b, offset in zip(blocks, offsets[:-1], strict=True)
        ]
    )
    letters = pa.array([column_letters(c) for b in blocks for c in b.columns]).take(column_at)
    numbers = pa.array([str(row) for row in keys["row"]]).take(row_at)
    labels = [label for b in blocks for label in b.labels]
    row_keys = keys.take(row_at).reset_index(drop=True)
    by_origin = spec.kind == "by_origin"
    return pd.DataFrame(
        {
            "table": table.key,
            "sheet": table.sheet,
            "variable": _texts([b.variable for b in blocks], block_at),
            "sex": _texts([b.sex for b in blocks], block_at),
            "year": row_keys["year"] if by_origin else np.array(labels, dtype=np.int64)[column_at],
            "origin": _texts(labels, column_at) if by_origin else None,
            "name": row_keys["name"],
            "indent": row_keys["indent"],
            "notes": row_keys["notes"],
            "code": row_keys["code"],
            "type_of_data": row_keys["type_of_data"],
            "value": pd.concat([pd.Series(b.values) for b in blocks], ignore_index=True),
            "flag": pd.array(np.concatenate([b.flags for b in blocks]), dtype="str"),
            "unit": table.unit,
            "row": row_keys["row"],
            "cell": pd.array(pc.binary_join_element_wise(letters, numbers, ""), dtype="str"),
        }
    )


def _texts(values: list[Any], index: np.ndarray[Any, Any]) -> Any:
    """``values[i]`` for each ``i`` of ``index``, as a text column (repeated in Arrow, not made
    from a Python string per value)."""
    return pd.array(values, dtype="str").take(index)


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
