"""Named tables of the warehouse as :class:`TidyTable`, ready for any writer.

Names follow ``<source>/<edition>/<table>``: for each stock source and edition
``by_destination`` (immigrants by country of destination), ``by_destination_sex`` and
``by_destination_origin`` (the bilateral matrix); ``indicator/<code>`` for every indicator; and
``migobs_flows/<edition>/demographic-accounting`` for the estimated flows of each edition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import duckdb
import pandas as pd

from migobs.errors import ExportError, MigobsError
from migobs.exports.flows_table import SOURCE as FLOWS_SOURCE
from migobs.exports.flows_table import default_runs, flow_table, flow_table_names
from migobs.exports.table import SourceRef, TableMeta, TidyTable
from migobs.indicators import registry
from migobs.indicators.definitions import definitions
from migobs.indicators.outline import Outline
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
    """Every table name the warehouse can export: stock tables, then ``indicator/<code>``."""
    stock = sorted(
        f"{source}/{edition}/{table}"
        for source, edition in listing.stock_editions(con)
        for table in STOCK_TABLES
        if not why_empty(con, f"{source}/{edition}/{table}")
    )
    indicators = [f"indicator/{code}" for code in registry.REGISTRY]
    return stock + indicators + flow_table_names(con)


def why_empty(con: duckdb.DuckDBPyConnection, name: str) -> str | None:
    """Why the stock table ``name`` has no rows (an edition without an origin-destination
    table), or ``None``."""
    source, edition, table = (name.split("/") + ["", "", ""])[:3]
    if table != "by_destination_origin" or (source, edition) not in listing.stock_editions(con):
        return None
    if edition in listing.stock_editions_with_origins(con, source):
        return None
    return (
        f"{source} edition {edition} has no origin-destination table in the warehouse "
        "(the edition's files give destinations only), so there is nothing to export"
    )


def sources_of(
    con: duckdb.DuckDBPyConnection, source: str, edition: str | None = None
) -> tuple[SourceRef, ...]:
    """The files one edition (``None``: every edition) was read from, as source references."""
    files = listing.source_files(con)
    chosen = files[
        (files["source"] == source) & ((files["edition"] == edition) if edition else True)
    ]
    return _refs(chosen)


def sources_of_files(con: duckdb.DuckDBPyConnection, used: Iterable[str]) -> tuple[SourceRef, ...]:
    """The files with these sha256 (the files values were computed from)."""
    used = set(used)
    files = listing.source_files(con)
    return _refs(files[files["sha256"].isin(used)])


def _refs(files: pd.DataFrame) -> tuple[SourceRef, ...]:
    return tuple(
        SourceRef(
            title=f"{row.source} {row.edition}: {row.name}",
            citation=str(row.citation),
            url=str(row.url),
            licence=str(row.licence),
        )
        for row in files.itertuples()
    )


def dataset(con: duckdb.DuckDBPyConnection, name: str) -> TidyTable:
    """The table called ``name``.

    Raises
    ------
    ExportError
        The warehouse has no table of that name; the message lists those it has.
    """
    known = dataset_names(con)
    if name.startswith("indicator/") and name in known:
        return indicator_dataset(con, name.removeprefix("indicator/"))
    if name not in known:
        why = why_empty(con, name) or "the warehouse has no table of that name"
        raise ExportError(
            f"No table {name!r} to export: {why}. Tables: {', '.join(known) or 'none'}."
        )
    source, edition, table = name.split("/")
    if source == FLOWS_SOURCE:
        demography = {tuple(d.split("/", 1)) for d in default_runs(con)["demography"]}
        refs = sources_of(con, "undesa_stock", edition)
        refs += tuple(ref for s, e in sorted(demography) for ref in sources_of(con, s, e))
        return flow_table(con, edition, refs, sources_of(con, AREA_SOURCE))
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
        version=build_id(con),
    )
    key = ["area", *kind.dimensions, "year"]
    return TidyTable(
        frame=_typed(frame[columns], key),
        meta=meta,
        dimensions=kind.dimensions,
        areas=_area_list(con),
        area_sources=sources_of(con, AREA_SOURCE),
    )


def indicator_dataset(con: duckdb.DuckDBPyConnection, code: str) -> TidyTable:
    """Indicator ``code`` for every area and every year the newest edition allows.

    Corridor indicators have the dimension ``counterpart`` (the other end of the corridor: the
    origin or the sender; ``area`` is the destination or the receiver). ``estimated`` says which
    values we computed (:func:`published` tells the others). An
    indicator some of whose values cover another period than the calendar year (a partial year,
    a change from its base year) has a ``period`` column saying it for every row. An indicator
    of quarters (``sdg.10.c.1.quarterly``) has the dimension ``quarter`` (1-4): one row per
    area, year and quarter held, its ``period`` written ``2017 Q1``.

    Raises
    ------
    ExportError
        The warehouse lacks the indicator's sources.
    """
    definition = definitions()[code]
    try:
        outline = registry.every_year_outline(con, code)
    except MigobsError as error:
        raise ExportError(f"Cannot export indicator {code}: {error}") from error
    values = outline.values
    corridor = any(v.counterpart is not None for v in values)
    quarters = ["quarter"] if registry.quarterly(code) else []
    periods = ["period"] if any(v.period for v in values) else []
    frame = pd.DataFrame(
        {
            "area": [v.area for v in values],
            "area_name": [v.area_name for v in values],
            **({"counterpart": [v.counterpart for v in values]} if corridor else {}),
            "quarter": [_quarter(v.period) for v in values],
            "year": [v.year for v in values],
            "value": [v.value for v in values],
            "period": [v.when() for v in values],
            "estimated": [not own for own in outline.published],
        },
        columns=["area", "area_name", *(["counterpart"] if corridor else []), *quarters, "year"]
        + ["value", *periods, "estimated"],
    )
    iso3 = atlas.areas(con)[["m49", "iso3"]].rename(columns={"m49": "area"})
    frame = frame.merge(iso3, on="area", how="left")
    meta = TableMeta(
        name=f"indicator/{code}",
        title=definition.title,
        unit=definition.unit,
        description=definition.formula + _inputs_and_periods(outline),
        sources=sources_of_files(con, outline.files),
        version=build_id(con),
        decimals=definition.decimals,
    )
    dimensions = ("counterpart",) if corridor else tuple(quarters)
    key = ["area", *dimensions, "year"]
    columns = ["area", "area_name", "iso3", *dimensions, "year", "value", *periods, "estimated"]
    return TidyTable(
        frame=_typed(frame[columns], key),
        meta=meta,
        dimensions=dimensions,
        areas=_area_list(con),
        area_sources=sources_of(con, AREA_SOURCE),
    )


def build_id(con: duckdb.DuckDBPyConnection) -> str:
    """The id of the warehouse's newest build (empty when it records none)."""
    row = con.execute("SELECT build_id FROM builds ORDER BY finished_at DESC LIMIT 1").fetchone()
    return str(row[0]) if row else ""


AREA_SOURCE = "m49"
"""The source the warehouse's list of areas comes from."""


def _area_list(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return atlas.areas(con)[["m49", "iso3", "name", "kind"]]


def _inputs_and_periods(outline: Outline) -> str:
    """`` Inputs: <each input's edition>.`` and, when some values cover another period than
    their year, the years that do, pointing to the ``period`` column."""
    named = ", ".join(f"{e.source} {e.variable} {e.edition}" for e in outline.input_editions)
    years = sorted({v.year for v in outline.values if v.period})
    other = ", ".join(map(str, years))
    return (f" Inputs: {named}." if named else "") + (
        f" Values of {other} cover another period than the calendar year (a partial year or a "
        "change from a base year): the column period says which."
        if years
        else ""
    )


def _quarter(period: str) -> int | None:
    """``4`` for ``2017 Q4``; ``None`` for any other period."""
    return int(period[-1]) if period[-3:-1] == " Q" else None


def _typed(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    """Typed columns; an area listed twice with the same value (an aggregate the workbook shows
    under two groupings, e.g. Australia and New Zealand) is kept once."""
    typed = frame.astype({"area": "int64", "year": "int64", "value": "float64"})
    return typed.drop_duplicates([*key, "value"]).reset_index(drop=True)
