from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from migobs.errors import ExportError
from migobs.exports.datasets import dataset, dataset_names
from migobs.exports.formats import FORMATS, export
from tests.support.faces_warehouse import build_small_warehouse


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    path = build_small_warehouse(tmp_path / "w.duckdb")
    return duckdb.connect(str(path), read_only=True)


def test_names_per_stock_edition(con: duckdb.DuckDBPyConnection) -> None:
    assert "undesa_stock/2017/by_destination" in dataset_names(con)
    assert "undesa_stock/2019/by_destination_origin" in dataset_names(con)


def test_unknown_name_lists_the_known(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ExportError, match="undesa_stock/2019/by_destination"):
        dataset(con, "undesa_stock/2024/by_destination")


def test_by_destination_is_countries_totals(con: duckdb.DuckDBPyConnection) -> None:
    table = dataset(con, "undesa_stock/2019/by_destination")
    frame = table.frame.set_index(["area", "year"])
    assert frame.loc[(250, 2019), "value"] == 8_334_875.0
    assert frame.loc[(250, 2019), "iso3"] == "FRA"
    assert table.meta.sources[0].citation.startswith("United Nations")


def test_matrix_and_sex_tables_have_their_dimensions(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    matrix = dataset(con, "undesa_stock/2019/by_destination_origin")
    assert matrix.dimensions == ("origin",)
    assert matrix.frame[["area", "origin", "year", "value"]].values.tolist() == [
        [840, 484, 2010, 12_168_662.0],
        [840, 484, 2019, 11_489_684.0],
    ]
    by_sex = dataset(con, "undesa_stock/2019/by_destination_sex")
    formats = [f for f in FORMATS if f != "grapher"]
    names = [p.name for p in export(by_sex, tmp_path / "sex", formats).files]
    stem = "undesa-stock-2019-by-destination-sex"
    assert names == [
        f"{stem}.csv",
        f"{stem}.parquet",
        "areas.csv",
        "datapackage.json",
        f"{stem}.sdmx2.csv",
        f"{stem}.structure.xml",
        f"{stem}.sdmx1.csv",
        "README.md",
    ]


def test_indicator_is_exported_for_every_year(con: duckdb.DuckDBPyConnection) -> None:
    assert "indicator/stock.total" in dataset_names(con)
    table = dataset(con, "indicator/stock.total")
    frame = table.frame.set_index(["area", "year"])
    assert frame.loc[(250, 2019), "value"] == 8_334_875.0
    assert frame.loc[(250, 2019), "iso3"] == "FRA"
    assert table.meta.unit == "persons"


def test_indicator_lists_only_the_files_its_values_come_from(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # stock.total takes the newest edition (2019); the 2017 file is held but not used
    sources = dataset(con, "indicator/stock.total").meta.sources
    assert [s.title for s in sources] == ["undesa_stock 2019: UN_MigrantStockTotal_2019.xlsx"]


def test_indicator_csv_rounds_to_stated_decimals_parquet_keeps_all(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    share = dataset(con, "indicator/stock.female_share")
    assert share.meta.decimals == 2
    files = export(share, tmp_path / "share", ["csv", "parquet"]).files
    csv = next(p for p in files if p.suffix == ".csv").read_text(encoding="utf-8")
    assert "\n250,France,FRA,2019,52.12," in csv  # 100 × 4,344,036 / 8,334,875 = 52.1187…
    parquet = pd.read_parquet(next(p for p in files if p.suffix == ".parquet"))
    france = parquet.set_index("area").loc["250", "value"]
    assert france == pytest.approx(100 * 4_344_036 / 8_334_875, abs=1e-12)
    persons = dataset(con, "indicator/stock.total")
    csv_path = export(persons, tmp_path / "total", ["csv"]).files[0]
    whole = re.search(r"\n250,France,FRA,2019,8334875[,\n]", csv_path.read_text(encoding="utf-8"))
    assert whole, "a count is written whole, without .0"


def test_source_tables_are_written_as_published(con: duckdb.DuckDBPyConnection) -> None:
    table = dataset(con, "undesa_stock/2019/by_destination")
    assert table.meta.decimals is None
    assert table.stated().equals(table.sorted())


def test_grapher_csv_rounds_an_indicator_to_its_decimals(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    share = dataset(con, "indicator/stock.female_share")
    files = export(share, tmp_path / "grapher", ["grapher"]).files
    text = next(p for p in files if p.name.endswith(".grapher.csv")).read_text(encoding="utf-8")
    assert "France,FRA,2019,52.12\n" in text
