"""Typed reads of migrant stock (table ``migrant_stock``), each value with its provenance."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import duckdb
import pandas as pd

from migobs.errors import QueryError, UnknownSource
from migobs.m49 import m49_text
from migobs.warehouse.read.tables import tables_of

WORLD = 900
"""The area code of the world, and the origin code meaning "from all origins"."""
SEXES = ("total", "male", "female")

_SELECT = """
SELECT m.source, m.edition, m.year, m.destination, m.origin, m.sex, m.value, m.flag,
       f.name AS file, f.sha256, f.url, m.sheet, m.cell
FROM migrant_stock m JOIN source_files f USING (file_id)
"""


@dataclass(frozen=True)
class StockValue:
    """One migrant-stock value and where it comes from.

    Attributes
    ----------
    source, edition: e.g. ``undesa_stock``, ``2017``.
    year: reference year (mid-year).
    destination, origin: M49 codes (origin 900 = from all origins).
    sex: ``total``, ``male`` or ``female``.
    value: persons; ``None`` where the file says ``..`` (or withholds it: ``flag``).
    flag: ``missing``, ``rounds_to_zero``, ``protected`` or ``None``.
    file, sha256, url: the official file (name as published), its checksum, where it is published.
    sheet, cell: where in the file (A1 notation).
    """

    source: str
    edition: str
    year: int
    destination: int
    origin: int
    sex: str
    value: float | None
    flag: str | None
    file: str
    sha256: str
    url: str
    sheet: str | None
    cell: str

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON), M49 codes as text (``"004"``)."""
        codes = {"destination": m49_text(self.destination), "origin": m49_text(self.origin)}
        return {**asdict(self), **codes}


def editions(con: duckdb.DuckDBPyConnection, source: str = "undesa_stock") -> list[str]:
    """Editions of ``source`` held in the warehouse, oldest first."""
    rows = con.execute(
        "SELECT DISTINCT edition FROM migrant_stock WHERE source = ? ORDER BY edition", [source]
    ).fetchall()
    return [str(edition) for (edition,) in rows]


def check_edition(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> None:
    """Raise :class:`UnknownSource` when the warehouse holds no migrant stock of that edition.

    The message lists the held editions or, for a source with no migrant stock, the sources
    that have it and where the source's own values are.
    """
    held = editions(con, source)
    if not held:
        raise UnknownSource(_no_stock(con, source))
    if edition not in held:
        raise UnknownSource(
            f"Unknown edition {edition!r} of {source} in the warehouse. Known editions: "
            f"{', '.join(held)}."
        )


def _no_stock(con: duckdb.DuckDBPyConnection, source: str) -> str:
    rows = con.execute("SELECT DISTINCT source FROM migrant_stock ORDER BY source").fetchall()
    traced = ", ".join(str(name) for (name,) in rows) or "none yet (run `migobs build`)"
    said = f"The warehouse holds no migrant stock from {source!r}; migrant stock is traced for: {traced}."
    tables = tables_of(con, source)
    if not tables:
        return f"{said} {source!r} is not loaded either (see `migobs build --help`)."
    return (
        f"{said} {source} is loaded into {', '.join(tables)}, every value with its file, sheet and "
        f'cell: `migobs sql "SELECT * FROM {tables[0]} JOIN source_files f USING (file_id) '
        f"WHERE f.source = '{source}' LIMIT 5\"`."
    )


def stock_values(
    con: duckdb.DuckDBPyConnection,
    edition: str,
    *,
    source: str = "undesa_stock",
    year: int | None = None,
    destination: int | None = None,
    origin: int | None = WORLD,
    sex: str | None = "total",
) -> list[StockValue]:
    """Migrant-stock values of one edition matching the filters (``None`` = any), with provenance.

    Ordered by year, destination, origin, sex. Raises :class:`UnknownSource` for an edition the
    warehouse does not hold and :class:`QueryError` for a sex other than total/male/female.
    """
    check_edition(con, source, edition)
    if sex is not None and sex not in SEXES:
        raise QueryError(f"Unknown sex {sex!r}: use one of {', '.join(SEXES)}.")
    filters = {"year": year, "destination": destination, "origin": origin, "sex": sex}
    where = " AND ".join(
        f"m.{column} = ?" for column, value in filters.items() if value is not None
    )
    params = [value for value in filters.values() if value is not None]
    sql = f"{_SELECT} WHERE m.source = ? AND m.edition = ? {'AND ' + where if where else ''}"
    rows = con.execute(
        sql + " ORDER BY m.year, m.destination, m.origin, m.sex, f.file_id",
        [source, edition, *params],
    ).fetchall()
    return [StockValue(*row) for row in rows]


def stock_frame(
    con: duckdb.DuckDBPyConnection,
    edition: str,
    *,
    source: str = "undesa_stock",
    sex: str = "total",
) -> pd.DataFrame:
    """All values of one edition and sex as a DataFrame (columns as :class:`StockValue`)."""
    check_edition(con, source, edition)
    return con.execute(
        f"{_SELECT} WHERE m.source = ? AND m.edition = ? AND m.sex = ? "
        "ORDER BY m.year, m.destination, m.origin",
        [source, edition, sex],
    ).df()


def countries(
    con: duckdb.DuckDBPyConnection, edition: str, source: str = "undesa_stock"
) -> list[int]:
    """M49 codes of the countries and areas of an edition: its destination rows (areas of kind
    ``country``) with at least one value, in any year or sex.

    A row whose every cell is ``..`` is not counted: the 2020 edition lists Taiwan Province of
    China, Saint Barthélemy and Saint Martin (French part) without any value, so it counts 232
    countries and areas, as 2017 and 2019 do (docs/warehouse.md, *Counting countries and areas*).
    """
    check_edition(con, source, edition)
    rows = con.execute(
        "SELECT m.destination FROM migrant_stock m JOIN areas a ON a.m49 = m.destination "
        "WHERE m.source = ? AND m.edition = ? AND m.origin = 900 AND a.kind = 'country' "
        "GROUP BY m.destination HAVING count(m.value) > 0 ORDER BY 1",
        [source, edition],
    ).fetchall()
    return [int(code) for (code,) in rows]
