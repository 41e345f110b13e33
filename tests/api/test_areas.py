from __future__ import annotations

import httpx


def test_areas_are_listed_by_code_with_count(client: httpx.Client) -> None:
    body = client.get("/api/areas", params={"limit": 2}).json()
    assert body["count"] == 7
    assert [a["m49"] for a in body["data"]] == ["004", "150"]
    following = client.get("/api/areas", params={"limit": 2, "offset": 2}).json()["data"]
    assert [a["m49"] for a in following] == ["250", "484"]


def test_members_of_a_grouping(client: httpx.Client) -> None:
    body = client.get("/api/areas", params={"group": 150}).json()
    assert [a["name"] for a in body["data"]] == ["France", "Norway"]


def test_one_area_with_its_groupings(client: httpx.Client) -> None:
    france = client.get("/api/areas/250").json()
    assert france["iso3"] == "FRA"
    assert france["groups"] == [{"m49": "150", "name": "Europe", "kind": "region", "scheme": "m49"}]
    assert client.get("/api/areas/150").json()["members"] == 2


def test_areas_as_csv(client: httpx.Client) -> None:
    response = client.get("/api/areas", params={"format": "csv", "kind": "country"})
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "5"
    lines = response.text.splitlines()
    assert lines[0] == "m49,iso3,iso2,name,kind"
    assert lines[1] == "004,AFG,AF,Afghanistan,country"
