"""The areas an export names, as a table of its own: every area's M49 code (text), ISO3 code,
name, kind and whether it is an aggregate (a grouping of countries).

The Data Package writes it as its ``areas`` resource, which the data's code columns point to.
"""

from __future__ import annotations

import pandas as pd

from migobs.exports.sdmx.areas import NOT_AGGREGATES, areas_of_frame
from migobs.exports.table import TidyTable
from migobs.m49 import m49_text

COLUMNS = ("m49", "iso3", "name", "kind", "aggregate")


def area_list(table: TidyTable) -> pd.DataFrame:
    """Every area of the warehouse the table was read from (or, without them, the areas the
    table names), in code order, with the columns of :data:`COLUMNS`."""
    areas = table.areas if table.areas is not None else areas_of_frame(table.frame)
    if "iso3" not in areas.columns:
        iso3 = table.frame[["area", "iso3"]] if "iso3" in table.frame.columns else None
        found = {} if iso3 is None else dict(zip(iso3["area"], iso3["iso3"], strict=True))
        areas = areas.assign(iso3=areas["m49"].map(found))
    ordered = areas.sort_values("m49", kind="stable").drop_duplicates("m49")
    return pd.DataFrame(
        {
            "m49": ordered["m49"].map(m49_text),
            "iso3": ordered["iso3"],
            "name": ordered["name"].astype(str),
            "kind": ordered["kind"].astype(str),
            "aggregate": ~ordered["kind"].isin(NOT_AGGREGATES),
        }
    ).reset_index(drop=True)
