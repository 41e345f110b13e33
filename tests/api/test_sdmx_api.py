"""The SDMX REST API at /sdmx/2.1/, read by sdmx1's Client as an SDMX source on a real server
on loopback; every message valid against the official SDMX-ML 2.1 schemas."""

from __future__ import annotations

import io
from pathlib import Path

import duckdb
import httpx
import pandas as pd
import pytest
import sdmx

from migobs.config import Settings
from migobs.exports.datasets import dataset, dataset_names
from tests.support.sdmx_schema import data_schema_errors, schema_errors

FLOW = "DF_UNDESA_STOCK_2019_BY_DESTINATION"
COMPONENTS = ("FREQ", "SERIES", "REF_AREA", "UNIT_MEASURE", "UNIT_MULT", "OBS_STATUS")


@pytest.fixture(scope="module")
def source(live_server: str) -> sdmx.Client:
    sdmx.add_source(
        {"id": "MIGOBS", "url": f"{live_server}/sdmx/2.1", "name": "Migration Observatory"},
        override=True,
    )
    return sdmx.Client("MIGOBS")


@pytest.fixture(scope="module")
def con(web_settings: Settings) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(web_settings.warehouse), read_only=True)


def test_sdmx1_lists_every_dataflow(source: sdmx.Client, con: duckdb.DuckDBPyConnection) -> None:
    flows = source.dataflow().dataflow
    assert len(flows) == len(dataset_names(con))
    assert FLOW in flows and "DF_INDICATOR_SDG_10_C_1" in flows


def test_sdmx1_reads_a_structure(source: sdmx.Client) -> None:
    message = source.dataflow(FLOW, params={"references": "all"})
    dsd = message.structure[f"DSD_{FLOW.removeprefix('DF_')}"]
    assert [d.id for d in dsd.dimensions] == ["FREQ", "SERIES", "REF_AREA", "TIME_PERIOD"]
    assert str(message.codelist["CL_AREA"]["250"].name) == "France"
    assert message.dataflow[FLOW].structure is dsd


def test_sdmx1_data_by_key_equals_the_warehouse(
    source: sdmx.Client, con: duckdb.DuckDBPyConnection
) -> None:
    dsd = source.dataflow(FLOW, params={"references": "all"}).structure[0]
    data = source.data(FLOW, key="A.MIGRANT_STOCK.250+840", dsd=dsd)
    got = sdmx.to_pandas(data).droplevel(["FREQ", "SERIES"]).sort_index()
    frame = dataset(con, "undesa_stock/2019/by_destination").frame
    expected = frame[frame.area.isin([250, 840])].dropna(subset=["value"])
    want = {
        (f"{a:03d}", str(y)): v
        for a, y, v in zip(expected.area, expected.year, expected.value, strict=True)
    }
    assert {(area, year): value for (year, area), value in got.items()} == want
    assert len(want) >= 4


def test_period_and_observation_dimension(client: httpx.Client) -> None:
    response = client.get(
        f"/sdmx/2.1/data/{FLOW}/A.MIGRANT_STOCK.250",
        params={"startPeriod": "2015", "dimensionAtObservation": "AllDimensions"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/vnd.sdmx.structurespecific")
    assert data_schema_errors(response.content, COMPONENTS) == []
    assert b'TIME_PERIOD="2010"' not in response.content
    assert b'TIME_PERIOD="2019"' in response.content


def test_every_structure_message_validates(client: httpx.Client) -> None:
    for path in (
        "/sdmx/2.1/dataflow/MIGOBS/all/latest?references=all",
        f"/sdmx/2.1/dataflow/MIGOBS/{FLOW}/1.0?references=children&detail=full",
        "/sdmx/2.1/datastructure/MIGOBS?references=children",
        "/sdmx/2.1/codelist/all/CL_AREA/latest",
        "/sdmx/2.1/codelist?references=parents",
        "/sdmx/2.1/conceptscheme/MIGOBS/CS_MIGOBS",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert schema_errors(response.content) == [], path
    data = client.get(f"/sdmx/2.1/data/MIGOBS,{FLOW},1.0/A..250")
    assert data_schema_errors(data.content, COMPONENTS) == []


def test_no_match_is_404_with_an_sdmx_error(client: httpx.Client) -> None:
    for path in (
        "/sdmx/2.1/dataflow/MIGOBS/DF_NOPE",
        "/sdmx/2.1/codelist/OTHER",
        f"/sdmx/2.1/data/{FLOW}/A.MIGRANT_STOCK.999",
        "/sdmx/2.1/data/DF_NOPE",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert schema_errors(response.content) == [], path
        assert b'ErrorMessage code="100"' in response.content
    wrong = client.get(f"/sdmx/2.1/data/{FLOW}/A.B")
    assert wrong.status_code == 400 and b"FREQ.SERIES.REF_AREA" in wrong.content


def test_sdmx_csv_by_format_or_accept(client: httpx.Client, tmp_path: Path) -> None:
    by_format = client.get(f"/sdmx/2.1/data/{FLOW}/A..250", params={"format": "csv"})
    by_accept = client.get(
        f"/sdmx/2.1/data/{FLOW}/A..250",
        headers={"Accept": "application/vnd.sdmx.data+csv;version=1.0.0"},
    )
    assert by_format.text == by_accept.text
    assert by_accept.headers["content-type"].startswith("application/vnd.sdmx.data+csv")
    rows = pd.read_csv(io.StringIO(by_format.text), dtype=str)
    assert rows.columns[:4].tolist() == ["DATAFLOW", "FREQ", "SERIES", "REF_AREA"]
    assert set(rows.REF_AREA) == {"250"} and "NaN" not in by_format.text
    text = client.get(f"/sdmx/2.1/data/{FLOW}/A..250", headers={"Accept": "text/csv"})
    assert text.headers["content-type"].startswith("text/csv") and text.text == by_format.text
