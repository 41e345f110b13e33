"""Validation of record fields: every problem of a record is reported at once.

Each kind of record (commitments, actions, reviews) declares its fields here. ``clean`` returns
the cleaned values and a list of problems (``"field: what is wrong"``); the service raises
:class:`~migobs.errors.InvalidInput` with all of them, the importer lists them per row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from migobs.errors import InvalidInput
from migobs.i18n.messages import N_, Said
from migobs.tracker.models import RecordKind

Cleaner = Callable[[Any], Any]
CONTROL = {chr(c) for c in range(32)} - {"\n", "\r", "\t"}
NO_CONTROL = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*$"
"""The same rule as a regular expression, for parameters checked by their schema."""
MAX_ID = 2**31 - 1
"""The largest record id: ids are INTEGER columns, 32 bits on PostgreSQL (SQLite's 64 bits hold
them too), so a larger one can name no record."""

# Marked for translation (N_ returns each unchanged): pages show them in the reader's language.
COMMITMENT_KINDS = (N_("commitment"), N_("pledge"))
COMMITMENT_STATUSES = (N_("planned"), N_("in-progress"), N_("completed"))
REVIEW_KINDS = (N_("voluntary-national-review"), N_("regional-review"), N_("imrf-statement"))


class Problem(ValueError):
    """A field value that cannot be accepted; the message says why."""


def text(limit: int, *, required: bool = True) -> Cleaner:
    """A string of at most ``limit`` characters, stripped, without control characters."""

    def clean(value: Any) -> str:
        if not isinstance(value, str):
            raise Problem(Said(N_("must be text")))
        result = str(value).strip()
        if required and not result:
            raise Problem(Said(N_("must not be empty")))
        if len(result) > limit:
            raise Problem(
                Said(
                    N_("is %(length)s characters long; the limit is %(limit)s"),
                    length=len(result),
                    limit=limit,
                )
            )
        if CONTROL & set(result):
            raise Problem(Said(N_("contains control characters")))
        return result

    return clean


def choice(options: tuple[str, ...]) -> Cleaner:
    """One of ``options``."""

    def clean(value: Any) -> str:
        if value not in options:
            raise Problem(
                Said(
                    N_("%(value)s is not one of %(options)s"),
                    value=repr(str(value)[:40]),
                    options=", ".join(options),
                )
            )
        return str(value)

    return clean


def date(value: Any) -> dt.date | None:
    """An ISO date (YYYY-MM-DD), or None when empty."""
    if value in (None, ""):
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:20])
    except ValueError:
        raise Problem(
            Said(N_("%(value)s is not a date (YYYY-MM-DD)"), value=repr(str(value)[:40]))
        ) from None


def objectives(value: Any) -> list[int]:
    """A non-empty list of distinct objective numbers, 1 to 23."""
    if not isinstance(value, list) or not value:
        raise Problem(Said(N_("must be a non-empty list of objective numbers (1-23)")))
    numbers = []
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or not 1 <= item <= 23:
            raise Problem(
                Said(N_("%(value)s is not an objective number (1-23)"), value=repr(str(item)[:40]))
            )
        numbers.append(item)
    return sorted(set(numbers))


def state(value: Any) -> str:
    """An M49 code: three digits (existence is checked against the database)."""
    if not isinstance(value, str) or len(value) != 3 or not value.isdigit():
        raise Problem(f"{str(value)[:40]!r} is not an M49 code (three digits, e.g. '484')")
    return value


def strings(limit: int, count: int) -> Cleaner:
    """A list of at most ``count`` non-empty strings of at most ``limit`` characters."""
    item = text(limit)

    def clean(value: Any) -> list[str]:
        if not isinstance(value, list):
            raise Problem("must be a list")
        if len(value) > count:
            raise Problem(f"has {len(value)} entries; the limit is {count}")
        return [item(v) for v in value]

    return clean


def url(value: Any) -> str:
    """An http(s) address, or empty."""
    address: str = text(2000, required=False)(value)
    parts = urlsplit(address)
    if address and (parts.scheme not in ("http", "https") or not parts.netloc):
        raise Problem(Said(N_("%(value)s is not an http(s) address"), value=repr(address[:40])))
    return address


def urls(value: Any) -> list[str]:
    """A list of at most 20 http(s) addresses."""
    return [url(v) for v in strings(2000, 20)(value)]


def integer(value: Any) -> int:
    """A record id: a whole number from 1 to :data:`MAX_ID`."""
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise Problem(f"{str(value)[:40]!r} is not a record id (1 to {MAX_ID})")
    return value


def check_filters(**filters: str | int | None) -> None:
    """Refuse filters no record can match because no database could store them: text with
    control characters (PostgreSQL refuses NUL outright), ids beyond :data:`MAX_ID`.

    Raises
    ------
    InvalidInput
        Naming each filter at fault.
    """
    problems = [
        f"{name}: contains control characters"
        if isinstance(value, str)
        else f"{name}: {value} is not a record id (1 to {MAX_ID})"
        for name, value in filters.items()
        if (isinstance(value, str) and CONTROL & set(value))
        or (isinstance(value, int) and not 1 <= value <= MAX_ID)
    ]
    if problems:
        raise InvalidInput("; ".join(problems) + ".")


@dataclass(frozen=True)
class Kind:
    """A kind of record: its fields, which are required on creation, and what is fixed."""

    name: RecordKind
    fields: Mapping[str, Cleaner]
    required: tuple[str, ...]
    fixed: tuple[str, ...]


COMMITMENTS = Kind(
    name="commitments",
    fields={
        "state": state,
        "objectives": objectives,
        "title": text(300),
        "text": text(20000),
        "kind": choice(COMMITMENT_KINDS),
        "status": choice(COMMITMENT_STATUSES),
        "start_date": date,
        "end_date": date,
        "partners": strings(200, 50),
    },
    required=("state", "objectives", "title", "text"),
    fixed=("state",),
)
ACTIONS = Kind(
    name="actions",
    fields={
        "commitment_id": integer,
        "title": text(300),
        "description": text(20000),
        "taken_on": date,
        "evidence": urls,
    },
    required=("commitment_id", "title", "description"),
    fixed=("commitment_id",),
)
REVIEWS = Kind(
    name="reviews",
    fields={
        "state": state,
        "kind": choice(REVIEW_KINDS),
        "objectives": objectives,
        "title": text(300),
        "summary": text(20000),
        "held_on": date,
        "link": url,
    },
    required=("state", "kind", "objectives", "title", "summary"),
    fixed=("state",),
)
KINDS: dict[RecordKind, Kind] = {kind.name: kind for kind in (COMMITMENTS, ACTIONS, REVIEWS)}


def clean(
    kind: Kind, data: Mapping[str, Any], *, creating: bool
) -> tuple[dict[str, Any], list[str]]:
    """The cleaned fields of ``data`` and the list of problems (empty when all is well)."""
    problems: list[str] = [
        Said(N_("%(field)s: is not a field of %(kind)s"), field=name, kind=kind.name)
        for name in data
        if name not in kind.fields
    ]
    if creating:
        problems += [
            Said(N_("%(field)s: is required"), field=name)
            for name in kind.required
            if data.get(name) is None
        ]
    else:
        problems += [
            Said(N_("%(field)s: cannot be changed"), field=name)
            for name in kind.fixed
            if name in data
        ]
    changeable = [n for n in kind.fields if n in data and (creating or n not in kind.fixed)]
    cleaned: dict[str, Any] = {}
    for name in changeable:
        if data[name] is None and kind.fields[name] is not date:
            continue  # null leaves a field as it is; only dates can be emptied
        try:
            cleaned[name] = kind.fields[name](data[name])
        except Problem as problem:
            problems.append(Said(N_("%(field)s: %(problem)s"), field=name, problem=problem.args[0]))
    problems += _date_order(cleaned)
    return cleaned, problems


def _date_order(cleaned: Mapping[str, Any]) -> list[str]:
    start, end = cleaned.get("start_date"), cleaned.get("end_date")
    if start and end and end < start:
        return [Said(N_("end_date: %(end)s is before start_date %(start)s"), end=end, start=start)]
    return []
