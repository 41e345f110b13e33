"""UN World Population Prospects: the Excel files of an edition, one parser, layouts as data.

Every WPP 2019 "F" file has the same shape (the ``layout`` of ``wpp.yml``): title rows 1-16, the header in row 17 (``Index``,
``Variant``, ``Region, subregion, country or area *``, ``Notes``, ``Country code``, ``Type``,
``Parent code``, then one column per year or five-year period), data from row 18. Values are in
thousands; ``...`` marks a missing value. The ``Type`` column tells countries from aggregates
(``World``, ``Region``, ``Subregion``, ``SDG region``, ``Income Group`` ...); ``Label/Separator``
rows are headings without values and are dropped as structural rows. The parser returns what
the file says: it does not convert units, map codes or aggregate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from migobs.distinct import each_distinct
from migobs.errors import LayoutError
from migobs.provenance import a1
from migobs.sources import _layout
from migobs.sources._excel import (
    Grid,
    cell,
    column_index,
    expect,
    melt,
    numbers,
    read_sheets,
    text,
)

SOURCE = "wpp"
FIX = f"obtain the file again with `migobs fetch {SOURCE}`, or update its layout in migobs/sources/wpp.yml."

COLUMNS = (
    "sheet",
    "variable",
    "variant",
    "name",
    "notes",
    "code",
    "type",
    "parent_code",
    "year",
    "period",
    "value",
    "flag",
    "unit",
    "row",
    "cell",
)
"""Columns of the frame :func:`read` returns."""


@dataclass(frozen=True)
class Layout:
    """How an edition's WPP files are laid out (rows 1-based): the header labels to check (column
    letter → label), the key columns (field → letter), the type of structural rows, where the
    revision code that marks the edition sits (``POP/DB/WPP/Rev.2019/...`` in A12 of every
    sheet), the header row, the first data row and the first value column."""

    revision: str
    header: dict[str, str]
    keys: dict[str, str]
    structural_types: tuple[str, ...]
    revision_row: int
    revision_column: str
    header_row: int
    first_data_row: int
    first_value: str


@dataclass(frozen=True)
class FileLayout:
    """One WPP file of an edition: its variable, the unit its values are in, the sheets to read."""

    variable: str
    unit: str
    sheets: tuple[str, ...]


def described(edition: str, key: str) -> bool:
    """Whether ``wpp.yml`` describes the layout of the edition's file ``key``."""
    return _layout.described(SOURCE, edition, key)


def read(path: Path, edition: str, key: str) -> pd.DataFrame:
    """Every value of the WPP file ``path`` laid out as edition ``edition``'s file ``key``.

    Returns
    -------
    DataFrame
        Columns :data:`COLUMNS`: ``sheet``, ``variable`` (``population``, ``net_migrants``,
        ``deaths``), ``variant`` (as written, e.g. ``Estimates``), ``name``, ``notes``,
        ``code`` (int), ``type`` (e.g. ``Country/Area``), ``parent_code`` (int), ``year`` (the
        year, or a period's first year), ``period`` (``1950-1955`` or ``None`` for annual
        columns), ``value`` (in ``unit``, thousands, as the file states it; ``None`` for
        ``...``), ``flag``, ``unit``, ``row`` (1-based) and ``cell`` (A1).

    Raises
    ------
    LayoutError
        The file cannot be read, a sheet is missing, the header is not in row 17, or the revision
        code in A12 is not the edition's (another WPP revision).
    """
    spec = _layout.layout(SOURCE, edition, Layout)
    file = _layout.file_layout(SOURCE, edition, key, FileLayout)
    grids = read_sheets(path, file.sheets, fix=FIX)
    frames = [_read_sheet(path, sheet, grids[sheet], spec, file) for sheet in file.sheets]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]


def _read_sheet(path: Path, sheet: str, grid: Grid, spec: Layout, file: FileLayout) -> pd.DataFrame:
    header = spec.header_row - 1
    for letters, label in spec.header.items():
        expect(path, sheet, grid, header, column_index(letters), label, FIX)
    _expect_revision(path, sheet, grid, spec)
    start = column_index(spec.first_value)
    if not _is_year(cell(grid, header, start)):
        expect(path, sheet, grid, header, start, "a year or period", FIX)
    columns = [c for c in range(start, len(grid[header])) if text(grid[header][c])]
    labels = [text(grid[header][c]) for c in columns]
    type_column = column_index(spec.keys["type"])
    rows = [
        r
        for r in range(spec.first_data_row - 1, len(grid))
        if text(cell(grid, r, type_column)) not in ("", *spec.structural_types)
    ]
    keys = {name: column_index(letters) for name, letters in spec.keys.items()}
    frame = numbers(path, sheet, melt(grid, rows, keys, columns, labels))
    headers = [str(v) for v in frame["label"]]
    return pd.DataFrame(
        {
            "sheet": sheet,
            "variable": file.variable,
            "variant": each_distinct(frame["variant"], text),
            "name": each_distinct(frame["name"], text),
            "notes": each_distinct(frame["notes"], text),
            "code": frame["code"].astype(int),
            "type": each_distinct(frame["type"], text),
            "parent_code": frame["parent"].astype(int),
            "year": [int(v[:4]) for v in headers],
            "period": pd.Series([v if "-" in v else None for v in headers], dtype=object),
            "value": frame["value"],
            "flag": frame["flag"],
            "unit": file.unit,
            "row": frame["row"].astype(np.int64),
            "cell": frame["cell"],
        }
    )


def _is_year(value: object) -> bool:
    return text(value)[:4].isdigit()


def _expect_revision(path: Path, sheet: str, grid: Grid, spec: Layout) -> None:
    row, column = spec.revision_row - 1, column_index(spec.revision_column)
    found = text(cell(grid, row, column))
    if not found.startswith(spec.revision):
        raise LayoutError(
            f"{path.name} [{sheet}] cell {a1(row, column)}: the revision code is "
            f"{found!r}, not {spec.revision!r}...: this file is another WPP revision than the "
            f"catalogue's edition. Add its edition and its layout to migobs/sources/wpp.yml, or "
            f"obtain the right file with `migobs fetch {SOURCE}`."
        )
