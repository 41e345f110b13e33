"""UN World Population Prospects: the Excel files of an edition, one parser, layouts as data.

Every WPP 2019 "F" file has the same shape: title rows 1-16, the header in row 17 (``Index``,
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

from migobs.errors import LayoutError
from migobs.provenance import a1
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

SOURCE = "wpp"
FIX = f"obtain the file again with `migobs fetch {SOURCE}`, or update its layout in migobs/sources/wpp.py."
HEADER = {
    "A": "Index",
    "B": "Variant",
    "C": "Region, subregion, country or area",
    "D": "Notes",
    "E": "Country code",
    "F": "Type",
    "G": "Parent code",
}
KEYS = {"variant": "B", "name": "C", "notes": "D", "code": "E", "type": "F", "parent": "G"}
STRUCTURAL_TYPES = ("Label/Separator",)

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
    """One WPP file: its variable, the sheets to read, header row, first value column, and the
    revision code that marks the edition (``POP/DB/WPP/Rev.2019/...`` in A12 of every sheet)."""

    variable: str
    unit: str
    sheets: tuple[str, ...]
    revision: str
    revision_cell: tuple[int, int] = (12, 1)
    header_row: int = 17
    first_data_row: int = 18
    first_value: str = "H"


REV_2019 = "POP/DB/WPP/Rev.2019/"
"""The start of the revision code of every WPP 2019 file (A12: ``POP/DB/WPP/Rev.2019/MIGR/F02``)."""

LAYOUTS: dict[tuple[str, str], Layout] = {
    ("2019", "population"): Layout("population", "thousands", ("ESTIMATES",), REV_2019),
    ("2019", "net_migrants"): Layout(
        "net_migrants", "thousands", ("ESTIMATES", "MEDIUM VARIANT"), REV_2019
    ),
    ("2019", "deaths"): Layout("deaths", "thousands", ("ESTIMATES", "MEDIUM VARIANT"), REV_2019),
}
"""Layout of each (edition, file key) of the catalogue."""


def layout(edition: str, key: str) -> Layout:
    """The layout of one file; :class:`UnknownSource` lists the known ones otherwise."""
    return layout_of(LAYOUTS, SOURCE, edition, key)


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
    spec = layout(edition, key)
    grids = read_sheets(path, spec.sheets, fix=FIX)
    frames = [_read_sheet(path, sheet, grids[sheet], spec) for sheet in spec.sheets]
    return pd.concat(frames, ignore_index=True)[list(COLUMNS)]


def _read_sheet(path: Path, sheet: str, grid: Grid, spec: Layout) -> pd.DataFrame:
    header = spec.header_row - 1
    for letters, label in HEADER.items():
        expect(path, sheet, grid, header, column_index(letters), label, FIX)
    _expect_revision(path, sheet, grid, spec)
    start = column_index(spec.first_value)
    if not _is_year(cell(grid, header, start)):
        expect(path, sheet, grid, header, start, "a year or period", FIX)
    columns = [c for c in range(start, len(grid[header])) if text(grid[header][c])]
    labels = [text(grid[header][c]) for c in columns]
    type_column = column_index(KEYS["type"])
    rows = [
        r
        for r in range(spec.first_data_row - 1, len(grid))
        if text(cell(grid, r, type_column)) not in ("", *STRUCTURAL_TYPES)
    ]
    keys = {name: column_index(letters) for name, letters in KEYS.items()}
    frame = numbers(path, sheet, melt(grid, rows, keys, columns, labels))
    headers = [str(v) for v in frame["label"]]
    return pd.DataFrame(
        {
            "sheet": sheet,
            "variable": spec.variable,
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
            "unit": spec.unit,
            "row": frame["row"].astype(np.int64),
            "cell": frame["cell"],
        }
    )


def _is_year(value: object) -> bool:
    return text(value)[:4].isdigit()


def _expect_revision(path: Path, sheet: str, grid: Grid, spec: Layout) -> None:
    row, column = spec.revision_cell
    found = text(cell(grid, row - 1, column - 1))
    if not found.startswith(spec.revision):
        raise LayoutError(
            f"{path.name} [{sheet}] cell {a1(row - 1, column - 1)}: the revision code is "
            f"{found!r}, not {spec.revision!r}...: this file is another WPP revision than the "
            f"catalogue's edition. Add its edition to migobs/sources/wpp.yml and its layout to "
            f"LAYOUTS in migobs/sources/wpp.py, or obtain the right file with `migobs fetch {SOURCE}`."
        )
