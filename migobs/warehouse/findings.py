"""Findings: typed records of what a build or a check noticed in the data.

A finding never stops a build; only input that cannot be read at all raises. Each finding has a
kebab-case ``type`` (``aggregate-mismatch``, ``unmapped-area``, ``correction-stale`` ...), a
one-line ``title``, a ``message`` that says what was seen, the observed and expected values when
there are numbers to compare, and the rows or cells involved. The rows name areas by their M49
codes under the keys of :data:`CODE_KEYS`, stored as text as M49 writes them (``"004"``), as every
face writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import duckdb
import pandas as pd

from migobs.m49 import written
from migobs.warehouse.frames import append

CODE_KEYS = ("area", "origin", "destination", "counterpart", "asylum", "sending", "receiving")
"""Keys under which a finding's rows name an area by its M49 code (stored as text, ``"004"``)."""


@dataclass(frozen=True)
class Finding:
    """One thing a build or check noticed.

    Attributes
    ----------
    type: kebab-case kind, e.g. ``aggregate-mismatch``.
    title: one line for a list of findings.
    message: what was seen, with the names and numbers involved.
    source, edition: the data the finding is about, when it is about one source.
    observed, expected: the two numbers compared, when there are.
    rows: the rows or cells involved (JSON-serialisable dicts, e.g. ``{"cell": "F17"}``); an
        area under a key of :data:`CODE_KEYS` may be given as a number, it is stored as text.
    """

    type: str
    title: str
    message: str
    source: str | None = None
    edition: str | None = None
    observed: float | None = None
    expected: float | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)


def insert(con: duckdb.DuckDBPyConnection, findings: Iterable[Finding]) -> int:
    """Append ``findings`` to the ``findings`` table; return how many were written."""
    records = list(findings)
    if not records:
        return 0
    first = _next_id(con)
    frame = pd.DataFrame(
        {
            "finding_id": range(first, first + len(records)),
            "type": [f.type for f in records],
            "title": [f.title for f in records],
            "message": [f.message for f in records],
            "source": [f.source for f in records],
            "edition": [f.edition for f in records],
            "observed": pd.array([f.observed for f in records], dtype="Float64"),
            "expected": pd.array([f.expected for f in records], dtype="Float64"),
            "rows": [
                json.dumps(_codes_as_text(f.rows), ensure_ascii=False, default=str) for f in records
            ],
        }
    )
    return append(con, "findings", frame)


def _codes_as_text(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: written(v) if k in CODE_KEYS else v for k, v in row.items()} for row in rows]


def _next_id(con: duckdb.DuckDBPyConnection) -> int:
    rows = con.execute("SELECT coalesce(max(finding_id), 0) + 1 FROM findings").fetchall()
    return int(rows[0][0])
