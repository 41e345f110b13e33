from __future__ import annotations

import io
import zipfile
from pathlib import Path

import httpx

from tests.sdmx_read import sdmx_values


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
    assert values[("578", "2019")] == 867_765.0


def test_unknown_table_and_format_are_4xx(client: httpx.Client) -> None:
    missing = client.get("/api/exports/undesa_stock/2024/by_destination").json()["error"]
    assert missing["parameter"] == "table"
    assert "undesa_stock/2019/by_destination" in missing["accepted"]
    wrong = client.get("/api/exports/undesa_stock/2019/by_destination", params={"format": "xls"})
    assert wrong.status_code == 422 and wrong.json()["error"]["accepted"][0] == "csv"
