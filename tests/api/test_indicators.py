from __future__ import annotations

import httpx
import pytest


def test_indicators_are_listed_with_their_definition(client: httpx.Client) -> None:
    body = client.get("/api/indicators", params={"limit": 1000}).json()
    codes = [i["code"] for i in body["data"]]
    assert "stock.total" in codes and "sdg.10.c.1" in codes
    assert body["count"] == len(codes)
    sdg = next(i for i in body["data"] if i["code"] == "sdg.10.c.1")
    assert sdg["sdg"] == "10.c.1" and sdg["unit"] == "percent"


def test_unknown_indicator_lists_the_codes(client: httpx.Client) -> None:
    error = client.get("/api/indicators/stock.nope").json()["error"]
    assert error["status"] == 404 and error["parameter"] == "code"
    assert "stock.total" in error["accepted"]


def test_stock_total_for_every_area_in_a_year(client: httpx.Client) -> None:
    detail = client.get("/api/indicators/stock.total").json()
    assert detail["years"][-1] == 2019
    body = client.get("/api/indicators/stock.total/values", params={"year": 2019}).json()
    values = {v["area"]: v["value"] for v in body["data"]}
    assert values["250"] == 8_334_875.0 and values["840"] == 50_661_149.0


def test_one_value_carries_its_cells(client: httpx.Client) -> None:
    value = client.get("/api/indicators/stock.total/areas/4", params={"year": 2019}).json()
    assert value["value"] == 144_098.0
    assert [(c["sheet"], c["cell"]) for c in value["inputs"]] == [("Table 1", "H10")]


def test_unknown_year_lists_the_years(client: httpx.Client) -> None:
    error = client.get("/api/indicators/stock.total/values", params={"year": 1900}).json()["error"]
    assert error["parameter"] == "year" and 2019 in error["accepted"]


def test_values_as_csv(client: httpx.Client) -> None:
    response = client.get("/api/indicators/stock.total/values", params={"format": "csv"})
    assert response.text.splitlines()[0].startswith("code,area,area_name,year,value,unit")


def error_of(response: httpx.Response) -> dict[str, object]:
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "type", "message", "parameter", "accepted"}
    assert body["error"]["status"] == response.status_code
    return dict(body["error"])


def assert_api_terms(message: object) -> None:
    """API errors name parameters, not the CLI's options or commands."""
    assert "--" not in str(message) and "migobs " not in str(message), message


def test_values_of_an_unknown_area_is_404_naming_area(client: httpx.Client) -> None:
    response = client.get("/api/indicators/stock.total/values", params={"area": 99999})
    error = error_of(response)
    assert (error["status"], error["parameter"]) == (404, "area")
    assert "GET /api/areas" in str(error["message"])
    counterpart = error_of(
        client.get("/api/indicators/stock.corridor/values", params={"counterpart": 12345})
    )
    assert (counterpart["status"], counterpart["parameter"]) == (404, "counterpart")


def test_one_value_of_an_unknown_area_speaks_api(client: httpx.Client) -> None:
    error = error_of(client.get("/api/indicators/stock.total/areas/99999"))
    assert (error["status"], error["parameter"]) == (404, "area")
    assert_api_terms(error["message"])


def test_a_corridor_indicator_without_counterpart_is_422(client: httpx.Client) -> None:
    for code in ("sdg.10.c.1.corridor", "stock.corridor", "remittances.corridor"):
        error = error_of(client.get(f"/api/indicators/{code}/areas/484"))
        assert (error["status"], error["parameter"]) == (422, "counterpart"), code
        assert_api_terms(error["message"])


def test_a_corridor_value_with_its_counterpart(client: httpx.Client) -> None:
    value = client.get(
        "/api/indicators/stock.corridor/areas/840", params={"counterpart": 484, "year": 2019}
    ).json()
    assert (value["value"], value["counterpart"]) == (11_489_684.0, "484")


def test_values_as_csv_are_rounded_to_stated_decimals_json_in_full(client: httpx.Client) -> None:
    path = "/api/indicators/stock.female_share/values"
    params = {"year": 2019, "area": 250}
    as_json = client.get(path, params=params).json()["data"][0]["value"]
    assert as_json == pytest.approx(100 * 4_344_036 / 8_334_875, abs=1e-9)
    as_csv = client.get(path, params={**params, "format": "csv"}).text
    row = dict(zip(*(line.split(",") for line in as_csv.splitlines()[:2]), strict=False))
    assert row["value"] == "52.12"
    stated = client.get("/api/indicators/stock.female_share").json()
    assert stated["decimals"] == 2
