"""World Bank Remittance Prices Worldwide (corridors): a DataBank CSV export, SDG 10.c.1.

One line per sending country, series and receiving country, then one column per quarter
(``2017Q1 [YR2017Q1]``); ``..`` marks a quarter without a survey. A footer of blank lines, the
database's name and the date of last update ends the file. Where each sits is the ``layout`` of
``rpw.yml``. Costs come back as the file states them (percent of the amount sent), per corridor
and period; codes are the file's ISO3 codes, unmapped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from migobs.errors import LayoutError
from migobs.provenance import column_letters
from migobs.sources._layout import layout
from migobs.sources._tables import csv_lines, expect_header

SOURCE = "rpw"


@dataclass(frozen=True)
class ExportLayout:
    """The DataBank export: the header line and its label columns, the pattern of a period
    column's label, the missing-value marker, and the two footer lines it must end with."""

    header_line: int
    header: tuple[str, ...]
    period_pattern: str
    missing: str
    footer_database: str
    footer_updated: str


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
    spec = layout(SOURCE, edition, ExportLayout)
    lines = list(csv_lines(path))
    header_at = spec.header_line - 1
    if len(lines) <= header_at:
        raise LayoutError(f"{path.name}: the file ends before its header line; obtain it again.")
    line, header = lines[header_at]
    expect_header(path, f"line {line}", header, list(spec.header))
    periods = _periods(path, line, header[len(LABELS) :], spec.period_pattern)
    body = [(n, fields) for n, fields in lines[header_at + 1 :] if len(fields) > 3 and fields[3]]
    _check_footer(path, lines, spec)
    return _long(path, body, periods, spec.missing)


def _periods(path: Path, line: int, labels: list[str], pattern: str) -> list[tuple[int, int]]:
    found = []
    for label in labels:
        match = re.match(pattern, label)
        if match is None:
            raise LayoutError(f"{path.name}, line {line}: {label!r} is not a period column.")
        found.append((int(match[1]), int(match[2])))
    return found


def _check_footer(path: Path, lines: list[tuple[int, list[str]]], spec: ExportLayout) -> None:
    tail = [fields[0] for _, fields in lines[-6:] if fields and fields[0]]
    for line in (spec.footer_database, spec.footer_updated):
        if line not in tail:
            raise LayoutError(
                f"{path.name}, last lines: expected the footer line {line!r}, found "
                f"{tail!r}. The file is truncated or is another vintage: add it to "
                f"migobs/sources/rpw.yml."
            )


def _long(
    path: Path, body: list[tuple[int, list[str]]], periods: list[tuple[int, int]], missing: str
) -> pd.DataFrame:
    """One row per line and period column, with the value and its A1 cell."""
    width = len(LABELS) + len(periods)
    wide = pd.DataFrame([fields[:width] for _, fields in body], columns=range(width))
    wide["line"] = [number for number, _ in body]
    long = wide.melt(id_vars=["line", *range(len(LABELS))], var_name="column", value_name="text")
    long = long.rename(columns=dict(enumerate(LABELS)))
    offsets = long["column"].astype(int) - len(LABELS)
    long["year"] = offsets.map(lambda i: periods[i][0])
    long["quarter"] = offsets.map(lambda i: periods[i][1])
    long["period"] = long["year"].astype(str) + "Q" + long["quarter"].astype(str)
    letters = {c: column_letters(c) for c in range(len(LABELS), width)}
    long["cell"] = long["column"].map(letters) + long["line"].astype(str)
    long["value"] = _numbers(path, long, missing)
    ordered = long.sort_values(["line", "column"], kind="stable").reset_index(drop=True)
    return ordered[[*LABELS, "period", "year", "quarter", "value", "cell"]]


def _numbers(path: Path, long: pd.DataFrame, missing: str) -> pd.Series:
    text = long["text"].fillna("").replace(missing, None)
    numbers = pd.to_numeric(text, errors="coerce")
    bad = numbers.isna() & text.notna()
    if bad.any():
        first = int(bad.to_numpy().argmax())
        raise LayoutError(
            f"{path.name}, cell {long['cell'].iloc[first]}: {text.iloc[first]!r} is neither a "
            f"number nor {missing!r}."
        )
    return numbers.astype("float64")
