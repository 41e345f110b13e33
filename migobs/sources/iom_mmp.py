"""IOM Missing Migrants Project: the global figures export, one row per (split) incident.

Each vintage is an xlsx export with one sheet; its header labels differ between vintages, so
each edition's ``layout`` in ``iom_mmp.yml`` lists its columns in file order with the field each
is read into. Values are returned as the file states them: counts as numbers, the incident date
as a date where the text is an ISO date (the text is kept beside it), coordinates split into
latitude and longitude (2022: ``POINT (lon lat)``; 2025: ``lat, lon``; the text is kept).
Multi-valued fields (origins, causes) stay comma-separated text. Nothing is mapped or summed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import LayoutError
from migobs.sources._excel import read_sheets
from migobs.sources._layout import layout
from migobs.sources._tables import expect_header

SOURCE = "iom_mmp"


@dataclass(frozen=True)
class IncidentsLayout:
    """The export's sheet and header row, its ``columns`` in file order (label → field) and the
    fields read as ``numbers``."""

    sheet: str
    header_row: int
    columns: dict[str, str]
    numbers: tuple[str, ...]


def incidents_layout(edition: str) -> IncidentsLayout:
    """The layout of ``edition``'s export, as ``iom_mmp.yml`` describes it."""
    return layout(SOURCE, edition, IncidentsLayout)


FIX = "obtain it again with `migobs fetch iom_mmp`, or add the new edition to migobs/sources/iom_mmp.yml."
POINT = re.compile(r"^POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)$")
PAIR = re.compile(r"^(-?[\d.]+)\s*,\s*(-?[\d.]+)$")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def read(path: Path, edition: str) -> pd.DataFrame:
    """Every incident row of the vintage ``edition``.

    Returns
    -------
    DataFrame
        One column per field of the edition's layout (text fields as stripped text, ``""``
        where empty; counts and ``year`` as floats, NaN where empty), plus ``incident_date``
        (a date, NaT unless the text is ``YYYY-MM-DD``), ``incident_date_text``,
        ``latitude``/``longitude`` (NaN unless the coordinates text reads as a point), and
        ``row``: the row in the sheet as Excel numbers it.

    Raises
    ------
    LayoutError
        The sheet or header is not the vintage's, or a count is not a number.
    UnknownSource
        The catalogue has no such vintage.
    """
    spec = incidents_layout(edition)
    grid = read_sheets(path, [spec.sheet], fix=FIX)[spec.sheet]
    header_at = spec.header_row - 1
    labels = list(spec.columns)
    where = f"sheet {spec.sheet!r}, row {header_at + 1}"
    expect_header(path, where, grid[header_at] if len(grid) > header_at else [], labels)
    kept = [
        (number, row[: len(labels)])
        for number, row in enumerate(grid[header_at + 1 :], start=header_at + 2)
        if any(value != "" for value in row)
    ]
    fields = [spec.columns[label] for label in labels]
    raw = pd.DataFrame([row for _, row in kept], columns=fields, dtype=object)
    raw["row"] = [number for number, _ in kept]
    return _typed(path, spec, raw)


def _typed(path: Path, spec: IncidentsLayout, raw: pd.DataFrame) -> pd.DataFrame:
    numbers = set(spec.numbers)
    frame = pd.DataFrame({"row": raw["row"]})
    for field in raw.columns.drop("row"):
        if field in numbers:
            frame[field] = _numbers(path, spec, raw, field)
        else:
            frame[field] = raw[field].map(_text)
    frame["incident_date_text"] = frame["incident_date"]
    dates = frame["incident_date"].where(frame["incident_date"].str.match(ISO_DATE), None)
    frame["incident_date"] = pd.to_datetime(dates, format="%Y-%m-%d", errors="coerce").dt.date
    points = frame["coordinates"].map(_point)
    frame["latitude"] = [p[0] for p in points]
    frame["longitude"] = [p[1] for p in points]
    return frame


def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _numbers(path: Path, spec: IncidentsLayout, raw: pd.DataFrame, field: str) -> pd.Series:
    column = raw[field].replace("", None)
    numeric = pd.to_numeric(column, errors="coerce")
    bad = numeric.isna() & column.notna()
    if bad.any():
        first = int(bad.to_numpy().argmax())
        row = raw["row"].tolist()[first]
        raise LayoutError(
            f"{path.name}, sheet {spec.sheet!r}, row {row}: {field} is "
            f"{column.tolist()[first]!r}, not a number."
        )
    return numeric.astype("float64")


def _point(text: str) -> tuple[float, float]:
    """``(latitude, longitude)`` of a coordinates text; NaN when it reads as neither form."""
    match = POINT.match(text)
    if match:
        return float(match[2]), float(match[1])
    match = PAIR.match(text)
    if match:
        return float(match[1]), float(match[2])
    return float("nan"), float("nan")
