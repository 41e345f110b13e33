from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

from migobs.errors import ExportError
from migobs.exports.grapher import write_grapher, write_grapher_many
from migobs.exports.table import TableMeta, TidyTable


def test_grapher_csv_reads_back(stock_table: TidyTable, tmp_path: Path) -> None:
    csv, meta = write_grapher(stock_table, tmp_path)
    back = pd.read_csv(csv, keep_default_na=False, na_values=[""])
    assert back.columns.tolist() == ["Entity", "Code", "Year", "undesa_stock_2019_by_destination"]
    world = back[back.Entity == "World"].set_index("Year")
    assert world.loc[2019, "Code"] == "OWID_WRL"
    assert world.loc[2015, "undesa_stock_2019_by_destination"] == 247_585_744.0
    assert math.isnan(back[(back.Code == "FRA") & (back.Year == 2019)].iloc[0, 3])
    variables = json.loads(meta.read_text())["variables"]
    assert variables["undesa_stock_2019_by_destination"]["unit"] == "persons"


def test_two_indicators_side_by_side(stock_table: TidyTable, tmp_path: Path) -> None:
    share = TidyTable(
        frame=stock_table.frame.assign(value=[12.2, 0.9, 3.4, 0.4, 12.8, 3.5]),
        meta=TableMeta(name="migrant_share", title="Migrant share", unit="percent"),
    )
    csv, _ = write_grapher_many([stock_table, share], tmp_path, "both")
    back = pd.read_csv(csv)
    assert back.columns.tolist()[3:] == ["undesa_stock_2019_by_destination", "migrant_share"]
    afg = back[(back.Code == "AFG") & (back.Year == 2019)].iloc[0]
    assert afg["migrant_share"] == 0.4
    assert afg["undesa_stock_2019_by_destination"] == 144_098.0


def test_dimensions_are_refused(by_sex_table: TidyTable, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="dimensions sex"):
        write_grapher(by_sex_table, tmp_path)
