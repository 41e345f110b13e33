"""A damaged warehouse file is a 503 naming the file and `migobs build`, on every route that
reads it: pages as HTML, the API in its JSON error shape (issues 12 and 15). Before, DuckDB's
error escaped as a plain-text 500."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from migobs.config import Settings
from tests.support.faces_warehouse import build_small_warehouse
from tests.support.live import serve_in_thread

PAGES = ["/", "/world", "/world?variable=sdg.10.7.4", "/country", "/country/484",
         "/corridor?origin=484&destination=840", "/report"]  # fmt: skip
API = ["/api/areas", "/api/areas/484", "/api/sources/undesa_stock", "/api/stock?destination=484",
       "/api/stock/origins/484", "/api/exports",
       "/api/indicators/stock.total/values", "/api/flows/runs", "/api/claims",
       "/api/findings", "/api/reports/484"]  # fmt: skip


def not_duckdb(path: Path) -> None:
    """The first blocks overwritten: DuckDB refuses to open the file."""
    with path.open("r+b") as file:
        file.write(os.urandom(16384))


def truncated(path: Path) -> None:
    """Cut in the middle, as a copy or a build killed half-way leaves it: the file opens and
    a query fails when it reaches a missing block."""
    with path.open("r+b") as file:
        file.truncate(path.stat().st_size // 8)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_small_warehouse(tmp_path_factory.mktemp("built") / "warehouse.duckdb")


@pytest.fixture(params=[not_duckdb, truncated], ids=["not-duckdb", "truncated"])
def server(
    request: pytest.FixtureRequest, built: Path, tmp_path: Path
) -> Iterator[tuple[str, Path, str]]:
    damage: Callable[[Path], None] = request.param
    warehouse = tmp_path / "warehouse.duckdb"
    shutil.copy(built, warehouse)
    damage(warehouse)
    settings = Settings(home=tmp_path / "home", warehouse_path=warehouse)
    for url in serve_in_thread(settings):
        yield url, warehouse, damage.__name__


def test_every_route_reading_the_warehouse_answers_503(server: tuple[str, Path, str]) -> None:
    url, warehouse, damage = server
    with httpx.Client(base_url=url, timeout=30) as client:
        answers = {path: client.get(path) for path in PAGES + API}
    statuses = {path: answer.status_code for path, answer in answers.items()}
    if damage == "truncated":
        # What the first eighth holds still reads; everything else is a 503, nothing a 500.
        assert set(statuses.values()) == {200, 503}
        assert sum(status == 503 for status in statuses.values()) >= len(statuses) - 3
        answers = {path: answer for path, answer in answers.items() if answer.status_code == 503}
    else:
        assert statuses == dict.fromkeys(PAGES + API, 503)
    for path, answer in answers.items():
        text = answer.json()["error"]["message"] if path in API else answer.text
        assert str(warehouse) in text and "migobs build" in text, path
        if path in API:
            assert answer.json()["error"]["type"] == "warehouse-damaged"
        else:
            assert "The warehouse is damaged" in text
