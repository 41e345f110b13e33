"""Revisions between editions: the values a newer edition changed, largest change first."""

from __future__ import annotations

import duckdb

from migobs.errors import UnknownSource
from migobs.warehouse.read import editions, revisions
from migobs.warehouse.read.revisions import Revision

TABLES = {
    "undesa_stock": lambda con, old, new: revisions.stock_revisions(con, "undesa_stock", old, new),
    "knomad": lambda con, old, new: revisions.stock_revisions(con, "knomad", old, new),
    "wpp": lambda con, old, new: revisions.series_revisions(con, "wpp", old, new),
    "wdi": lambda con, old, new: revisions.series_revisions(con, "wdi", old, new),
    "iom_mmp": revisions.missing_revisions,
}
"""Sources with editions side by side, and how to compare two of their editions."""


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
        Largest absolute change first, each with the cell (or rows) in both editions.

    Raises
    ------
    UnknownSource
        The source has no editions to compare, or an edition is not held.
    """
    if source not in TABLES:
        raise UnknownSource(
            f"No revisions for {source!r}: compare one of {', '.join(sorted(TABLES))}."
        )
    held = editions.source_editions(con, source)
    for edition in (old, new):
        editions.pick(held, edition, source)
    found = TABLES[source](con, old, new)
    return found[:limit] if limit else found
