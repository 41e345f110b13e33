"""Which rows of two IOM Missing Migrants vintages describe the same incident.

IOM's ``Incident ID`` is not a reliable key across vintages: it is sometimes reused for another
incident (``2022.MMP0422`` is a death in the Rio Bravo in the 2022 export and one in Suphan
Buri, Thailand in 2025) and sometimes changed (``7420`` in 2022 is ``2016.MMP017634`` in 2025).
So a row of the older vintage is matched to the newer one in two steps:

1. **By ID, confirmed.** Rows with the same ID key are the same incident when the *place*
   agrees (same region of incident, or coordinates within :data:`NEAR_DEGREES` on both axes, or
   the same location text) and the *time* agrees (dates within :data:`DAYS`, or a date is
   missing, or the place is exactly the same: same location text or same coordinates). The
   2022 export's ``Website Date`` is when the incident was posted, so it can trail the 2025
   ``Incident Date`` by weeks (Pima County cases); an identical place confirms those.
2. **By attributes.** Rows not matched by ID (older and newer alike) are matched when they agree
   on date, region, coordinates rounded to :data:`ROUND` decimals and dead-and-missing, and
   exactly one row on each side has those values.

An ID shared by rows that the first step does not confirm is *reused*: both rows are returned
so the loader can report them.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

DAYS = 7
"""Most days between the dates of an ID match whose place is not exactly the same."""
NEAR_DEGREES = 1.0
"""Most degrees (latitude and longitude each) between the coordinates of a place that agrees."""
ROUND = 2
"""Decimals the coordinates are rounded to for a match by attributes (~1 km)."""
ATTRIBUTES = ["incident_date", "region", "lat", "lon", "dead_and_missing"]
COLUMNS = ["row", "key", "incident_date", "region", "latitude", "longitude", "location"]


@dataclass(frozen=True)
class Matches:
    """How the rows of an older vintage relate to a newer one.

    Attributes
    ----------
    matched: ``row`` (older), ``new_row``, ``matched_by`` (``incident-id`` | ``attributes``),
        one row per older row that has a match (the first newer row for duplicated IDs).
    reused: ``row`` (older), ``new_row``: ID matches the rule does not confirm.
    """

    matched: pd.DataFrame
    reused: pd.DataFrame


def match(older: pd.DataFrame, newer: pd.DataFrame) -> Matches:
    """Match the rows of ``older`` to those of ``newer`` (both with :data:`COLUMNS` and counts)."""
    pairs = older[COLUMNS].merge(newer[COLUMNS], on="key", suffixes=("", "_new"))
    pairs = pairs.rename(columns={"row_new": "new_row"})
    confirmed = pairs[_confirmed(pairs)].drop_duplicates("row")
    by_id = confirmed[["row", "new_row"]].assign(matched_by="incident-id")
    reused = pairs[~pairs["row"].isin(confirmed["row"])][["row", "new_row"]]
    by_attributes = _by_attributes(
        older[~older["row"].isin(confirmed["row"])],
        newer[~newer["row"].isin(pairs.loc[_confirmed(pairs), "new_row"])],
    )
    matched = pd.concat([by_id, by_attributes], ignore_index=True)
    return Matches(matched.reset_index(drop=True), reused.reset_index(drop=True))


def _confirmed(pairs: pd.DataFrame) -> pd.Series:
    days = (
        pd.to_datetime(pairs["incident_date"]) - pd.to_datetime(pairs["incident_date_new"])
    ).dt.days
    near = ((pairs["latitude"] - pairs["latitude_new"]).abs() <= NEAR_DEGREES) & (
        (pairs["longitude"] - pairs["longitude_new"]).abs() <= NEAR_DEGREES
    )
    same_text = (_plain(pairs["location"]) == _plain(pairs["location_new"])) & (
        pairs["location"] != ""
    )
    same_point = (pairs["latitude"].round(4) == pairs["latitude_new"].round(4)) & (
        pairs["longitude"].round(4) == pairs["longitude_new"].round(4)
    )
    place = (pairs["region"] == pairs["region_new"]) | near | same_text
    time = (days.abs() <= DAYS) | days.isna() | same_text | same_point
    return place & time


def _by_attributes(older: pd.DataFrame, newer: pd.DataFrame) -> pd.DataFrame:
    left = _unique_attributes(older)
    right = _unique_attributes(newer).rename(columns={"row": "new_row"})
    found = left.merge(right, on=ATTRIBUTES)[["row", "new_row"]]
    return found.assign(matched_by="attributes")


def _unique_attributes(rows: pd.DataFrame) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "row": rows["row"],
            "incident_date": rows["incident_date"],
            "region": rows["region"],
            "lat": rows["latitude"].round(ROUND),
            "lon": rows["longitude"].round(ROUND),
            "dead_and_missing": rows["dead_and_missing"],
        }
    ).dropna()
    return frame[~frame.duplicated(ATTRIBUTES, keep=False)]


def _plain(text: pd.Series) -> pd.Series:
    return text.str.lower().str.split().str.join(" ")
