"""World Bank Remittance Prices Worldwide (corridors): a DataBank CSV export, SDG 10.c.1.

One line per sending country, series and receiving country, then one column per quarter
(``2017Q1 [YR2017Q1]``); ``..`` marks a quarter without a survey. A footer of blank lines, the
database's name and the date of last update ends the file. Where each sits is the ``layout`` of
``rpw.yml``. Costs come back as the file states them (percent of the amount sent), per corridor
and period; codes are the file's ISO3 codes, unmapped.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import a1
from migobs.sources._layout import layout
from migobs.sources._tables import csv_lines, expect_header

SOURCE = "rpw"
LABELS = (
    "sending_name",
    "sending_code",
    "series_name",
    "series_code",
    "receiving_name",
    "receiving_code",
)


def read(path: Path, edition: str) -> pd.DataFrame:
    """Every corridor, series and period of the export, with its cell.

    Returns
    -------
    DataFrame
        ``sending_name``, ``sending_code``, ``series_name``, ``series_code``,
        ``receiving_name``, ``receiving_code``, ``period`` (``2017Q1``), ``year``, ``quarter``,
        ``value`` (percent, NaN where the file says ``..``), ``cell`` (A1 by physical line).

    Raises
    ------
    LayoutError
        The header, a period label, a value or the footer is not what the layout says.
    UnknownSource
        The catalogue has no such edition.
    """
    spec = layout(SOURCE, edition)
    lines = list(csv_lines(path))
    header_at = int(spec["header_line"]) - 1
    if len(lines) <= header_at:
        raise LayoutError(f"{path.name}: the file ends before its header line; obtain it again.")
    line, header = lines[header_at]
    expect_header(path, f"line {line}", header, spec["header"])
    periods = _periods(path, line, header[len(LABELS) :], spec["period_pattern"])
    body = [(n, fields) for n, fields in lines[header_at + 1 :] if len(fields) > 3 and fields[3]]
    _check_footer(path, lines, spec)
    records = [
        record
        for number, fields in body
        for record in _values(path, number, fields, periods, spec["missing"])
    ]
    return pd.DataFrame(records)


def _periods(path: Path, line: int, labels: list[str], pattern: str) -> list[tuple[int, int]]:
    found = []
    for label in labels:
        match = re.match(pattern, label)
        if match is None:
            raise LayoutError(f"{path.name}, line {line}: {label!r} is not a period column.")
        found.append((int(match[1]), int(match[2])))
    return found


def _check_footer(path: Path, lines: list[tuple[int, list[str]]], spec: dict[str, Any]) -> None:
    tail = [fields[0] for _, fields in lines[-6:] if fields and fields[0]]
    for key in ("footer_database", "footer_updated"):
        if spec[key] not in tail:
            raise LayoutError(
                f"{path.name}, last lines: expected the footer line {spec[key]!r}, found "
                f"{tail!r}. The file is truncated or is another vintage: add it to "
                f"migobs/sources/rpw.yml."
            )


def _values(
    path: Path, line: int, fields: list[str], periods: list[tuple[int, int]], missing: str
) -> list[dict[str, Any]]:
    labels = dict(zip(LABELS, fields, strict=False))
    out = []
    for i, (year, quarter) in enumerate(periods):
        column = len(LABELS) + i
        text = fields[column] if column < len(fields) else ""
        out.append(
            {
                **labels,
                "period": f"{year}Q{quarter}",
                "year": year,
                "quarter": quarter,
                "value": _number(path, a1(line - 1, column), text, missing),
                "cell": a1(line - 1, column),
            }
        )
    return out


def _number(path: Path, cell: str, text: str, missing: str) -> float:
    if text == missing:
        return math.nan
    try:
        return float(text)
    except ValueError:
        raise LayoutError(
            f"{path.name}, cell {cell}: {text!r} is neither a number nor {missing!r}."
        ) from None
