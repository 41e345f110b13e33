from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd

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


def test_a_dimension_becomes_a_column_per_value(by_sex_table: TidyTable, tmp_path: Path) -> None:
    csv, meta = write_grapher(by_sex_table, tmp_path)
    back = pd.read_csv(csv)
    assert back.columns.tolist() == [
        "Entity",
        "Code",
        "Year",
        "undesa_stock_2019_by_sex__sex_female",
        "undesa_stock_2019_by_sex__sex_male",
    ]
    afg = back[back.Entity == "Afghanistan"].iloc[0]
    assert (afg.iloc[3], afg.iloc[4]) == (69_000.5, 75_097.5)
    titles = {k: v["title"] for k, v in json.loads(meta.read_text())["variables"].items()}
    assert titles["undesa_stock_2019_by_sex__sex_male"] == "Migrant stock by sex (sex: male)"


def test_entities_are_owids_names_and_counts_integers(tmp_path: Path) -> None:
    frame = pd.DataFrame(
        {
            "area": [840, 704, 419, 904, 1830, 947, 9134],
            "area_name": [
                "United States of America",
                "Viet Nam",
                "Latin America and the Caribbean",
                "Latin America and the Caribbean",
                "Latin America and the Caribbean",
                "Sub-Saharan Africa",
                "Sub-Saharan Africa",
            ],
            "year": [2019] * 7,
            "value": [50_661_149.0, 76_767.0, 11_673_288.0, 11_673_288.0, 11_673_288.0, 1, 2],
        }
    )
    table = TidyTable(frame=frame, meta=TableMeta(name="stock", title="Stock", unit="persons"))
    csv, _ = write_grapher(table, tmp_path)
    lines = csv.read_text().splitlines()
    assert lines == [
        "Entity,Code,Year,stock",
        "Latin America and the Caribbean (UN),,2019,11673288",
        "Sub-Saharan Africa (UN),,2019,1",
        "Sub-Saharan Africa (WB),,2019,2",
        "United States,,2019,50661149",
        "Vietnam,,2019,76767",
    ]
