"""Flow estimates through the API: runs, flows, a corridor both ways; CSV, ETag and errors."""

from __future__ import annotations

import io

import httpx
import pandas as pd
import pytest

from tests.support.faces_warehouse import BUILD_ID, FLOWS, RUNS

FIRST, SECOND = RUNS[0][0], RUNS[1][0]


def error_of(client: httpx.Client, path: str, **params: object) -> dict[str, object]:
    response = client.get(path, params=params)
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == response.status_code
    return dict(body["error"])


def test_unknown_run_names_the_parameter_and_lists_the_runs(client: httpx.Client) -> None:
    error = error_of(client, "/api/flows", run="demographic-accounting/2017/total/1066-1067")
    assert (error["status"], error["parameter"]) == (404, "run")
    assert error["accepted"] == [FIRST, SECOND]


def test_unknown_edition_lists_the_editions_with_runs(client: httpx.Client) -> None:
    error = error_of(client, "/api/flows/runs", edition="2019")
    assert (error["status"], error["parameter"], error["accepted"]) == (404, "edition", ["2017"])
    assert "/api/flows/runs" in str(error["message"]) and "migobs" not in str(error["message"])


def test_unknown_period_lists_the_periods_of_the_runs_chosen(client: httpx.Client) -> None:
    error = error_of(client, "/api/flows", period="1990-1995")
    assert (error["parameter"], error["accepted"]) == ("period", ["2005-2010", "2010-2015"])
    error = error_of(client, "/api/flows", run=SECOND, period="2005-2010")
    assert error["accepted"] == ["2010-2015"]


@pytest.mark.parametrize(
    ("path", "params", "status", "parameter"),
    [
        ("/api/flows", {"origin": 99999}, 404, "origin"),
        ("/api/flows", {"destination": 12345}, 404, "destination"),
        ("/api/flows", {"sex": "both"}, 422, "sex"),
        ("/api/flows", {"method": "gravity"}, 404, "method"),
        ("/api/flows/corridors/484/999", {}, 404, "destination"),
        ("/api/flows/corridors/484/484", {}, 404, "destination"),
        ("/api/flows/corridors/x/840", {}, 404, "origin"),
    ],
)
def test_bad_input_has_the_one_error_shape(
    client: httpx.Client, path: str, params: dict[str, object], status: int, parameter: str
) -> None:
    error = error_of(client, path, **params)
    assert (error["status"], error["parameter"]) == (status, parameter)
    assert set(error) == {"status", "type", "message", "parameter", "accepted"}


def test_runs_in_period_order_with_diagnostics(client: httpx.Client) -> None:
    body = client.get("/api/flows/runs").json()
    assert body["count"] == 2
    assert [(r["run_id"], r["period"], r["total_flow"]) for r in body["data"]] == [
        (FIRST, "2005-2010", 47_092_140.0),
        (SECOND, "2010-2015", 45_875_640.0),
    ]
    run = body["data"][0]
    assert (run["demography"], run["options"], run["diagnostics"]) == (
        "wpp/2019",
        {"stayers": True},
        {"converged": True},
    )


def test_flows_filtered_by_period_and_origin(client: httpx.Client) -> None:
    body = client.get("/api/flows", params={"period": "2005-2010", "origin": 484}).json()
    assert body["count"] == 1
    (row,) = body["data"]
    assert (row["destination_name"], row["flow"], row["run_id"]) == (
        "United States of America",
        870_766.2,
        FIRST,
    )


def test_flows_in_a_stable_order_over_pages(client: httpx.Client) -> None:
    first = client.get("/api/flows", params={"limit": 5}).json()
    rest = client.get("/api/flows", params={"limit": 5, "offset": 5}).json()
    assert first["count"] == rest["count"] == len(FLOWS)
    keys = [(r["period"], r["origin"], r["destination"]) for r in first["data"] + rest["data"]]
    assert keys == sorted(keys)
    assert keys[:3] == [
        ("2005-2010", "004", "840"),
        ("2005-2010", "250", "578"),
        ("2005-2010", "484", "840"),
    ]


def test_corridor_both_ways_with_zero_for_a_covered_pair(client: httpx.Client) -> None:
    body = client.get("/api/flows/corridors/250/578").json()
    assert [(r["period"], r["to_destination"], r["to_origin"], r["net"]) for r in body["data"]] == [
        ("2005-2010", 9_876.0, 4_321.0, 5_555.0),
        ("2010-2015", 11_000.0, 0.0, 11_000.0),  # no flow back stored: none estimated
    ]


def test_corridor_only_in_runs_that_cover_both_countries(client: httpx.Client) -> None:
    body = client.get("/api/flows/corridors/840/4").json()
    assert [(r["period"], r["to_destination"], r["to_origin"]) for r in body["data"]] == [
        ("2005-2010", 0.0, 1_204.0)
    ]  # Afghanistan is not in the 2010-2015 run


def test_corridor_as_csv_with_etag(client: httpx.Client) -> None:
    response = client.get("/api/flows/corridors/484/840", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["etag"].startswith(f'"{BUILD_ID}.')  # the build and its flow runs
    assert response.headers["x-total-count"] == "2"
    frame = pd.read_csv(io.StringIO(response.text))
    assert frame["to_destination"].tolist() == [870_766.2, 617_832.6]
    assert frame["to_origin"].tolist() == [266_386.6, 144_011.5]
    again = client.get(
        "/api/flows/corridors/484/840",
        params={"format": "csv"},
        headers={"If-None-Match": response.headers["etag"]},
    )
    assert again.status_code == 304


def test_runs_as_csv_keep_json_columns_as_text(client: httpx.Client) -> None:
    frame = pd.read_csv(io.StringIO(client.get("/api/flows/runs?format=csv").text))
    assert frame["period"].tolist() == ["2005-2010", "2010-2015"]
    assert frame["diagnostics"].tolist() == ['{"converged": true}'] * 2


def test_flow_rows_carry_the_ensemble_interval(client: httpx.Client) -> None:
    rows = client.get("/api/flows", params={"origin": 484, "destination": 840}).json()["data"]
    assert [(r["period"], r["lower"], r["upper"]) for r in rows] == [
        ("2005-2010", 700_000.0, 1_050_000.0),
        ("2010-2015", 418_174.0, 900_000.0),
    ]
    other = client.get("/api/flows", params={"origin": 4}).json()["data"]
    assert other and all(r["lower"] is None and r["upper"] is None for r in other)
    corridor = client.get("/api/flows/corridors/484/840", params={"format": "csv"}).text
    frame = pd.read_csv(io.StringIO(corridor)).set_index("period")
    assert frame.loc["2010-2015", ["lower", "upper"]].tolist() == [418_174.0, 900_000.0]
    assert frame.loc["2005-2010", ["to_origin_lower", "to_origin_upper"]].tolist() == [
        200_000.0,
        330_000.0,
    ]
