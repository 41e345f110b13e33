"""A table's observations as SDMX codes them: one row per observation with a value, columns
named by the dimensions, ``TIME_PERIOD``, ``OBS_VALUE`` and the attributes.

Missing values are left out (never written as ``NaN``, which SDMX reads as "intentionally
missing"). Where an M49 region and the UN DESA code of the same grouping both have a row, the
row under the M49 code is kept.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pandas as pd

from migobs.exports.sdmx import conventions as cv
from migobs.exports.sdmx.areas import area_code, is_m49_equivalent
from migobs.exports.sdmx.artefacts import (
    DIMENSION_OF_COLUMN,
    PERIOD,
    QUARTER,
    TIME_COLUMNS,
    flow_of,
)
from migobs.exports.table import TidyTable

AREA_COLUMNS = {"area", "origin", "counterpart"}


def observations(table: TidyTable) -> pd.DataFrame:
    """The observations with SDMX column names and codes, in key order."""
    flow = flow_of(table)
    frame = table.frame[table.frame["value"].notna()]
    mapped = _coded(frame["area"], is_m49_equivalent)
    frame = frame.assign(_mapped=mapped).sort_values("_mapped", kind="stable")
    quarterly = QUARTER in table.dimensions
    periods = PERIOD in table.dimensions
    columns: dict[str, object] = {
        "FREQ": "Q" if quarterly else "_O" if periods else "A",
        "SERIES": cv.series_code(table.meta.name),
        "REF_AREA": _coded(frame["area"], area_code),
    }
    for column in (d for d in table.dimensions if d not in TIME_COLUMNS):
        values = frame[column]
        coded = _coded(values, area_code if column in AREA_COLUMNS else cv.sex_code)
        columns[DIMENSION_OF_COLUMN[column]] = coded
    years = frame["year"].astype(int).astype(str)
    quarters = "-Q" + frame[QUARTER].astype(int).astype(str) if quarterly else ""
    columns["TIME_PERIOD"] = time_ranges(frame[PERIOD]) if periods else years + quarters
    columns["OBS_VALUE"] = frame["value"].map(_number)
    columns["UNIT_MEASURE"] = cv.unit_code(table.meta.unit)
    columns["UNIT_MULT"] = "0"
    columns["OBS_STATUS"] = obs_status(frame)
    body = pd.DataFrame(columns, index=frame.index)
    key = [*flow.dimensions, "TIME_PERIOD"]
    body = body.drop_duplicates(key, keep="first")
    return body.sort_values(key, kind="stable").reset_index(drop=True)


def time_ranges(periods: pd.Series[str]) -> pd.Series[str]:
    """SDMX time ranges of periods between mid-year stocks: ``2005-2010`` → ``2005-07-01/P5Y``."""
    bounds = periods.str.split("-", expand=True).astype(int)
    return bounds[0].astype(str) + "-07-01/P" + (bounds[1] - bounds[0]).astype(str) + "Y"


def obs_status(frame: pd.DataFrame) -> pd.Series[str] | str:
    """SDMX's ``OBS_STATUS`` of each row: ``E`` (estimated) where we computed or modelled the
    value (column ``estimated``), ``A`` (normal) where a source publishes it as it is."""
    if "estimated" not in frame.columns:
        return "A"
    return frame["estimated"].astype(bool).map({True: "E", False: "A"})


def _coded(values: pd.Series[Any], code: Callable[[Any], Any]) -> pd.Series[Any]:
    """``values`` mapped by ``code``, called once per distinct value."""
    return values.map({value: code(value) for value in values.unique()})


def _number(value: float) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else repr(number)
