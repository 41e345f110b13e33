"""A small tidy table like the migrant-stock by destination, with one missing value."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from migobs.exports.table import SourceRef, TableMeta, TidyTable

META = TableMeta(
    name="undesa_stock/2019/by_destination",
    title="International migrant stock by destination",
    unit="persons",
    description="Persons living in a country other than their country of birth, mid-year.",
    sources=(
        SourceRef(
            title="UN DESA International Migrant Stock 2019",
            citation="United Nations, Department of Economic and Social Affairs, Population "
            "Division (2019). International Migrant Stock 2019.",
            url="https://www.un.org/en/development/desa/population/migration/data/estimates2/",
            licence="UN terms of use",
        ),
    ),
)


@pytest.fixture
def stock_table() -> TidyTable:
    """Three areas (one without ISO3 code) by two years, one value missing."""
    frame = pd.DataFrame(
        {
            "area": [250, 4, 900, 4, 250, 900],
            "area_name": ["France", "Afghanistan", "World", "Afghanistan", "France", "World"],
            "iso3": ["FRA", "AFG", None, "AFG", "FRA", None],
            "year": [2015, 2015, 2015, 2019, 2019, 2019],
            "value": [7_918_382.0, 339_446.0, 247_585_744.0, 144_098.0, math.nan, 271_642_105.0],
        }
    )
    return TidyTable(frame=frame, meta=META)


@pytest.fixture
def by_sex_table() -> TidyTable:
    """Two areas by sex (a further dimension) for one year."""
    frame = pd.DataFrame(
        {
            "area": [4, 4, 250, 250],
            "area_name": ["Afghanistan", "Afghanistan", "France", "France"],
            "sex": ["female", "male", "female", "male"],
            "year": [2019, 2019, 2019, 2019],
            "value": [69_000.5, 75_097.5, 4_198_000.0, 4_136_000.0],
        }
    )
    return TidyTable(
        frame=frame,
        meta=TableMeta(
            name="undesa_stock/2019/by_sex", title="Migrant stock by sex", unit="persons"
        ),
        dimensions=("sex",),
    )
