"""The API takes an ISO3 code or a name wherever it takes an M49 code in a path."""

from __future__ import annotations

import httpx
import pytest

SAME = [
    ("/api/areas/{}", "/api/areas/484"),
    ("/api/reports/{}", "/api/reports/484"),
    ("/api/stock/destinations/{}", "/api/stock/destinations/484"),
    ("/api/stock/corridors/{}/USA", "/api/stock/corridors/484/840"),
]


@pytest.mark.parametrize(("path", "by_code"), SAME)
@pytest.mark.parametrize("typed", ["MEX", "mex", "Mexico"])
def test_iso3_and_name_answer_as_the_m49_code(
    client: httpx.Client, path: str, by_code: str, typed: str
) -> None:
    expected = client.get(by_code)
    assert expected.status_code == 200
    response = client.get(path.format(typed))
    assert response.status_code == 200
    assert response.json() == expected.json()


def test_an_ambiguous_name_is_a_400_listing_the_candidates(client: httpx.Client) -> None:
    response = client.get("/api/areas/an")
    assert response.status_code == 400
    error = response.json()["error"]
    assert (error["type"], error["parameter"]) == ("ambiguous-area", "m49")
    assert error["accepted"] == ["Afghanistan (M49 004, AFG)", "France (M49 250, FRA)"]


def test_an_unknown_name_is_a_404_saying_what_is_accepted(client: httpx.Client) -> None:
    response = client.get("/api/stock/destinations/Atlantis")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["parameter"] == "area" and "an ISO3 code, e.g. MEX" in error["accepted"]
