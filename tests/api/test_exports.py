from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import httpx
import pandas as pd

from tests.support.sdmx_read import sdmx_values
from tests.support.sdmx_schema import schema_errors


def test_export_list_links_each_format(client: httpx.Client) -> None:
    body = client.get("/api/exports").json()
    first = body["data"][0]
    assert first["name"] == "undesa_stock/2017/by_destination"
    assert (
        first["links"]["parquet"] == "/api/exports/undesa_stock/2017/by_destination?format=parquet"
    )


def test_sdmx_export_reads_back_with_sdmx1(client: httpx.Client, tmp_path: Path) -> None:
    response = client.get(
        "/api/exports/undesa_stock/2019/by_destination", params={"format": "sdmx-csv-2"}
    )
    assert response.headers["content-type"] == "application/zip"
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)
    values = sdmx_values(
        tmp_path / "undesa-stock-2019-by-destination.structure.xml",
        tmp_path / "undesa-stock-2019-by-destination.sdmx2.csv",
        "DF_UNDESA_STOCK_2019_BY_DESTINATION",
    )
    assert values[("A", "MIGRANT_STOCK", "578", "2019")] == 867_765.0
    assert (
        schema_errors((tmp_path / "undesa-stock-2019-by-destination.structure.xml").read_bytes())
        == []
    )


def test_unknown_table_and_format_are_4xx(client: httpx.Client) -> None:
    missing = client.get("/api/exports/undesa_stock/2024/by_destination").json()["error"]
    assert missing["parameter"] == "table"
    assert "undesa_stock/2019/by_destination" in missing["accepted"]
    wrong = client.get("/api/exports/undesa_stock/2019/by_destination", params={"format": "xls"})
    assert wrong.status_code == 422 and wrong.json()["error"]["accepted"][0] == "csv"


def test_grapher_of_a_corridor_table_has_a_column_per_counterpart(client: httpx.Client) -> None:
    response = client.get("/api/exports/indicator/stock.corridor", params={"format": "grapher"})
    assert response.status_code == 200
    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        grapher = pd.read_csv(archive.open("indicator-stock-corridor.grapher.csv"))
        meta = json.loads(archive.read("indicator-stock-corridor.grapher.meta.json"))
    usa = grapher[(grapher.Entity == "United States") & (grapher.Year == 2019)].iloc[0]
    assert usa["indicator_stock_corridor__counterpart_484"] == 11_489_684
    title = meta["variables"]["indicator_stock_corridor__counterpart_484"]["title"]
    assert title.endswith("(counterpart: Mexico, 484)")


def test_unknown_indicator_lists_the_indicator_codes(client: httpx.Client) -> None:
    response = client.get("/api/exports/indicator/nope")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["parameter"] == "code"
    assert "stock.total" in error["accepted"]
    assert not any("/" in code for code in error["accepted"])  # codes, not table names


def test_every_zip_has_a_readme_listing_its_files(client: httpx.Client) -> None:
    response = client.get(
        "/api/exports/undesa_stock/2019/by_destination", params={"format": "sdmx-csv-1"}
    )
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert sorted(archive.namelist()) == [
        "README.md",
        "undesa-stock-2019-by-destination.sdmx1.csv",
        "undesa-stock-2019-by-destination.structure.xml",
    ]
    readme = archive.read("README.md").decode()
    assert (
        "- Files: undesa-stock-2019-by-destination.sdmx1.csv, "
        "undesa-stock-2019-by-destination.structure.xml" in readme
    )
