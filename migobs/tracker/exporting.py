"""All published records as JSON or CSV: what the public may see, nothing more."""

from __future__ import annotations

import csv
import io
from typing import Any

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
    """The published records of ``kind`` as CSV; list fields joined with ``"; "``."""
    rows = tracker.records(PUBLIC, kind, workflow="published")
    out = io.StringIO()
    if rows:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in row.items()} for row in rows)
    return out.getvalue()


def _cell(value: Any) -> Any:
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value  # a spreadsheet must not run a cell as a formula
    return value
