"""A Frictionless Tabular Data Package: the CSV plus ``datapackage.json`` describing it.

The descriptor follows the Data Package v1 specification: one tabular resource with a Table
Schema (field types, titles, the primary key), the sources and the licences, so that
``frictionless validate datapackage.json`` checks the data against it. The resource carries each
of its sources' licences as the catalogue records them; the package claims only the most
restrictive of them (:mod:`migobs.exports.licences`).
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.exports.table import TidyTable
from migobs.spreadsheet import inert_frame

TITLES = {
    "area": "Area (UN M49 code)",
    "area_name": "Area name",
    "iso3": "ISO 3166-1 alpha-3 code",
    "year": "Year",
    "origin": "Country or area of origin (UN M49 code); area is the destination",
    "counterpart": "Other end of the corridor (UN M49 code): the origin or the sender; area is "
    "the destination or the receiver",
}


def descriptor(table: TidyTable, data_file: str) -> dict[str, Any]:
    """The ``datapackage.json`` content for ``table`` stored as ``data_file``."""
    meta = table.meta
    frame = table.frame
    fields = [
        {
            "name": column,
            "type": _field_type(frame[column]),
            "title": TITLES.get(
                column, f"{meta.title} ({meta.unit})" if column == "value" else column
            ),
        }
        for column in frame.columns
    ]
    return {
        "profile": "tabular-data-package",
        "name": meta.slug,
        "title": meta.title,
        "description": meta.description or f"Values of {meta.name} by area and year.",
        **({"licenses": [_licence(meta.licence)]} if meta.licence else {}),
        "sources": [{"title": s.title, "path": s.url} for s in meta.sources],
        "resources": [
            {
                "name": meta.slug,
                "path": data_file,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": list(table.key)},
                **(
                    {"licenses": [_licence(text) for text in meta.licences]}
                    if meta.licences
                    else {}
                ),
                "sources": [
                    {"title": s.title, "path": s.url, "licence": s.licence, "citation": s.citation}
                    for s in meta.sources
                ],
            }
        ],
    }


def write_datapackage(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.csv`` and ``datapackage.json`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    data = directory / f"{table.meta.slug}.csv"
    inert_frame(table.stated()).to_csv(data, index=False, encoding="utf-8")
    package = directory / "datapackage.json"
    content = with_stamps(descriptor(table, data.name), data, table.meta.version)
    package.write_text(json.dumps(content, indent=2, ensure_ascii=False), encoding="utf-8")
    return [data, package]


def with_stamps(content: dict[str, Any], data: Path, version: str) -> dict[str, Any]:
    """``content`` with the data file's ``hash`` (sha256) and ``bytes`` (which ``frictionless
    validate`` checks), the package's ``created`` time and ``version`` (the build id)."""
    body = data.read_bytes()
    resource = content["resources"][0]
    resource["hash"] = f"sha256:{hashlib.sha256(body).hexdigest()}"
    resource["bytes"] = len(body)
    content["created"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if version:
        content["version"] = version
    return content


def _field_type(column: pd.Series[Any]) -> str:
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "integer"
    if pd.api.types.is_numeric_dtype(column):
        return "number"
    return "string"


def _licence(text: str) -> dict[str, str]:
    name = re.sub(r"[^a-z0-9.]+", "-", text.lower()).strip("-") or "other"
    return {"name": name, "title": text}
