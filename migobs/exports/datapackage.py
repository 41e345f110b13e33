"""A Frictionless Tabular Data Package: the CSV, the areas it names, and ``datapackage.json``.

The descriptor follows the Data Package v1 specification, so that ``frictionless validate
datapackage.json`` checks the data against it:

- the data resource: a Table Schema (field types, titles, descriptions, the primary key), M49
  codes typed ``string`` with the M49 pattern (``"004"``), each code column a foreign key to
- the ``areas`` resource (``areas.csv``): every area's M49 code, ISO3 code, name, kind and
  whether it is an aggregate;
- per resource, its sources and each of their licences as the catalogue records them
  (identifier, URL, text; :func:`migobs.exports.licences.licence_record`); the package claims
  only the most restrictive of the data's licences (:mod:`migobs.exports.licences`);
- each file's ``hash`` and ``bytes``, the package's ``created`` time and ``version`` (the build).
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.exports.area_list import area_list
from migobs.exports.licences import licence_record
from migobs.exports.table import CODE_COLUMNS, COLUMN_MEANINGS, SourceRef, TidyTable
from migobs.m49 import PATTERN
from migobs.spreadsheet import inert_frame

AREAS = "areas"
"""Name of the resource listing the areas, and stem of its file."""

TITLES = {
    "area": "Area (UN M49 code)",
    "area_name": "Area name",
    "iso3": "ISO 3166-1 alpha-3 code",
    "year": "Year",
    "origin": "Origin (UN M49 code)",
    "counterpart": "Counterpart (UN M49 code): the origin or the sender",
    "estimated": "Estimated",
}

AREA_FIELDS = [
    {"name": "m49", "type": "string", "title": "UN M49 code", "constraints": {"pattern": PATTERN}},
    {"name": "iso3", "type": "string", "title": "ISO 3166-1 alpha-3 code"},
    {"name": "name", "type": "string", "title": "Name (M49 English name)"},
    {"name": "kind", "type": "string", "title": "Kind (country, region, income_group, ...)"},
    {"name": "aggregate", "type": "boolean", "title": "Aggregate (a grouping of countries)"},
]


def descriptor(table: TidyTable, data_file: str, areas_file: str) -> dict[str, Any]:
    """The ``datapackage.json`` content for ``table`` stored as ``data_file``, its areas as
    ``areas_file``."""
    meta = table.meta
    return {
        "profile": "tabular-data-package",
        "name": meta.slug,
        "title": meta.title,
        "description": meta.description or f"Values of {meta.name} by area and year.",
        **({"licenses": [licence_record(meta.licence)]} if meta.licence else {}),
        "sources": [{"title": s.title, "path": s.url} for s in meta.sources],
        "resources": [
            _resource(meta.slug, data_file, _data_schema(table), meta.sources),
            _resource(AREAS, areas_file, _areas_schema(), table.area_sources),
        ],
    }


def write_datapackage(table: TidyTable, directory: Path) -> list[Path]:
    """Write ``<slug>.csv``, ``areas.csv`` and ``datapackage.json`` into ``directory``."""
    directory.mkdir(parents=True, exist_ok=True)
    data = directory / f"{table.meta.slug}.csv"
    inert_frame(table.stated()).to_csv(data, index=False, encoding="utf-8")
    areas = directory / f"{AREAS}.csv"
    inert_frame(area_list(table)).to_csv(areas, index=False, encoding="utf-8")
    package = directory / "datapackage.json"
    content = with_stamps(descriptor(table, data.name, areas.name), directory, table.meta.version)
    package.write_text(json.dumps(content, indent=2, ensure_ascii=False), encoding="utf-8")
    return [data, areas, package]


def with_stamps(content: dict[str, Any], directory: Path, version: str) -> dict[str, Any]:
    """``content`` with each resource file's ``hash`` (sha256) and ``bytes`` (which
    ``frictionless validate`` checks), the package's ``created`` time and ``version`` (the
    build id)."""
    for resource in content["resources"]:
        body = (directory / resource["path"]).read_bytes()
        resource["hash"] = f"sha256:{hashlib.sha256(body).hexdigest()}"
        resource["bytes"] = len(body)
    content["created"] = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if version:
        content["version"] = version
    return content


def _resource(
    name: str, path: str, schema: dict[str, Any], sources: tuple[SourceRef, ...]
) -> dict[str, Any]:
    licences = list(dict.fromkeys(s.licence for s in sources if s.licence))
    return {
        "name": name,
        "path": path,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": schema,
        **({"licenses": [licence_record(text) for text in licences]} if licences else {}),
        "sources": [
            {"title": s.title, "path": s.url, "licence": s.licence, "citation": s.citation}
            for s in sources
        ],
    }


def _data_schema(table: TidyTable) -> dict[str, Any]:
    meta = table.meta
    frame = table.frame
    codes = [column for column in CODE_COLUMNS if column in frame.columns]
    fields = [
        {
            "name": column,
            "type": "string" if column in codes else _field_type(frame[column]),
            "title": TITLES.get(
                column, f"{meta.title} ({meta.unit})" if column == "value" else column
            ),
            **({"description": _meaning(column, codes)} if column in COLUMN_MEANINGS else {}),
            **({"constraints": {"pattern": PATTERN}} if column in codes else {}),
        }
        for column in frame.columns
    ]
    return {
        "fields": fields,
        "primaryKey": list(table.key),
        "foreignKeys": [
            {"fields": column, "reference": {"resource": AREAS, "fields": "m49"}}
            for column in codes
        ],
    }


def _meaning(column: str, codes: list[str]) -> str:
    listed = f" Listed in the {AREAS} resource." if column in codes else ""
    return COLUMN_MEANINGS[column] + listed


def _areas_schema() -> dict[str, Any]:
    return {"fields": AREA_FIELDS, "primaryKey": ["m49"]}


def _field_type(column: pd.Series[Any]) -> str:
    if pd.api.types.is_bool_dtype(column):
        return "boolean"
    if pd.api.types.is_integer_dtype(column):
        return "integer"
    if pd.api.types.is_numeric_dtype(column):
        return "number"
    return "string"
