"""The countries of origin of Missing Migrants incidents, one row per (incident row, country).

The 2025 export's ``Country of Origin`` lists several countries in one cell, separated by a comma
with no space (``Cameroon,Congo,Syrian Arab Republic``); a comma followed by a space is part of
a name (``China, Hong Kong Special Administrative Region``). Each listed name maps through
``area_names/iom_mmp.yml`` (``Unknown`` and ``Mixed`` to special areas of their own); a name that
does not map is stored with ``origin`` NULL and reported as an ``unmapped-area`` finding with the
rows that carried it. The 2022 export has no country of origin (only ``Region of Origin``, kept
as IOM's text in ``missing_migrants.region_of_origin``), so it gives no rows here.
"""

from __future__ import annotations

import pandas as pd

from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import map_names

SEPARATOR = r",(?! )"
"""A comma not followed by a space separates two countries."""


def origins(
    ctx: LoadContext, source: str, rows: pd.DataFrame, edition: str, file_id: int
) -> pd.DataFrame:
    """One row per country named in each incident row's ``country_of_origin``, in cell order."""
    if "country_of_origin" not in rows:
        return pd.DataFrame()
    cells = rows[["row", "key", "country_of_origin"]]
    listed = cells.assign(name=cells["country_of_origin"].str.split(SEPARATOR, regex=True))
    listed = listed.explode("name", ignore_index=True)
    listed["name"] = listed["name"].str.strip()
    listed = listed[listed["name"].notna() & (listed["name"] != "")].copy()
    listed["position"] = listed.groupby("row").cumcount() + 1
    return pd.DataFrame(
        {
            "source": source,
            "edition": edition,
            "row_number": listed["row"],
            "incident_key": listed["key"],
            "position": listed["position"],
            "name": listed["name"],
            "origin": map_names(ctx, source, listed["name"].reset_index(drop=True)).to_numpy(),
            "file_id": file_id,
        }
    )
