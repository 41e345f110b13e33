"""What the world map can show: each variable's code, title, unit and how to read it.

A variable reads every year at once from the warehouse as a tidy frame (``area, area_name,
iso3, year, value`` plus provenance columns); the page picks the year.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb
import pandas as pd

from migobs.warehouse.read import atlas, listing

Reader = Callable[[duckdb.DuckDBPyConnection], pd.DataFrame]


@dataclass(frozen=True)
class MapVariable:
    """One variable of the world map."""

    code: str
    title: str
    unit: str
    source: str
    read: Reader


def _newest_stock(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    editions = [e for s, e in listing.stock_editions(con) if s == "undesa_stock"]
    if not editions:
        return pd.DataFrame(columns=["area", "area_name", "iso3", "year", "value"])
    return atlas.stock_by_destination(con, edition=editions[-1])


VARIABLES: dict[str, MapVariable] = {
    v.code: v
    for v in (
        MapVariable(
            code="immigrants",
            title="International migrants living in the country",
            unit="persons",
            source="UN DESA International Migrant Stock, newest edition",
            read=_newest_stock,
        ),
    )
}
