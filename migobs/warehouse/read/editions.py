"""Which editions (vintages) of each source the warehouse holds, oldest first."""

from __future__ import annotations

import duckdb

from migobs.errors import UnknownSource
from migobs.i18n.messages import N_, Said


def source_editions(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """Editions of ``source`` with at least one file loaded, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT edition FROM source_files WHERE source = ? ORDER BY edition", [source]
    ).fetchall()
    return [str(edition) for (edition,) in rows]


def series_editions(con: duckdb.DuckDBPyConnection, variable: str) -> list[str]:
    """Editions of table ``series`` that hold ``variable`` (e.g. ``gdp``), oldest first."""
    rows = con.execute(
        "SELECT DISTINCT edition FROM series WHERE variable = ? ORDER BY edition", [variable]
    ).fetchall()
    return [str(edition) for (edition,) in rows]


def pick(held: list[str], edition: str | None, what: str) -> str:
    """``edition`` when held, the newest of ``held`` when ``edition`` is ``None``.

    Raises
    ------
    UnknownSource
        ``edition`` is not held, or nothing is; the message lists what is held.
    """
    if not held:
        message = N_(
            "The warehouse holds no data for %(what)s. Run `migobs build` with the source's "
            "files in the mirror or data directory."
        )
        raise UnknownSource(Said(message, what=what))
    if edition is None:
        return held[-1]
    if edition not in held:
        raise UnknownSource(
            f"Unknown edition {edition!r} of {what}. Editions held: {', '.join(held)}."
        )
    return edition
