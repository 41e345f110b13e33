"""Trace one migrant-stock figure back to its file, sheet and cell."""

from __future__ import annotations

import duckdb

from migobs.errors import ValueNotFound
from migobs.warehouse.read.stock import WORLD, StockValue, stock_values


def trace(
    con: duckdb.DuckDBPyConnection,
    source: str,
    edition: str,
    year: int,
    destination: int,
    origin: int | None = None,
    sex: str = "total",
) -> StockValue:
    """The value a source's edition states for (year, destination, origin, sex), with provenance.

    Parameters
    ----------
    con: an open warehouse (``open_warehouse``).
    source: e.g. ``undesa_stock``.
    edition: e.g. ``2017``.
    year: reference year.
    destination: M49 code of the area of residence (900 = world).
    origin: M49 code of the area of origin; ``None`` or 900 = from all origins.
    sex: ``total``, ``male`` or ``female``.

    Returns
    -------
    StockValue
        The value (persons) with the file's name, sha256, sheet and A1 cell. When two files of
        the edition state it, the one loaded first (the totals workbook) is returned.

    Raises
    ------
    UnknownSource
        The warehouse holds no such edition; the message lists the known ones.
    ValueNotFound
        The edition has no value at these coordinates.
    """
    found = stock_values(
        con,
        edition,
        source=source,
        year=year,
        destination=destination,
        origin=WORLD if origin is None else origin,
        sex=sex,
    )
    if not found:
        raise ValueNotFound(
            f"No {source} {edition} value for year {year}, destination {destination}, origin "
            f"{origin or WORLD}, sex {sex}. Check the codes (M49; 900 = world) and the years the "
            f'edition covers: `migobs sql "SELECT DISTINCT year FROM migrant_stock WHERE '
            f"edition = '{edition}'\"`."
        )
    return found[0]
