"""``CL_AREA``: every area as SDMX codes it, countries and M49 regions by their M49 code on three
characters, the groupings M49 lacks by documented codes (``area_codes.yml``), aggregates marked.

Each code carries the annotations ``AREA_KIND`` (country, region, income_group, ...) and
``AGGREGATE`` (``true`` for groupings, ``false`` for countries, areas and residuals).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.exports.sdmx.conventions import Code, Codelist
from migobs.m49 import m49_text
from migobs.yaml_files import read_yaml

CODES_FILE = Path(__file__).with_name("area_codes.yml")
NOT_AGGREGATES = {"country", "residual", "area"}


@cache
def _equivalents() -> dict[int, str]:
    data: dict[str, Any] = read_yaml(CODES_FILE)
    return {int(code): str(entry["m49"]) for code, entry in data["m49_equivalents"].items()}


def area_code(area: int | str) -> str:
    """The SDMX code of a warehouse area: its M49 code on three characters (4 → ``004``), or
    the M49 code of the same grouping (900 → ``001``), or the UN DESA code of a grouping M49
    lacks (1503 → ``1503``)."""
    number = int(area)
    return _equivalents().get(number, m49_text(number))


def is_m49_equivalent(area: int | str) -> bool:
    """Whether the area's code is mapped to another (M49) code in SDMX."""
    return int(area) in _equivalents()


def area_codelist(areas: pd.DataFrame) -> Codelist:
    """``CL_AREA`` from ``areas`` (columns ``m49, name, kind``), one code per SDMX code: where
    two areas share one (an M49 region and the UN DESA code of the same grouping), the M49
    area's name is kept."""
    ordered = areas.assign(_equivalent=areas["m49"].map(is_m49_equivalent)).sort_values(
        ["_equivalent", "m49"], kind="stable"
    )
    codes: dict[str, Code] = {}
    for m49, name, kind in zip(ordered["m49"], ordered["name"], ordered["kind"], strict=True):
        sdmx = area_code(int(m49))
        aggregate = str(kind) not in NOT_AGGREGATES
        codes.setdefault(
            sdmx,
            Code(
                sdmx,
                str(name),
                f"Aggregate ({str(kind).replace('_', ' ')})" if aggregate else "",
                (("AREA_KIND", str(kind)), ("AGGREGATE", "true" if aggregate else "false")),
            ),
        )
    ordered_codes = sorted(codes.values(), key=lambda code: (len(code.id), code.id))
    return Codelist("CL_AREA", "Areas (UN M49 and documented groupings)", tuple(ordered_codes))


def areas_of_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """The areas a table names itself (``area``/``area_name`` and ``origin``/``origin_name``),
    as ``m49, name, kind``; the kind is ``country`` where the row has an ISO3 code."""
    parts = [
        pd.DataFrame(
            {
                "m49": frame["area"].astype(int),
                "name": frame["area_name"].astype(str),
                "kind": (
                    frame["iso3"].notna().map({True: "country", False: "aggregate"})
                    if "iso3" in frame.columns
                    else "area"
                ),
            }
        )
    ]
    if {"origin", "origin_name"} <= set(frame.columns):
        parts.append(
            pd.DataFrame(
                {"m49": frame["origin"].astype(int), "name": frame["origin_name"], "kind": "area"}
            )
        )
    return pd.concat(parts).drop_duplicates("m49").reset_index(drop=True)
