"""Revisions between editions: the values a newer edition changed, largest change first."""

from __future__ import annotations

from dataclasses import replace

import duckdb

from migobs.errors import UnknownSource, ValueNotFound
from migobs.warehouse.read import editions, groupings, revisions
from migobs.warehouse.read.revisions import Revision

TABLES = {
    "undesa_stock": lambda con, old, new: revisions.stock_revisions(con, "undesa_stock", old, new),
    "knomad": lambda con, old, new: revisions.stock_revisions(con, "knomad", old, new),
    "wpp": lambda con, old, new: revisions.series_revisions(con, "wpp", old, new),
    "wdi": lambda con, old, new: revisions.series_revisions(con, "wdi", old, new),
    "iom_mmp": revisions.missing_revisions,
}
"""Sources with editions side by side, and how to compare two of their editions."""

SERIES_SOURCES = ("wpp", "wdi")
"""Sources whose editions may hold different series (each WDI extract is one indicator)."""

CLASSIFIED = ("income_group", "development_group")
"""Kinds of grouping whose members an edition classifies anew (World Bank income groups, LDCs)."""


def diff(
    con: duckdb.DuckDBPyConnection, source: str, old: str, new: str, limit: int | None = None
) -> list[Revision]:
    """Values for the same area and year that changed from edition ``old`` to ``new``.

    Parameters
    ----------
    con: an open warehouse.
    source: a source with editions (``undesa_stock``, ``iom_mmp``, ``wpp``, ``wdi``, ``knomad``).
    old, new: two editions held, e.g. ``2017`` and ``2020``.
    limit: keep only the largest ``limit`` changes.

    Returns
    -------
    list of Revision
        Largest absolute change first, each with the cell (or rows) in both editions; a
        grouping whose members the two editions classify differently says so in ``note``.

    Raises
    ------
    UnknownSource
        The source has no editions to compare, or an edition is not held.
    ValueNotFound
        The two editions hold nothing in common to compare (the same edition twice, or WDI
        extracts of different series); the message lists what each edition held holds.
    """
    if source not in TABLES:
        raise UnknownSource(
            f"No revisions for {source!r}: compare one of {', '.join(sorted(TABLES))}."
        )
    held = editions.source_editions(con, source)
    for edition in (old, new):
        editions.pick(held, edition, source)
    _refuse_nothing_in_common(con, source, old, new, held)
    found = _explain(con, source, old, new, TABLES[source](con, old, new))
    return found[:limit] if limit else found


def _refuse_nothing_in_common(
    con: duckdb.DuckDBPyConnection, source: str, old: str, new: str, held: list[str]
) -> None:
    if old == new:
        raise ValueNotFound(
            f"Edition {old} of {source} compared with itself: give two different editions "
            f"(held: {', '.join(held)})."
        )
    if source not in SERIES_SOURCES:
        return
    variables = {e: revisions.series_variables(con, source, e) for e in held}
    if not set(variables[old]) & set(variables[new]):
        each = "; ".join(f"{e}: {', '.join(v) or 'no series'}" for e, v in variables.items())
        raise ValueNotFound(
            f"Editions {old} and {new} of {source} hold no series in common, so nothing can "
            f"have been revised. Editions held and their series: {each}."
        )


def _explain(
    con: duckdb.DuckDBPyConnection, source: str, old: str, new: str, found: list[Revision]
) -> list[Revision]:
    """Mark the revisions of income and development groups as reclassification where the two
    editions' member lists differ (or one edition gives none)."""
    if source != "undesa_stock":
        return found
    areas = groupings.all_areas(con)
    members = groupings.memberships(con)
    notes: dict[int, str] = {}
    for code, area in areas.items():
        if area.kind in CLASSIFIED:
            before = members.get((code, f"{source}/{old}"))
            after = members.get((code, f"{source}/{new}"))
            notes[code] = _reclassified(old, new, before, after)
    return [replace(r, note=notes.get(r.area, "")) for r in found]


def _reclassified(old: str, new: str, before: list[int] | None, after: list[int] | None) -> str:
    if before is None or after is None:
        missing = old if before is None else new
        return (
            f"reclassification, in part: each edition groups countries as classified in its own "
            f"time, and edition {missing} lists no members to compare"
        )
    moved_in, moved_out = set(after) - set(before), set(before) - set(after)
    if not moved_in and not moved_out:
        return ""
    return (
        f"reclassification, in part: {len(moved_in)} countries joined and {len(moved_out)} left "
        f"between the ANNEX of {old} and of {new}"
    )
