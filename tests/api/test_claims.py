from __future__ import annotations

import csv
import io
import json

import httpx

from migobs.m49 import PATTERN


def test_claims_are_judged_in_ledger_order(client: httpx.Client) -> None:
    from migobs.claims.ledger import ledger

    body = client.get("/api/claims", params={"limit": 1000}).json()
    assert [c["id"] for c in body["data"]] == [c.id for c in ledger()]
    assert {c["verdict"] for c in body["data"]} <= {
        "reproduced",
        "close",
        "differs",
        "not_testable",
    }


def test_unknown_claim_lists_the_ids(client: httpx.Client) -> None:
    error = client.get("/api/claims/C999").json()["error"]
    assert error["parameter"] == "claim_id" and "C01" in error["accepted"]


def test_findings_of_an_unknown_type_are_404(client: httpx.Client) -> None:
    assert client.get("/api/findings").json()["count"] == 2
    error = client.get("/api/findings", params={"type": "nope"}).json()["error"]
    assert error["parameter"] == "type"
    assert error["accepted"] == ["known-problem", "stock-below-refugees"]


def test_findings_write_their_areas_as_m49_text(client: httpx.Client) -> None:
    below = client.get("/api/findings", params={"type": "stock-below-refugees"}).json()
    assert below["data"][0]["rows"][0] == {
        "table": "migrant_stock",
        "year": 2019,
        "destination": "004",
        "cell": "H10",
    }
    known = client.get("/api/findings", params={"type": "known-problem"}).json()["data"][0]
    assert (known["rows"][0]["sending"], known["rows"][0]["receiving"]) == ("840", "484")
    text = client.get("/api/findings.csv", params={"type": "stock-below-refugees"}).text
    (row,) = csv.DictReader(io.StringIO(text))
    assert json.loads(row["rows"])[0]["destination"] == "004"


def test_openapi_types_the_codes_of_finding_rows_as_m49_text(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["FindingPublic"]
    row = schema["properties"]["rows"]["items"]
    for key in ("area", "origin", "destination", "asylum", "sending", "receiving"):
        assert row["properties"][key] == {
            "type": "string",
            "pattern": PATTERN,
            "description": row["properties"][key]["description"],
        }
