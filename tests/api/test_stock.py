from __future__ import annotations

import re

import httpx


def test_newest_edition_by_default(client: httpx.Client) -> None:
    body = client.get("/api/stock/destinations/4", params={"year": 2019}).json()
    assert body["count"] == 1
    row = body["data"][0]
    assert (row["edition"], row["value"], row["cell"]) == ("2019", 144_098.0, "H10")
    assert row["file"] == "UN_MigrantStockTotal_2019.xlsx"


def test_any_edition(client: httpx.Client) -> None:
    body = client.get("/api/stock/destinations/4", params={"edition": "2017", "year": 2017}).json()
    assert body["data"][0]["value"] == 133_569.0


def test_corridor_over_time(client: httpx.Client) -> None:
    body = client.get("/api/stock/corridors/484/840").json()
    assert [(r["year"], r["value"]) for r in body["data"]] == [
        (2010, 12_168_662.0),
        (2019, 11_489_684.0),
    ]


def test_by_origin(client: httpx.Client) -> None:
    body = client.get("/api/stock/origins/484").json()
    assert {r["destination_name"] for r in body["data"]} == {"United States of America"}


def test_provenance_link_traces_the_value(client: httpx.Client) -> None:
    row = client.get("/api/stock", params={"destination": 250, "sex": "female"}).json()["data"][0]
    trace = client.get(row["provenance"]).json()
    assert trace["cell"] == "P20" and trace["sheet"] == "Table 1"
    assert trace["value"] == 4_344_036.0
    assert trace["sha256"] == f"{2:064d}"
    assert trace["citation"].startswith("United Nations")


def test_revisions_between_editions(client: httpx.Client) -> None:
    body = client.get("/api/revisions", params={"old": "2017", "new": "2019", "area": 840}).json()
    assert body == {"data": [], "count": 0}  # both editions state 44,183,643 for 2010


def test_revisions_of_an_edition_not_held(client: httpx.Client) -> None:
    error = client.get("/api/revisions", params={"old": "2015", "new": "2019"}).json()["error"]
    assert error["parameter"] == "old" and error["accepted"] == ["2017", "2019"]


def test_etag_is_the_build_id_and_its_flow_runs(client: httpx.Client) -> None:
    tag = client.get("/api/areas").headers["etag"]
    assert re.fullmatch(r'"test-build-0001\.[0-9a-f]{12}"', tag)  # the small warehouse has runs
    assert client.get("/api/areas", headers={"If-None-Match": tag}).status_code == 304
    stale = client.get("/api/areas", headers={"If-None-Match": '"test-build-0001"'})
    assert stale.status_code == 200
    assert client.get("/api/areas/999").headers.get("etag") is None


def test_sources_list_the_catalogue_and_what_is_loaded(client: httpx.Client) -> None:
    body = client.get("/api/sources", params={"limit": 100}).json()
    names = [s["name"] for s in body["data"]]
    assert "undesa_stock" in names and body["count"] == len(names)
    edition = client.get("/api/sources/undesa_stock/editions/2019").json()
    assert any(f["loaded"] for f in edition["files"])
