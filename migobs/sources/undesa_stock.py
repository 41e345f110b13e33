"""UN DESA International Migrant Stock: every edition's workbooks, one parser, layouts as data.

The editions differ in where things sit, not in what they say, so each file's layout is a row of
:data:`LAYOUTS` (sheet names, header rows, first data row, column blocks per variable and sex) and
:func:`read` reads any of them. The parser returns what the file says: names (stripped of their
indentation, which is kept in ``indent``), codes, years, sex, values (``None`` for ``..``) and each
value's sheet and A1 cell. It does not map names, aggregate or correct.

Traps the layouts encode (see docs/sources.md):

- 2017 and 2019 totals: title rows 1-14, block labels in row 15, years in row 16, WORLD in row
  17; ``Table 2`` has no "Type of data" column, so its blocks start one column to the left.
- 2017 origin-destination (a DERIVED one-sheet copy, ``Sheet1``): row 1 is the header, each row
  is one (year, destination); origins are columns named by country name only, plus ``Total``
  and the ``Other North`` / ``Other South`` unknown-origin residuals.
- 2020: a single header row 11 with years, block labels in row 8, data from row 12; names are
  indented with spaces (and some carry a ``*``); type codes may have trailing spaces; an em dash
  means "not zero but rounds to zero" (value 0, flag ``rounds_to_zero``); ``~`` marks values
  withheld for privacy (value ``None``, flag ``protected``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import column_letters
from migobs.sources._excel import (
    Grid,
    cell,
    column_index,
    each_distinct,
    expect,
    layout_of,
    melt,
    numbers,
    read_sheets,
    text,
)

SOURCE = "undesa_stock"
FIX = f"obtain the file again with `migobs fetch {SOURCE}`, or update its layout in migobs/sources/undesa_stock.py."

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
    """Adjacent value columns of one variable and sex, one column per year (or per origin)."""

    variable: str
    sex: str
    first: str
    width: int
    label: str


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
class Layout:
    """How one file of one edition is laid out (rows are 1-based, as Excel shows them).

    ``kind`` is ``by_year`` (blocks of year columns, years in ``years_row``) or ``by_origin``
    (a year column, then one column per origin named in ``header_row``). ``years`` are the years
    each block of a ``by_year`` file states, in order: another edition's file (other years)
    is refused.
    """

    kind: str
    label_row: int
    header_row: int
    years_row: int
    first_data_row: int
    tables: tuple[Table, ...]
    years: tuple[int, ...] = ()


def _sexes(variable: str, first: str, labels: Sequence[str], width: int = 7) -> tuple[Block, ...]:
    start = column_index(first)
    return tuple(
        Block(variable, sex, column_letters(start + i * width), width, label)
        for i, (sex, label) in enumerate(zip(("total", "male", "female"), labels, strict=True))
    )


_OLD_KEYS = {"sort": "A", "name": "B", "notes": "C", "code": "D", "type": "E"}
_OLD_HEADER = {
    "A": "Sort order",
    "B": "Major area, region, country or area",
    "D": "Code",
    "E": "Type of data",
}
_OLD_T2_KEYS = {"sort": "A", "name": "B", "notes": "C", "code": "D"}
_OLD_T2_HEADER = {"A": "Sort order", "B": "Major area, region, country or area", "D": "Code"}
_STOCK = "International migrant stock at mid-year"
_SHARE = "International migrant stock as a percentage of the total population"


def _years(last: int) -> tuple[int, ...]:
    return (1990, 1995, 2000, 2005, 2010, 2015, last)


def _old_totals(last_year: int) -> Layout:
    """2017 and 2019 totals workbooks (UN_MigrantStockTotal_<year>.xlsx), last year ``last_year``."""
    tables = (
        Table(
            "table1",
            "Table 1",
            "persons",
            _OLD_KEYS,
            _OLD_HEADER,
            _sexes(
                "migrant_stock",
                "F",
                (f"{_STOCK} (both sexes)", f"{_STOCK} (male)", f"{_STOCK} (female)"),
            ),
        ),
        Table(
            "table2",
            "Table 2",
            "thousands",
            _OLD_T2_KEYS,
            _OLD_T2_HEADER,
            _sexes(
                "population",
                "E",
                (
                    "Total population of both sexes",
                    "Total male population",
                    "Total female population",
                ),
            ),
        ),
        Table(
            "table3",
            "Table 3",
            "percent",
            _OLD_KEYS,
            _OLD_HEADER,
            _sexes(
                "migrant_share_pct",
                "F",
                (f"{_SHARE} (both sexes)", f"{_SHARE} (male)", f"{_SHARE} (female)"),
            ),
        ),
        Table(
            "table4",
            "Table 4",
            "percent",
            _OLD_KEYS,
            _OLD_HEADER,
            (Block("female_share_pct", "total", "F", 7, "Female migrants as a percentage"),),
        ),
        Table(
            "table6",
            "Table 6",
            "persons",
            _OLD_KEYS,
            _OLD_HEADER,
            (Block("refugees", "total", "F", 7, "Estimated refugee stock"),),
        ),
        Table(
            "table6",
            "Table 6",
            "percent",
            _OLD_KEYS,
            _OLD_HEADER,
            (
                Block(
                    "refugees_share_pct",
                    "total",
                    "M",
                    7,
                    "Refugees and asylum seekers as a percentage",
                ),
            ),
        ),
    )
    return Layout(
        "by_year",
        label_row=15,
        header_row=15,
        years_row=16,
        first_data_row=17,
        tables=tables,
        years=_years(last_year),
    )


_NEW_KEYS = {"sort": "A", "name": "B", "notes": "C", "code": "D", "type": "E"}
_NEW_HEADER = {
    "B": "Region, development group, country or area",
    "D": "Location code",
    "E": "Type of data",
}


def _new_totals() -> Layout:
    """2020 by sex and destination (undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx)."""
    sexes = ("both sexes combined", "males", "females")
    tables = (
        Table(
            "table1",
            "Table 1",
            "persons",
            _NEW_KEYS,
            _NEW_HEADER,
            _sexes("migrant_stock", "F", tuple(f"{_STOCK}, {s}" for s in sexes)),
        ),
        Table(
            "table2",
            "Table 2",
            "thousands",
            _NEW_KEYS,
            _NEW_HEADER,
            _sexes("population", "F", tuple(f"Total population at mid-year, {s}" for s in sexes)),
        ),
        Table(
            "table3",
            "Table 3",
            "percent",
            _NEW_KEYS,
            _NEW_HEADER,
            _sexes("migrant_share_pct", "F", tuple(f"{_SHARE}, {s}" for s in sexes)),
        ),
        Table(
            "table4",
            "Table 4",
            "percent",
            _NEW_KEYS,
            _NEW_HEADER,
            (Block("female_share_pct", "total", "F", 7, "Female migrants as a percentage"),),
        ),
        Table(
            "table6",
            "Table 6",
            "persons",
            _NEW_KEYS,
            _NEW_HEADER,
            (Block("refugees", "total", "F", 7, "Refugee and asylum seekers at mid-year"),),
        ),
        Table(
            "table6",
            "Table 6",
            "percent",
            _NEW_KEYS,
            _NEW_HEADER,
            (
                Block(
                    "refugees_share_pct",
                    "total",
                    "M",
                    7,
                    "Refugee and asylum seekers as a percentage",
                ),
            ),
        ),
    )
    return Layout(
        "by_year",
        label_row=8,
        header_row=11,
        years_row=11,
        first_data_row=12,
        tables=tables,
        years=_years(2020),
    )


def _origin_destination() -> Layout:
    """The 2017 origin-destination copy: Table 1 (both sexes) pasted into one sheet."""
    keys = {"year": "A", "sort": "B", "name": "C", "notes": "D", "code": "E", "type": "F"}
    header = {
        "A": "Year",
        "C": "Major area, region, country or area",
        "E": "Code",
        "F": "Type of data",
        "G": "Total",
    }
    table = Table(
        "od", "Sheet1", "persons", keys, header, (Block("migrant_stock", "total", "G", 0, "Total"),)
    )
    return Layout(
        "by_origin", label_row=1, header_row=1, years_row=1, first_data_row=2, tables=(table,)
    )


LAYOUTS: dict[tuple[str, str], Layout] = {
    ("2017", "totals"): _old_totals(2017),
    ("2017", "origin_destination"): _origin_destination(),
    ("2019", "totals"): _old_totals(2019),
    ("2020", "by_sex_destination"): _new_totals(),
}
"""Layout of each (edition, file key) of the catalogue."""


def layout(edition: str, key: str) -> Layout:
    """The layout of one file; :class:`UnknownSource` lists the known ones otherwise."""
    return layout_of(LAYOUTS, SOURCE, edition, key)


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
    rows = _data_rows(path, grid, spec, table)
    keys = {name: column_index(letters) for name, letters in table.columns.items()}
    frames = []
    for block in table.blocks:
        columns, labels = _block_columns(path, grid, spec, table, block)
        frame = melt(grid, rows, keys, columns, labels, ROW_TEXT)
        frames.append(_tidy(path, table, spec, block, frame))
    return pd.concat(frames, ignore_index=True)


def _data_rows(path: Path, grid: Grid, spec: Layout, table: Table) -> list[int]:
    code_column = column_index(table.columns["code"])
    rows = []
    for row in range(spec.first_data_row - 1, len(grid)):
        code = cell(grid, row, code_column)
        if code == "" or code is None:
            continue
        if not isinstance(code, int | float):
            raise LayoutError(
                f"{path.name} [{table.sheet}] cell {table.columns['code']}{row + 1}: expected a "
                f"numeric area code, found {code!r}. Rows shifted? {FIX}"
            )
        rows.append(row)
    if not rows:
        raise LayoutError(
            f"{path.name} [{table.sheet}]: no data rows from row {spec.first_data_row}. {FIX}"
        )
    return rows


def _block_columns(
    path: Path, grid: Grid, spec: Layout, table: Table, block: Block
) -> tuple[list[int], list[object]]:
    start = column_index(block.first)
    expect(path, table.sheet, grid, spec.label_row - 1, start, block.label, FIX)
    if spec.kind == "by_origin":
        header = grid[spec.header_row - 1]
        end = len(header)
        while end > start and text(header[end - 1]) == "":
            end -= 1
        columns = list(range(start, end))
        return columns, [text(header[c]) for c in columns]
    columns = list(range(start, start + block.width))
    years = [cell(grid, spec.years_row - 1, c) for c in columns]
    for column, year in zip(columns, years, strict=True):
        if not isinstance(year, int | float):
            expect(path, table.sheet, grid, spec.years_row - 1, column, "a year", FIX)
    stated = tuple(int(y) for y in years)
    if spec.years and stated != spec.years:
        cells = (
            f"{column_letters(start)}{spec.years_row}:{column_letters(columns[-1])}{spec.years_row}"
        )
        raise LayoutError(
            f"{path.name} [{table.sheet}] row {spec.years_row}, cells {cells}: expected the years "
            f"{', '.join(map(str, spec.years))}, found {', '.join(map(str, stated))}. This is "
            f"another edition's file: put the file of this edition in its place, or {FIX}"
        )
    return columns, list(stated)


def _tidy(
    path: Path, table: Table, spec: Layout, block: Block, frame: pd.DataFrame
) -> pd.DataFrame:
    frame = numbers(path, table.sheet, frame)
    names = frame["name"]
    stripped = each_distinct(names, str.strip)
    by_origin = spec.kind == "by_origin"
    return pd.DataFrame(
        {
            "table": table.key,
            "sheet": table.sheet,
            "variable": block.variable,
            "sex": block.sex,
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


@dataclass(frozen=True)
class AnnexLayout:
    """Where the ANNEX of a totals workbook keeps its group flags (rows 1-based)."""

    sheet: str
    header_row: int
    first_data_row: int
    code: str
    name: str
    first_flag: str


ANNEX_LAYOUTS: dict[str, AnnexLayout] = {
    "2017": AnnexLayout(
        "ANNEX", header_row=16, first_data_row=17, code="D", name="B", first_flag="E"
    ),
    "2019": AnnexLayout(
        "ANNEX", header_row=16, first_data_row=17, code="D", name="B", first_flag="F"
    ),
}
"""Editions whose totals workbook has an ANNEX classifying areas into groups (Y/N columns)."""


def read_annex(path: Path, edition: str) -> pd.DataFrame:
    """The ANNEX group flags of a totals workbook, one row per (area, group column).

    Returns
    -------
    DataFrame
        ``name`` (stripped), ``code`` (int), ``group`` (the column's label, e.g.
        ``High-income Countries``), ``member`` (the cell's text: ``Y``, ``N``, ``N/A`` or ``""``),
        ``row`` (1-based) and ``cell`` (A1). Aggregate rows are kept (their flags are empty).

    Raises
    ------
    LayoutError
        No ANNEX for this edition, the sheet is missing, or its header is not where expected.
    """
    if edition not in ANNEX_LAYOUTS:
        raise LayoutError(
            f"{SOURCE} {edition} has no ANNEX layout; editions with one: {', '.join(ANNEX_LAYOUTS)}."
        )
    spec = ANNEX_LAYOUTS[edition]
    grid = read_sheets(path, [spec.sheet], fix=FIX)[spec.sheet]
    header = spec.header_row - 1
    expect(path, spec.sheet, grid, header, column_index(spec.code), "Code", FIX)
    expect(path, spec.sheet, grid, header, column_index(spec.name), "Region", FIX)
    start = column_index(spec.first_flag)
    labels = [text(v) for v in grid[header][start:]]
    columns = [start + i for i, label in enumerate(labels) if label]
    table = Table("annex", spec.sheet, "flag", {"code": spec.code, "name": spec.name}, {}, ())
    layout_ = Layout("flags", 0, spec.header_row, spec.header_row, spec.first_data_row, (table,))
    rows = _data_rows(path, grid, layout_, table)
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
