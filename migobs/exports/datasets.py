"""Named tables of the warehouse as :class:`TidyTable`, ready for any writer.

Names follow ``<source>/<edition>/<table>``: for each stock source and edition
``by_destination`` (immigrants by country of destination), ``by_destination_sex`` and
``by_destination_origin`` (the bilateral matrix).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from migobs.errors import ExportError
from migobs.exports.table import SourceRef, TableMeta, TidyTable
from migobs.warehouse.read import atlas, listing


@dataclass(frozen=True)
class StockTable:
    """One kind of table made from a stock edition."""

    title: str
    by_sex: bool
    by_origin: bool

    @property
    def dimensions(self) -> tuple[str, ...]:
        """Key columns beyond area and year."""
        return ("origin",) * self.by_origin + ("sex",) * self.by_sex


STOCK_TABLES = {
    "by_destination": StockTable("International migrants by country of destination", False, False),
    "by_destination_sex": StockTable("International migrants by destination and sex", True, False),
    "by_destination_origin": StockTable(
        "International migrants by destination and origin", False, True
    ),
}


def dataset_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every table name the warehouse can export, sorted."""
    return sorted(
        f"{source}/{edition}/{table}"
        for source, edition in listing.stock_editions(con)
        for table in STOCK_TABLES
    )


def sources_of(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> tuple[SourceRef, ...]:
    """The files one edition was read from, as source references."""
    files = listing.source_files(con)
    chosen = files[(files["source"] == source) & (files["edition"] == edition)]
    return tuple(
        SourceRef(
            title=f"{row.source} {row.edition}: {row.name}",
            citation=str(row.citation),
            url=str(row.url),
            licence=str(row.licence),
        )
        for row in chosen.itertuples()
    )


def dataset(con: duckdb.DuckDBPyConnection, name: str) -> TidyTable:
    """The table called ``name``.

    Raises
    ------
    ExportError
        The warehouse has no table of that name; the message lists those it has.
    """
    known = dataset_names(con)
    if name not in known:
        raise ExportError(f"No table {name!r} to export. Tables: {', '.join(known) or 'none'}.")
    source, edition, table = name.split("/")
    kind = STOCK_TABLES[table]
    frame = atlas.stock_frame(
        con, source=source, edition=edition, by_sex=kind.by_sex, by_origin=kind.by_origin
    )
    columns = ["area", "area_name", "iso3", *kind.dimensions, "year", "value"]
    if kind.by_origin:
        columns.insert(columns.index("origin") + 1, "origin_name")
    meta = TableMeta(
        name=name,
        title=f"{kind.title} ({source} {edition})",
        unit="persons",
        description=f"{kind.title}, as published in {source} edition {edition}.",
        sources=sources_of(con, source, edition),
    )
    key = ["area", *kind.dimensions, "year"]
    return TidyTable(frame=_typed(frame[columns], key), meta=meta, dimensions=kind.dimensions)


def _typed(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Typed columns; an area listed twice with the same value (an aggregate the workbook shows
    under two groupings, e.g. Australia and New Zealand) is kept once."""
    typed = frame.astype({"area": "int64", "year": "int64", "value": "float64"})
    return typed.drop_duplicates([*key, "value"]).reset_index(drop=True)
