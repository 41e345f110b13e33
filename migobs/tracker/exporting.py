"""All published records as JSON or CSV: what the public may see, nothing more."""

from __future__ import annotations

import csv
import io
from typing import Any

from migobs.spreadsheet import inert, inert_rows
from migobs.tracker import reference
from migobs.tracker.models import RECORD_KINDS
from migobs.tracker.policy import PUBLIC
from migobs.tracker.service import Tracker


def published(tracker: Tracker) -> dict[str, Any]:
    """Every published commitment, action and review, with the objectives' source."""
    data: dict[str, Any] = {"source": reference.source()}
    for kind in RECORD_KINDS:
        data[kind] = tracker.records(PUBLIC, kind, workflow="published")
    return data


def csv_text(tracker: Tracker, kind: str) -> str:
    """The published records of ``kind`` as CSV; list fields joined with ``"; "``, formulas
    made inert (:mod:`migobs.spreadsheet`)."""
    rows = tracker.records(PUBLIC, kind, workflow="published")
    cells = inert_rows({k: _joined(v) for k, v in row.items()} for row in rows)
    out = io.StringIO()
    if cells:
        writer = csv.DictWriter(out, fieldnames=list(cells[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(cells)
    return out.getvalue()


def _joined(value: Any) -> Any:
    """A list field as one cell, each item inert too (a spreadsheet may split the cell)."""
    return "; ".join(str(inert(v)) for v in value) if isinstance(value, list) else value
