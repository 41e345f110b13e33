"""Load every IOM Missing Migrants vintage into ``missing_migrants``, one row per incident row.

``incident_key`` says which rows of different vintages are the same incident. The newest
vintage's key is its ``Incident ID`` (:func:`incident_key`: a merged row's IDs sorted and
comma-joined). Each older vintage is matched to the next newer one by the rule of
:mod:`migobs.warehouse.loaders._incidents` (ID confirmed by place and date, else attributes); a
matched row takes the newer row's key and ``matched_by`` says how. An unmatched row keeps its
own ID key, prefixed ``<edition>:`` when a newer row holds that ID for another incident (a
``vintage-id-reused`` finding names both rows). The country of incident (2025 vintage) maps by
name through ``area_names/iom_mmp.yml``; its countries of origin go to
``missing_migrants_origins`` (:mod:`migobs.warehouse.loaders._origins`).
"""

from __future__ import annotations

import calendar
from pathlib import Path

import pandas as pd

from migobs.sources import iom_mmp as parser
from migobs.sources.catalog import FileSpec
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders import _incidents as incidents
from migobs.warehouse.loaders._common import add_areas, held_files, map_names
from migobs.warehouse.loaders._origins import origins
from migobs.warehouse.read_ahead import Read

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


def ahead(spec: FileSpec, path: Path) -> list[Read]:
    """The vintage's incidents, parsed in a worker while other loaders run."""
    return [(parser.read, (path, spec.edition))]


def load(ctx: LoadContext) -> None:
    """Load every held vintage, keyed across vintages."""
    vintages = [
        (held, ctx.parsed(parser.read, held.path, held.edition)) for held in held_files(ctx, SOURCE)
    ]
    newer: tuple[str, pd.DataFrame] | None = None
    for held, rows in reversed(vintages):
        rows["key"] = rows["incident_id"].map(incident_key)
        rows["matched_by"] = None
        if newer is not None:
            _key_by(ctx, (held.edition, rows), newer)
        newer = (held.edition, rows)
    add_areas(ctx, SOURCE)
    for held, rows in vintages:
        ctx.append("missing_migrants", _frame(ctx, rows, held.edition, held.file_id))
        listed = origins(ctx, SOURCE, rows, held.edition, held.file_id)
        if not listed.empty:
            ctx.append("missing_migrants_origins", listed)


def _key_by(
    ctx: LoadContext, vintage: tuple[str, pd.DataFrame], next_vintage: tuple[str, pd.DataFrame]
) -> None:
    """Give the rows of ``vintage`` the keys of the rows they match in the next; report reuse."""
    edition, rows = vintage
    newer = next_vintage[1]
    found = incidents.match(rows, newer)
    new_key = newer.set_index("row")["key"]
    by_row = found.matched.set_index("row")
    matched = rows["row"].isin(by_row.index)
    taken = rows["key"].isin(set(newer["key"])) & ~matched
    rows.loc[taken, "key"] = f"{edition}:" + rows.loc[taken, "key"]
    rows.loc[matched, "key"] = rows.loc[matched, "row"].map(by_row["new_row"]).map(new_key)
    rows.loc[matched, "matched_by"] = rows.loc[matched, "row"].map(by_row["matched_by"])
    older, later = rows.set_index("row"), newer.set_index("row")
    instead = by_row["new_row"].to_dict()
    for old_row, new_row in found.reused.itertuples(index=False):
        old = (edition, int(old_row), older.loc[old_row])
        new = (next_vintage[0], int(new_row), later.loc[new_row])
        _reused(ctx, old, new, instead.get(old_row))


def _reused(
    ctx: LoadContext,
    old: tuple[str, int, pd.Series],
    new: tuple[str, int, pd.Series],
    instead: int | None,
) -> None:
    """A ``vintage-id-reused`` finding naming the older and the newer row of one ID."""
    now = (
        f"it is matched by attributes to row {instead} instead"
        if instead is not None
        else "it is kept as an incident of its own"
    )
    (edition, row, fields), (new_edition, new_row, new_fields) = old, new
    ctx.add_finding(
        "vintage-id-reused",
        f"iom_mmp: Incident ID {fields['incident_id']} names two incidents",
        f"Incident ID {fields['incident_id']} is row {row} of the {edition} vintage "
        f"({_describe(fields)}) and row {new_row} of the {new_edition} vintage "
        f"({_describe(new_fields)}); place or date disagree, so they are not taken as one "
        f"incident: {now}.",
        source=SOURCE,
        edition=edition,
        rows=[
            {"edition": e, "row_number": r, "incident_id": f["incident_id"]}
            for e, r, f in (old, new)
        ],
    )


def _describe(row: pd.Series) -> str:
    return f"{row['incident_date']}, {row['region']}, {row['location'][:60]}"


def _frame(ctx: LoadContext, rows: pd.DataFrame, edition: str, file_id: int) -> pd.DataFrame:
    text = {c: rows[c].replace("", None) if c in rows else None for c in TEXT}
    countries = rows["country_of_incident"] if "country_of_incident" in rows else None
    return pd.DataFrame(
        {
            "source": SOURCE,
            "edition": edition,
            "incident_key": rows["key"],
            "matched_by": rows["matched_by"],
            "incident_id": rows["incident_id"],
            **text,
            "incident_date": rows["incident_date"],
            "incident_date_text": rows["incident_date_text"].replace("", None),
            "year": rows["year"].astype("Int64"),
            "month": rows["month"].map(MONTHS).astype("Int64"),
            **{c: rows[c] for c in COUNTS},
            "incident_area": None if countries is None else map_names(ctx, SOURCE, countries),
            "latitude": rows["latitude"],
            "longitude": rows["longitude"],
            "file_id": file_id,
            "sheet": parser.incidents_layout(edition).sheet,
            "row_number": rows["row"],
        }
    )
