"""OWID-style grapher CSV (``Entity, Code, Year, <indicators>``) and its metadata JSON.

One row per entity and year; one column per indicator, named by the indicator's short name.
Entity is OWID's name of the area (:mod:`migobs.exports.owid_entities`); where one grouping is
held under two codes (Latin America and the Caribbean: ``419``, ``904``, ``1830``) the row of the
lowest code is kept, so Entity and Year are unique. Code is the ISO 3166-1 alpha-3 code where
the area has one, ``OWID_WRL`` for the world (M49 900), else empty, as OWID's grapher expects.

A table with dimensions besides area and year (sex, origin, counterpart, quarter) gets one column
per value of them, as OWID publishes each breakdown as its own indicator:
``<short name>__<dimension>_<value>`` (``indicator_stock_corridor__counterpart_484``), its
title in the metadata saying which (``... (counterpart: Mexico, 484)``).

Counts (unit ``persons``) whose values are all whole are written as integers.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import ExportError
from migobs.exports.owid_entities import entity
from migobs.exports.table import CODE_COLUMNS, TidyTable
from migobs.m49 import m49_text
from migobs.spreadsheet import inert_frame

WORLD = 900
COUNTS = {"persons"}
"""Units whose values are counts, written as integers when whole."""
KEY = ["Entity", "Code", "Year"]


def grapher_frame(tables: Sequence[TidyTable]) -> pd.DataFrame:
    """The wide grapher table for one or more tables."""
    if not tables:
        raise ExportError("Grapher export needs at least one table.")
    wide: pd.DataFrame | None = None
    for table in tables:
        part = _wide(table)
        wide = part if wide is None else wide.merge(part, on=KEY, how="outer")
    assert wide is not None
    return wide.sort_values(["Entity", "Year"], kind="stable").reset_index(drop=True)


def grapher_metadata(tables: Sequence[TidyTable]) -> dict[str, Any]:
    """The metadata JSON: dataset title and, per indicator column, title, unit and sources."""
    return {
        "dataset": {
            "title": " / ".join(t.meta.title for t in tables),
            "sources": _unique_sources(tables),
        },
        "variables": {
            column: {
                "name": t.meta.name,
                "title": t.meta.title + (f" ({breakdown})" if breakdown else ""),
                "unit": t.meta.unit,
                "description": t.meta.description,
                "licence": t.meta.licence,
                "sources": [asdict(s) for s in t.meta.sources],
            }
            for t in tables
            for column, breakdown in _columns(t).items()
        },
    }


def write_grapher_many(tables: Sequence[TidyTable], directory: Path, stem: str) -> list[Path]:
    """Write ``<stem>.csv`` and ``<stem>.meta.json`` for several tables side by side."""
    directory.mkdir(parents=True, exist_ok=True)
    csv_path = directory / f"{stem}.csv"
    meta_path = directory / f"{stem}.meta.json"
    inert_frame(grapher_frame(tables)).to_csv(csv_path, index=False, encoding="utf-8")
    meta_path.write_text(
        json.dumps(grapher_metadata(tables), indent=2, ensure_ascii=False), encoding="utf-8"
    )
    return [csv_path, meta_path]


def write_grapher(table: TidyTable, directory: Path) -> list[Path]:
    """Write the grapher CSV and metadata JSON of one table, named by its slug."""
    return write_grapher_many([table], directory, f"{table.meta.slug}.grapher")


def _wide(table: TidyTable) -> pd.DataFrame:
    """One table as ``Entity, Code, Year`` and its value column(s), one row per entity and
    year (the lowest code's where one grouping has several)."""
    rows = table.frame.sort_values(list(table.key), kind="stable")
    part = pd.DataFrame(
        {
            "Entity": [entity(a, n) for a, n in zip(rows["area"], rows["area_name"], strict=True)],
            "Code": [_code(row) for row in rows.itertuples()],
            "Year": rows["year"].astype(int),
            "_column": _column_names(table, rows),
            "_value": _stated(rows["value"], table.meta.decimals),
        }
    )
    part = part.drop_duplicates(["Entity", "Year", "_column"], keep="first")
    wide = part.pivot(index=KEY, columns="_column", values="_value").reset_index()
    wide.columns.name = None
    columns = [c for c in _columns(table) if c in wide.columns]
    return _as_counts(wide[[*KEY, *columns]], columns, table.meta.unit)


def _stated(values: pd.Series[float], decimals: int | None) -> pd.Series[float]:
    """An indicator's values to its stated decimals (whole ones then become integers in
    :func:`_as_counts`); a source table's as published."""
    return values if decimals is None else values.astype(float).round(decimals)


def _column_names(table: TidyTable, rows: pd.DataFrame) -> pd.Series[str]:
    names = pd.Series(table.meta.short_name, index=rows.index)
    for dimension in table.dimensions:
        names = names + f"__{dimension}_" + _dimension_values(rows[dimension], dimension)
    return names


def _dimension_values(values: pd.Series[Any], dimension: str) -> pd.Series[str]:
    if dimension in CODE_COLUMNS:
        return values.map(m49_text)
    return values.astype(str).str.replace(r"[^A-Za-z0-9]+", "_", regex=True).str.strip("_")


def _columns(table: TidyTable) -> dict[str, str]:
    """Each value column of ``table`` in key order → the breakdown it holds (empty without
    dimensions), e.g. ``counterpart: Mexico, 484``."""
    if not table.dimensions:
        return {table.meta.short_name: ""}
    rows = table.frame.sort_values(list(table.key), kind="stable")
    names = _column_names(table, rows)
    labels = pd.Series("", index=rows.index)
    for dimension in table.dimensions:
        labels = (
            labels + ("; " if dimension != table.dimensions[0] else "") + _labels(rows, dimension)
        )
    return dict(zip(names, labels, strict=True))


def _labels(rows: pd.DataFrame, dimension: str) -> pd.Series[str]:
    values = rows[dimension]
    if dimension not in CODE_COLUMNS:
        return f"{dimension}: " + values.astype(str)
    names = rows.get(f"{dimension}_name", values.astype(str))
    return pd.Series(
        [
            f"{dimension}: {entity(code, str(name))}, {m49_text(code)}"
            for code, name in zip(values, names, strict=True)
        ],
        index=rows.index,
    )


def _as_counts(wide: pd.DataFrame, columns: list[str], unit: str) -> pd.DataFrame:
    """Count columns whose values are all whole as integers (empty cells stay empty)."""
    if unit not in COUNTS:
        return wide
    whole = [c for c in columns if (wide[c].dropna() % 1 == 0).all()]
    return wide.astype(dict.fromkeys(whole, "Int64"))


def _code(row: Any) -> str:
    iso3 = getattr(row, "iso3", None)
    if isinstance(iso3, str) and iso3:
        return iso3
    return "OWID_WRL" if int(row.area) == WORLD else ""


def _unique_sources(tables: Sequence[TidyTable]) -> list[dict[str, str]]:
    seen: dict[str, dict[str, str]] = {}
    for table in tables:
        for source in table.meta.sources:
            seen.setdefault(source.title, asdict(source))
    return list(seen.values())
