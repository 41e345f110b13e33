from __future__ import annotations

from pathlib import Path

import pandas as pd

from tests.support.cli import at, migobs
from tests.support.faces_warehouse import build_small_warehouse


def test_export_writes_the_formats_asked_for(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    settings = at(warehouse)
    out = tmp_path / "out"
    result = migobs(
        settings,
        "export",
        "undesa_stock/2017/by_destination",
        "--format",
        "csv",
        "--format",
        "grapher",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    grapher = pd.read_csv(out / "undesa-stock-2017-by-destination.grapher.csv")
    usa = grapher[(grapher.Code == "USA") & (grapher.Year == 2017)]
    assert usa.iloc[0, 3] == 49_776_970.0
    assert (out / "README.md").is_file()


def test_export_lists_and_refuses_unknown_names(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    settings = at(warehouse)
    listed = migobs(settings, "export", "--list")
    assert "undesa_stock/2019/by_destination_sex" in listed.output.splitlines()
    wrong = migobs(settings, "export", "nope/1/x")
    assert wrong.exit_code == 1
    assert "No table 'nope/1/x' to export" in wrong.output


def test_sdmx_spelling_of_the_docs_and_the_api(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    settings = at(warehouse)
    out = tmp_path / "out"
    args = ["export", "indicator/stock.total", "--format", "sdmx-csv-2", "--out", str(out)]
    result = migobs(settings, *args)
    assert result.exit_code == 0, result.output
    assert (out / "indicator-stock-total.sdmx2.csv").is_file()
    old = migobs(settings, *args[:3], "sdmx_csv_2")
    assert old.exit_code == 2 and "'sdmx-csv-2'" in old.output


def test_every_format_of_a_table_by_sex(tmp_path: Path) -> None:
    warehouse = build_small_warehouse(tmp_path / "w.duckdb")
    settings = at(warehouse)
    out = tmp_path / "out"
    args = ["export", "undesa_stock/2019/by_destination_sex", "--out", str(out)]
    result = migobs(settings, *args)
    assert result.exit_code == 0, result.output
    stem = "undesa-stock-2019-by-destination-sex"
    written = sorted(p.name for p in out.iterdir())
    assert written == sorted(
        [
            f"{stem}.csv",
            f"{stem}.parquet",
            f"{stem}.grapher.csv",
            f"{stem}.grapher.meta.json",
            "areas.csv",
            "datapackage.json",
            f"{stem}.sdmx2.csv",
            f"{stem}.sdmx1.csv",
            f"{stem}.structure.xml",
            "README.md",
        ]
    )
    readme = (out / "README.md").read_text()
    assert f"- Files: {stem}.csv, {stem}.parquet, {stem}.grapher.csv" in readme
