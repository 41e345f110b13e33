"""Countries of origin of Missing Migrants incidents: split, mapped, unmapped reported."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from migobs.config import Settings
from migobs.warehouse import schema
from migobs.warehouse.loaders import LoadContext
from migobs.warehouse.loaders._common import add_areas
from migobs.warehouse.loaders._origins import origins


def context(tmp_path: Path) -> LoadContext:
    con = duckdb.connect()
    schema.apply(con)
    con.execute(
        "INSERT INTO areas VALUES (120, 'CMR', 'CM', 'Cameroon', 'country'), "
        "(178, 'COG', 'CG', 'Congo', 'country'), "
        "(344, 'HKG', 'HK', 'China Hong Kong Special Administrative Region', 'country')"
    )
    ctx = LoadContext(con=con, settings=Settings(home=tmp_path / "home"))
    add_areas(ctx, "iom_mmp")
    return ctx


def test_origins_are_split_on_a_comma_without_space_and_mapped(tmp_path: Path) -> None:
    ctx = context(tmp_path)
    rows = pd.DataFrame(
        {
            "row": [2, 3, 4, 5],
            "key": ["a", "b", "c", "d"],
            "country_of_origin": [
                "Cameroon,Congo",
                "China, Hong Kong Special Administrative Region,Unknown",
                "",
                "Atlantis,Mixed",
            ],
        }
    )
    listed = origins(ctx, "iom_mmp", rows, "2025", 7)
    got = listed[["row_number", "position", "name", "origin"]].astype(object)
    assert [tuple(r) for r in got.where(got.notna(), None).itertuples(index=False)] == [
        (2, 1, "Cameroon", 120),
        (2, 2, "Congo", 178),
        (3, 1, "China, Hong Kong Special Administrative Region", 344),
        (3, 2, "Unknown", 9906),
        (5, 1, "Atlantis", None),
        (5, 2, "Mixed", 9907),
    ]
    (finding,) = ctx.areas.write(ctx.con)
    assert finding.rows == [{"name": "Atlantis", "code": None, "rows": 1}]


def test_a_vintage_without_country_of_origin_gives_no_rows(tmp_path: Path) -> None:
    rows = pd.DataFrame({"row": [2], "key": ["a"], "region_of_origin": ["Central America"]})
    assert origins(context(tmp_path), "iom_mmp", rows, "2022", 1).empty
