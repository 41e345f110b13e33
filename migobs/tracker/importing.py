"""Bulk import of commitments from a CSV template: every row checked, all written or none.

The template's columns (``TEMPLATE``): state (M49), objectives (``1; 5; 23``), title, text, kind,
status, start_date, end_date (YYYY-MM-DD), partners (``; ``-separated). Every problem of every row
is reported at once, as ``row N: field: what is wrong``; nothing is written if any row fails.

Permission comes before validation: a caller who is not a focal point, or rows of a State other
than the caller's, are refused (403, naming those rows) whatever else is wrong with the file.
"""

from __future__ import annotations

import csv
import io
from typing import Any

from migobs.errors import InvalidInput, PermissionDenied
from migobs.tracker import fields, policy
from migobs.tracker.policy import Caller
from migobs.tracker.service import Tracker

TEMPLATE = (
    "state",
    "objectives",
    "title",
    "text",
    "kind",
    "status",
    "start_date",
    "end_date",
    "partners",
)
MAX_ROWS = 5000


def template() -> str:
    """The header line of the CSV template."""
    return ",".join(TEMPLATE) + "\n"


def import_commitments(tracker: Tracker, caller: Caller, text: str) -> list[int]:
    """Create a draft per row of ``text`` (CSV); returns their ids, or raises with every problem.

    Raises
    ------
    NotAuthenticated, PermissionDenied
        The caller is not signed in, is not a focal point, or some rows are of another State.
    InvalidInput
        The header or some rows are wrong (every problem listed, ``row N: field: ...``).
    """
    policy.check_focal_point(caller)
    reader = csv.DictReader(io.StringIO(text))
    try:
        return _import(tracker, caller, reader)
    except csv.Error as error:  # a cell longer than the csv module reads
        raise InvalidInput(
            f"row {reader.line_num + 1}: cannot be read as CSV ({error}): no cell may be longer than "
            f"{csv.field_size_limit():,} characters (text, the longest field, takes 20,000); "
            "check the quotes."
        ) from error


def _import(tracker: Tracker, caller: Caller, reader: csv.DictReader[str]) -> list[int]:
    header = [name.strip() for name in reader.fieldnames or []]
    unknown = [name for name in header if name not in TEMPLATE]
    missing = [name for name in fields.COMMITMENTS.required if name not in header]
    if unknown or missing or not header:
        raise InvalidInput(
            f"header: expected the columns {', '.join(TEMPLATE)}; unknown: {unknown or 'none'}, "
            f"missing: {missing or 'none'}."
        )
    known = {s["m49"] for s in tracker.states()}
    rows, problems, foreign = [], [], []
    for number, raw in enumerate(reader, start=2):
        if number > MAX_ROWS + 1:
            raise InvalidInput(f"The file has more than {MAX_ROWS} rows: split it.")
        cleaned, row_problems = _row(raw, known)
        problems += [f"row {number}: {p}" for p in row_problems]
        if cleaned.get("state") in known and cleaned["state"] != caller.state:
            foreign.append(f"row {number} (State {cleaned['state']})")
        rows.append(cleaned)
    if foreign:
        raise PermissionDenied(
            f"You are a focal point of State {caller.state}; you may not import records of "
            f"another State: {', '.join(foreign)}. Remove those rows or ask their focal points."
        )
    if problems:
        raise InvalidInput("; ".join(problems))
    if not rows:
        raise InvalidInput("The file has a header but no rows.")
    return tracker.create_many(caller, "commitments", rows)


def _row(raw: dict[str | Any, Any], known: set[str]) -> tuple[dict[str, Any], list[str]]:
    if None in raw:
        return {}, ["has more cells than the header has columns"]
    data: dict[str, Any] = {
        k.strip(): (v or "").strip() for k, v in raw.items() if (v or "").strip()
    }
    if "objectives" in data:
        data["objectives"] = _numbers(data["objectives"])
    if "partners" in data:
        data["partners"] = [p.strip() for p in data["partners"].split(";") if p.strip()]
    cleaned, problems = fields.clean(fields.COMMITMENTS, data, creating=True)
    if "state" in cleaned and cleaned["state"] not in known:
        problems.append(f"state: {cleaned['state']!r} is not an M49 code the tracker knows")
    return cleaned, problems


def _numbers(text: str) -> list[Any]:
    return [int(p) if p.strip().isdigit() else p.strip() for p in text.split(";") if p.strip()]
