"""World Bank World Development Indicators: bulk CSV extracts of one indicator each.

An extract ``API_<indicator>_DS2_en_csv_v2_<n>.csv`` has a preamble (the database's name, the date
of last update), a header line (``Country Name``, ``Country Code``, ``Indicator Name``,
``Indicator Code``, then one column per year) and one line per economy or aggregate. Its
``Metadata_Country_...`` companion gives each code's region and income group (empty for
aggregates). Where each of these sits is the ``layout`` of ``wdi.yml``. Nothing is mapped or
dropped here: aggregates (WLD, LMY, ...) come back beside the economies.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import a1
from migobs.sources._layout import layout
from migobs.sources._tables import csv_lines, expect_header

SOURCE = "wdi"


@dataclass(frozen=True)
class ExtractLayout:
    """A bulk extract: the preamble lines naming the ``database`` and the date of last update,
    the header line and its label columns, and the header of the ``Metadata_Country`` file."""

    database_line: int
    database: str
    updated_line: int
    header_line: int
    header: tuple[str, ...]
    country_header: tuple[str, ...]


@dataclass(frozen=True)
class Indicator:
    """One bulk extract.

    Attributes
    ----------
    code: the indicator code the file states, e.g. ``BX.TRF.PWKR.CD.DT``.
    name: the indicator's name, e.g. ``Personal remittances, received (current US$)``.
    last_updated: the preamble's ``Last Updated Date`` (ISO text).
    values: one row per economy or aggregate and year: ``country_name``, ``country_code``,
        ``year``, ``value`` (as stated, NaN where the field is empty), ``cell`` (A1, counting
        every line of the file).
    """

    code: str
    name: str
    last_updated: str
    values: pd.DataFrame


def read_indicator(path: Path, edition: str) -> Indicator:
    """Read a WDI bulk extract of ``edition`` (its date of last update).

    Raises
    ------
    LayoutError
        The preamble, the header or a value is not where or what the layout says, or the date
        of last update is not the edition's.
    UnknownSource
        The catalogue has no such edition.
    """
    spec = layout(SOURCE, edition, ExtractLayout)
    lines = dict(csv_lines(path))
    _check_preamble(path, lines, spec, edition)
    header = lines.get(spec.header_line, [])
    expect_header(path, f"line {spec.header_line}", header, list(spec.header))
    years = _years(path, spec.header_line, header[len(list(spec.header)) :])
    records: list[dict[str, Any]] = []
    labels: set[tuple[str, str]] = set()
    for line, fields in sorted(lines.items()):
        if line <= spec.header_line or not any(fields):
            continue
        labels.add((fields[2], fields[3]))
        records += _values(path, line, fields, years, offset=len(list(spec.header)))
    if len(labels) != 1:
        raise LayoutError(f"{path.name}: expected one indicator, found {sorted(labels)}.")
    name, code = labels.pop()
    return Indicator(code, name, _field(lines, spec.updated_line, 1), pd.DataFrame(records))


def read_countries(path: Path, edition: str) -> pd.DataFrame:
    """Read a ``Metadata_Country`` file: one row per code as the file gives it.

    Returns
    -------
    DataFrame
        ``code``, ``region``, ``income_group``, ``special_notes``, ``name`` (text, ``""`` where
        empty: aggregates have no region) and ``row`` (the line in the file).

    Raises
    ------
    LayoutError
        The header is not the one the layout names.
    """
    spec = layout(SOURCE, edition, ExtractLayout)
    lines = list(csv_lines(path))
    if not lines:
        raise LayoutError(f"{path.name}: the file is empty; obtain it again.")
    expect_header(path, "line 1", lines[0][1], list(spec.country_header))
    rows = [
        {
            "code": fields[0],
            "region": fields[1],
            "income_group": fields[2],
            "special_notes": fields[3],
            "name": fields[4],
            "row": line,
        }
        for line, fields in lines[1:]
        if any(fields)
    ]
    return pd.DataFrame(rows)


def _field(lines: dict[int, list[str]], line: int, column: int) -> str:
    fields = lines.get(line, [])
    return fields[column] if len(fields) > column else ""


def _check_preamble(
    path: Path, lines: dict[int, list[str]], spec: ExtractLayout, edition: str
) -> None:
    database = _field(lines, spec.database_line, 1)
    if database != spec.database:
        raise LayoutError(
            f"{path.name}, line {spec.database_line}: expected the database "
            f"{spec.database!r}, found {database!r}. Not a WDI bulk extract."
        )
    updated = _field(lines, spec.updated_line, 1)
    if updated != edition:
        raise LayoutError(
            f"{path.name}, line {spec.updated_line}: Last Updated Date is {updated!r}, not the "
            f"edition {edition!r}. A different vintage: add it to migobs/sources/wdi.yml."
        )


def _years(path: Path, line: int, labels: list[str]) -> list[int | None]:
    years: list[int | None] = []
    for i, label in enumerate(labels):
        if label.isdigit():
            years.append(int(label))
        elif label == "" and i == len(labels) - 1:
            years.append(None)  # the trailing comma's empty column
        else:
            raise LayoutError(f"{path.name}, line {line}: column {label!r} is not a year.")
    return years


def _values(
    path: Path, line: int, fields: list[str], years: list[int | None], offset: int
) -> list[dict[str, Any]]:
    out = []
    for i, year in enumerate(years):
        if year is None:
            continue
        text = fields[offset + i] if offset + i < len(fields) else ""
        out.append(
            {
                "country_name": fields[0],
                "country_code": fields[1],
                "year": year,
                "value": _number(path, line, offset + i, text),
                "cell": a1(line - 1, offset + i),
            }
        )
    return out


def _number(path: Path, line: int, column: int, text: str) -> float:
    if text == "":
        return math.nan
    try:
        return float(text)
    except ValueError:
        raise LayoutError(
            f"{path.name}, cell {a1(line - 1, column)}: {text!r} is not a number."
        ) from None
