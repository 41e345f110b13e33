"""OWID-style grapher CSV (``Entity, Code, Year, <indicators>``) and its metadata JSON.

One row per area and year; one column per indicator, named by the indicator's short name. Code
is the ISO 3166-1 alpha-3 code where the area has one, ``OWID_WRL`` for the world (M49 900),
else empty, as Our World in Data's grapher expects.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import ExportError
from migobs.exports.table import TidyTable
from migobs.spreadsheet import inert_frame

WORLD = 900


def grapher_frame(tables: Sequence[TidyTable]) -> pd.DataFrame:
    """The wide grapher table for one or more area-by-year tables."""
    if not tables:
        raise ExportError("Grapher export needs at least one table.")
    wide: pd.DataFrame | None = None
    for table in tables:
        refused = grapher_refusal(table)
        if refused:
            raise ExportError(f"Table {table.meta.name!r}: {refused}; select one value of each.")
        part = table.stated()  # an indicator's values to its stated decimals
        part = pd.DataFrame(
            {
                "Entity": part["area_name"],
                "Code": [_code(row) for row in part.itertuples()],
                "Year": part["year"].astype(int),
                table.meta.short_name: part["value"],
            }
        )
        wide = (
            part if wide is None else wide.merge(part, on=["Entity", "Code", "Year"], how="outer")
        )
    assert wide is not None
    return wide.sort_values(["Entity", "Year"], kind="stable").reset_index(drop=True)


def grapher_refusal(table: TidyTable) -> str | None:
    """Why ``table`` cannot be a grapher CSV (it has dimensions besides area and year), or
    ``None`` when it can."""
    if not table.dimensions:
        return None
    return (
        f"it has the dimensions {', '.join(table.dimensions)} and a grapher CSV holds "
        "area-by-year values only"
    )


def grapher_metadata(tables: Sequence[TidyTable]) -> dict[str, Any]:
    """The metadata JSON: dataset title and, per indicator column, title, unit and sources."""
    return {
        "dataset": {
            "title": " / ".join(t.meta.title for t in tables),
            "sources": _unique_sources(tables),
        },
        "variables": {
            t.meta.short_name: {
                "name": t.meta.name,
                "title": t.meta.title,
                "unit": t.meta.unit,
                "description": t.meta.description,
                "licence": t.meta.licence,
                "sources": [asdict(s) for s in t.meta.sources],
            }
            for t in tables
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
