"""Load every IOM Missing Migrants vintage into ``missing_migrants``, one row per incident row.

``incident_key`` says which rows of different vintages are the same incident: IOM's
``Incident ID`` (e.g. ``2014.MMP00001``), which the project keeps when it revises an incident's
date, counts or sources. A row that merges several incidents lists their IDs comma-separated;
its key is those IDs sorted and joined with commas, so the same merge has the same key in every
vintage. Numeric IDs (one row of 2022 has ``7420``) are written as integers. The country of
incident (2025 vintage) maps by name through ``area_names/iom_mmp.yml``.
"""

from __future__ import annotations

import calendar

import pandas as pd

from migobs.sources import iom_mmp as parser
from migobs.sources._layout import layout
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import held_files, map_names

SOURCE = "iom_mmp"
ORDER = 40
MONTHS = {name: number for number, name in enumerate(calendar.month_name) if name}
TEXT = (
    "main_id",
    "incident_type",
    "region",
    "country_of_origin",
    "region_of_origin",
    "cause",
    "country_of_incident",
    "route",
    "location",
    "unsd_grouping",
    "information_source",
    "url",
    "source_quality",
)
COUNTS = ("dead", "missing", "dead_and_missing", "survivors", "females", "males", "children")


def incident_key(incident_id: str) -> str:
    """The key of an incident across vintages: its IOM Incident ID(s), sorted, comma-joined."""
    return ",".join(sorted(part.strip() for part in incident_id.split(",") if part.strip()))


def load(ctx: LoadContext) -> None:
    """Load every held vintage."""
    for held in held_files(ctx, SOURCE):
        rows = parser.read(held.path, held.edition)
        ctx.append("missing_migrants", _frame(ctx, rows, held.edition, held.file_id))


def _frame(ctx: LoadContext, rows: pd.DataFrame, edition: str, file_id: int) -> pd.DataFrame:
    text = {c: rows[c].replace("", None) if c in rows else None for c in TEXT}
    countries = rows["country_of_incident"] if "country_of_incident" in rows else None
    return pd.DataFrame(
        {
            "source": SOURCE,
            "edition": edition,
            "incident_key": rows["incident_id"].map(incident_key),
            "incident_id": rows["incident_id"],
            **text,
            "incident_date": rows["incident_date"],
            "year": rows["year"].astype("Int64"),
            "month": rows["month"].map(MONTHS).astype("Int64"),
            **{c: rows[c] for c in COUNTS},
            "incident_area": None if countries is None else map_names(ctx, SOURCE, countries),
            "latitude": rows["latitude"],
            "longitude": rows["longitude"],
            "file_id": file_id,
            "sheet": layout(SOURCE, edition)["sheet"],
            "row_number": rows["row"],
        }
    )
