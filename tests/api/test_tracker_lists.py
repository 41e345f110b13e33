"""The tracker's public lists answer CSV with ``format=csv``, like every other list."""

from __future__ import annotations

import io

import httpx
import pandas as pd


def test_objectives_as_csv(client: httpx.Client) -> None:
    response = client.get("/api/tracker/objectives", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "23"
    frame = pd.read_csv(io.StringIO(response.text))
    assert len(frame) == 23
    as_json = client.get("/api/tracker/objectives").json()
    assert frame["number"].tolist() == [o["number"] for o in as_json["data"]]


def test_states_as_csv_match_the_json(client: httpx.Client) -> None:
    as_json = client.get("/api/tracker/states").json()
    response = client.get("/api/tracker/states", params={"format": "csv"})
    frame = pd.read_csv(io.StringIO(response.text), dtype=str, keep_default_na=False)
    assert response.headers["x-total-count"] == str(as_json["count"]) and as_json["count"] > 0
    first = {k: "" if v is None else str(v) for k, v in as_json["data"][0].items()}
    assert frame.iloc[0].to_dict() == first


def test_records_as_csv_and_a_bad_format_is_422(client: httpx.Client) -> None:
    response = client.get("/api/tracker/commitments", params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["x-total-count"] == "0"  # the public sees published records only
    error = client.get("/api/tracker/commitments", params={"format": "xml"}).json()["error"]
    assert (error["parameter"], error["accepted"]) == ("format", ["json", "csv"])
