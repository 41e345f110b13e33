"""M49 codes are text as M49 writes them (``"004"``) in every answer, and every parameter that
takes an area takes ``4``, ``004``, the ISO3 code or the name."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from migobs.app import create_app
from migobs.config import Settings
from migobs.m49 import PATTERN, m49_number, m49_text

CODE_FIELDS = {"m49", "area", "origin", "destination", "counterpart"}


def test_the_helper_writes_and_reads_codes() -> None:
    assert [m49_text(4), m49_text("4"), m49_text("004"), m49_text(1503)] == [
        "004",
        "004",
        "004",
        "1503",
    ]
    assert [m49_number("4"), m49_number(" 004 "), m49_number("AFG"), m49_number("")] == [
        4,
        4,
        None,
        None,
    ]
    with pytest.raises(ValueError, match="not an M49 code"):
        m49_text(10_000)


@pytest.mark.parametrize("typed", ["4", "004", "AFG", "Afghanistan"])
def test_a_query_area_is_taken_as_code_iso3_or_name(client: httpx.Client, typed: str) -> None:
    body = client.get("/api/stock", params={"destination": typed, "edition": "2019"}).json()
    assert body["count"] > 0
    assert {row["destination"] for row in body["data"]} == {"004"}
    values = client.get(
        "/api/indicators/stock.total/values", params={"area": typed, "year": 2019}
    ).json()
    assert [v["area"] for v in values["data"]] == ["004"]


def test_a_counterpart_by_iso3_says_its_code_as_text(client: httpx.Client) -> None:
    by_code = client.get(
        "/api/indicators/stock.corridor/areas/840", params={"counterpart": "484", "year": 2019}
    ).json()
    by_iso3 = client.get(
        "/api/indicators/stock.corridor/areas/USA", params={"counterpart": "MEX", "year": 2019}
    ).json()
    assert by_iso3 == by_code
    assert (by_iso3["area"], by_iso3["counterpart"]) == ("840", "484")
    assert {cell["area"] for cell in by_iso3["inputs"]} == {"840"}


def test_an_ambiguous_query_area_is_a_400_listing_the_candidates(client: httpx.Client) -> None:
    response = client.get("/api/stock", params={"origin": "an"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["type"], error["parameter"]) == ("ambiguous-area", "origin")
    assert error["accepted"] == ["Afghanistan (M49 004, AFG)", "France (M49 250, FRA)"]


def test_an_unknown_query_area_is_a_404_naming_the_parameter(client: httpx.Client) -> None:
    response = client.get("/api/flows", params={"destination": "999"})
    assert response.status_code == 404
    assert response.json()["error"]["parameter"] == "destination"


def test_stock_rows_and_their_provenance_links_write_codes_as_text(
    client: httpx.Client,
) -> None:
    row = client.get("/api/stock/destinations/AFG", params={"edition": "2019"}).json()["data"][0]
    assert (row["destination"], row["origin"]) == ("004", "900")
    assert "destination=004&origin=900" in row["provenance"]
    assert client.get(row["provenance"]).status_code == 200


def test_csv_answers_keep_the_leading_zeros(client: httpx.Client) -> None:
    text = client.get("/api/stock", params={"destination": "4", "format": "csv"}).text
    header, first = text.splitlines()[:2]
    row = dict(zip(header.split(","), first.split(","), strict=False))
    assert (row["destination"], row["origin"]) == ("004", "900")


def _code_properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for model, body in schema["components"]["schemas"].items():
        for name, prop in body.get("properties", {}).items():
            if name in CODE_FIELDS and not model.startswith(("Tracker", "State")):
                found.append((f"{model}.{name}", prop))
    return found


def test_openapi_says_every_code_is_a_string_with_the_m49_pattern(settings: Settings) -> None:
    schema = create_app(settings).openapi()
    found = dict(_code_properties(schema))
    assert {"AreaPublic.m49", "StockPublic.origin", "IndicatorValuePublic.counterpart"} <= set(
        found
    )
    for name, prop in found.items():
        typed = [prop, *prop.get("anyOf", [])]
        strings = [t for t in typed if t.get("type") == "string"]
        assert strings and strings[0]["pattern"] == PATTERN, name
    counterpart = found["IndicatorValuePublic.counterpart"]["anyOf"][0]["description"]
    assert "origin" in counterpart and "sender" in counterpart
