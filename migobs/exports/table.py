"""The one input of every writer: a tidy table of values by area and year, with its metadata.

A :class:`TidyTable` holds a DataFrame with the columns

| column | type | meaning |
|---|---|---|
| ``area`` | int | UN M49 code of the area |
| ``area_name`` | str | the area's M49 English name |
| ``iso3`` | str or missing | ISO 3166-1 alpha-3 code, where the area has one (optional column) |
| *dimensions* | int or str | further key columns named in ``dimensions`` (e.g. ``origin``, ``sex``) |
| ``year`` | int | reference year |
| ``value`` | float | the value in ``meta.unit``; NaN where the source has none |
| ``period`` | str | the period a value covers when some cover another than their year (``2020, Q1–Q3``, ``2000–2020``); optional column |
| ``estimated`` | bool | true where we computed or modelled the value, false where a source publishes it as it is; optional column (without it every value is published) |

and a :class:`TableMeta` saying what the values are and where they come from.

Codes are numbers in the frame (so that they sort as numbers); every writer takes the rows from
:meth:`TidyTable.sorted`, which writes the M49 codes of :data:`CODE_COLUMNS` as text (``"004"``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import pandas as pd

from migobs.errors import ExportError
from migobs.exports.licences import distinct, most_restrictive
from migobs.m49 import m49_text

REQUIRED = ("area", "area_name", "year", "value")
CODE_COLUMNS = ("area", "origin", "counterpart")
"""Columns holding M49 codes: ``area`` (the destination or receiver) and the other end of a
corridor, ``origin`` (where migrants were born or moved from) or ``counterpart`` (the origin or
sender)."""

COLUMN_MEANINGS = {
    "area": "UN M49 code of the area, as text with its leading zeros (004); in a corridor or "
    "an origin-destination table, the destination or the receiver.",
    "origin": "UN M49 code (text) of the country or area of origin: where the migrants were "
    "born, or moved from; area is the destination.",
    "counterpart": "UN M49 code (text) of the other end of the corridor: the origin (migrant "
    "stock) or the sender (remittances); area is the destination or the receiver.",
    "estimated": "true where Migration Observatory computed or modelled the value, false where "
    "a source publishes it as it is",
}
"""What the code columns and ``estimated`` mean, their direction said: every writer that can
describe a column (Data Package, Parquet, README) says it so."""


@dataclass(frozen=True)
class SourceRef:
    """One source a table draws on.

    Attributes
    ----------
    title: the source's title, e.g. ``UN DESA International Migrant Stock 2019``.
    citation: how the publisher asks to be cited.
    url: where the publisher publishes it.
    licence: the licence the publisher states.
    """

    title: str
    citation: str
    url: str
    licence: str


@dataclass(frozen=True)
class TableMeta:
    """What a table holds.

    Attributes
    ----------
    name: derivable name, ``<source>/<edition>/<table>`` or an indicator code.
    title: a human title.
    unit: unit of ``value``, e.g. ``persons``, ``percent``, ``current US$``.
    description: what the value measures, in a sentence or two.
    sources: the sources it draws on, each with its licence as the catalogue records it.
    version: the id of the warehouse build it was read from (empty when not known).
    decimals: the decimals an indicator's values are stated to (``definitions.yml``): CSV
        files round ``value`` to them, Parquet and JSON keep full precision; ``None`` for
        tables of source values, written as published.

    ``licence`` is what the table as a whole can claim: its most restrictive source's licence
    (:func:`migobs.exports.licences.most_restrictive`), empty for a table without sources.
    """

    name: str
    title: str
    unit: str
    description: str = ""
    sources: tuple[SourceRef, ...] = ()
    version: str = ""  # the warehouse build the table was read from (empty: not known)
    decimals: int | None = None  # an indicator's stated decimals: CSV rounds ``value`` to them

    @property
    def licence(self) -> str:
        """The most restrictive licence of the table's sources (empty without sources)."""
        return most_restrictive(source.licence for source in self.sources)

    @property
    def licences(self) -> list[str]:
        """Each source's licence once, as the catalogue records it."""
        return distinct(source.licence for source in self.sources)

    @property
    def slug(self) -> str:
        """The name as a lower-case file name stem, e.g. ``undesa-stock-2019-by-destination``."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    @property
    def sdmx_id(self) -> str:
        """The name as an SDMX identifier, e.g. ``UNDESA_STOCK_2019_BY_DESTINATION``."""
        return re.sub(r"[^A-Z0-9]+", "_", self.name.upper()).strip("_")

    @property
    def short_name(self) -> str:
        """The name as a snake_case column name, e.g. ``undesa_stock_2019_by_destination``."""
        return self.sdmx_id.lower()


@dataclass(frozen=True)
class TidyTable:
    """A tidy table and its metadata; checks its columns and keys when made.

    Raises
    ------
    ExportError
        A required column is missing, or two rows share the same key.
    """

    frame: pd.DataFrame
    meta: TableMeta
    dimensions: tuple[str, ...] = field(default=())
    areas: pd.DataFrame | None = field(default=None, compare=False)
    """Every area of the warehouse (``m49, iso3, name, kind``), so that SDMX's area codelist and
    the Data Package's areas resource are the same in every export; ``None``: the areas the
    table names."""
    area_sources: tuple[SourceRef, ...] = field(default=(), compare=False)
    """The files the list of areas was read from (the M49 standard), with their licences."""

    def __post_init__(self) -> None:
        missing = [c for c in (*REQUIRED, *self.dimensions) if c not in self.frame.columns]
        if missing:
            raise ExportError(
                f"Table {self.meta.name!r} lacks the column(s) {', '.join(missing)}; "
                f"a tidy table needs {', '.join(REQUIRED)} plus its dimensions."
            )
        duplicated = self.frame.duplicated(list(self.key))
        if duplicated.any():
            first = self.frame.loc[duplicated, list(self.key)].iloc[0].to_dict()
            raise ExportError(
                f"Table {self.meta.name!r} has {int(duplicated.sum())} duplicate key(s), "
                f"first {first}; give each row a distinct {', '.join(self.key)}."
            )

    @property
    def key(self) -> tuple[str, ...]:
        """The columns that identify a row: area, the dimensions, year."""
        return ("area", *self.dimensions, "year")

    def sorted(self) -> pd.DataFrame:
        """The rows in key order, index reset, M49 codes as text (``"004"``): every writer
        writes them so."""
        rows = self.frame.sort_values(list(self.key), kind="stable").reset_index(drop=True)
        codes = [c for c in CODE_COLUMNS if c in rows.columns]
        return rows.assign(**{c: rows[c].map(m49_text, na_action="ignore") for c in codes})

    def stated(self) -> pd.DataFrame:
        """:meth:`sorted` with ``value`` rounded to ``meta.decimals`` (for CSV; whole numbers
        without ``.0`` for 0 decimals), or as it is when the table states none."""
        frame = self.sorted()
        decimals = self.meta.decimals
        if decimals is None:
            return frame
        values = frame["value"].astype(float).round(decimals)
        return frame.assign(value=values.astype("Int64") if decimals == 0 else values)
