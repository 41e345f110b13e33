"""The State's page beside the warehouse: each objective's indicators for that State, or a note
saying they are not available when no warehouse has been built."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from migobs.app import create_app
from migobs.config import Settings
from migobs.tracker.service import Tracker
from tests.support.faces_warehouse import build_small_warehouse
from tests.tracker.conftest import People, TestClient

pytestmark = pytest.mark.sqlite_only


def section(page: str, number: int) -> str:
    """The HTML of objective ``number``'s section of a State's page."""
    found = re.search(rf'<section id="objective-{number}">(.*?)</section>', page, re.S)
    assert found, f"no section for objective {number}"
    return found.group(1)


@pytest.fixture
def with_warehouse(
    tmp_path: Path, tracker_settings: Settings, tracker: Tracker
) -> Iterator[TestClient]:
    """A client of the app reading the faces' small warehouse (Mexico: 1,060,707 in 2019)."""
    warehouse = build_small_warehouse(tmp_path / "warehouse.duckdb")
    app = create_app(replace(tracker_settings, warehouse_path=warehouse))
    app.state.tracker = tracker
    with TestClient(app, base_url="https://testserver") as test_client:
        yield test_client


def publish_commitment(tracker: Tracker, objectives: list[int]) -> None:
    mexico = tracker.caller_for_operator("mx@example.org")
    created = tracker.create(
        mexico,
        "commitments",
        {"state": "484", "objectives": objectives, "title": "Census module", "text": "Ask."},
    )
    tracker.publish(
        tracker.caller_for_operator("reviewer@example.org"), "commitments", created["id"]
    )


def test_state_page_shows_each_objectives_indicators(
    with_warehouse: TestClient, tracker: Tracker, people: People
) -> None:
    publish_commitment(tracker, [23])
    page = with_warehouse.get("/tracker/states/484")
    assert page.status_code == 200
    assert "not available" not in page.text
    assert page.text.count('<section id="objective-') == 23
    stock = section(page.text, 1)
    assert "Indicators for Mexico" in stock
    assert (
        "International migrant stock" in stock
        and "<strong>1,060,707</strong> persons in 2019" in stock
    )
    assert 'href="/api/indicators/stock.total/areas/484?year=2019"' in stock
    assert "The warehouse holds no data for WPP population" in section(page.text, 2)
    assert "No linked indicator can be measured" in section(page.text, 3)
    assert "Census module" in section(page.text, 23) and "Census module" not in stock
    france = with_warehouse.get("/tracker/states/250").text
    assert "<strong>8,334,875</strong> persons in 2019" in section(france, 1)


def test_state_page_without_a_warehouse_says_values_are_not_available(
    client: TestClient, tracker: Tracker, people: People
) -> None:
    publish_commitment(tracker, [23])
    page = client.get("/tracker/states/484")
    assert page.status_code == 200
    assert "indicator values for this State are not available" in page.text
    assert "migobs build" in page.text and "Indicators for Mexico" not in page.text
    assert re.findall(r'<section id="objective-(\d+)">', page.text) == ["23"]
    assert "Census module" in section(page.text, 23)
