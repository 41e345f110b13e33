from __future__ import annotations

import httpx


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
    assert client.get("/api/findings").json() == {"data": [], "count": 0}
    error = client.get("/api/findings", params={"type": "nope"}).json()["error"]
    assert error["parameter"] == "type" and error["accepted"] == []
