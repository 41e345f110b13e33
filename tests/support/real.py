"""Fixtures on the official files: the warehouse built once from the mirror, and the app served on
it with the 2017 flow estimates (registered for every test by ``tests/conftest.py``)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from migobs.config import Settings
from migobs.exports.datasets import dataset, dataset_names
from migobs.exports.table import TidyTable
from migobs.flows.estimate import estimate_edition
from migobs.indicators.materialise import materialise_file
from migobs.warehouse.build import build
from migobs.warehouse.read import open_warehouse
from tests.conftest import mirror_path
from tests.support.live import serve_in_thread


@pytest.fixture(scope="session")
def built_warehouse(mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a warehouse built once per test session from every source in the mirror, with
    the indicators stored as `migobs build` stores them.

    Read it with ``migobs.warehouse.read.open_warehouse(built_warehouse)`` (read-only); do not
    write to it, other tests share it.
    """
    home = tmp_path_factory.mktemp("built-warehouse")
    return build(Settings(home=home, mirror=mirror), steps=[materialise_file]).path


@pytest.fixture(scope="session")
def with_flows(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built warehouse (shared, read-only) with the 2017 flows, as `make run`."""
    copy = tmp_path_factory.mktemp("faces-flows") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    estimate_edition(copy, "2017")
    return copy


@pytest.fixture(scope="session")
def every_table(with_flows: Path) -> dict[str, TidyTable]:
    """Every table the real warehouse with the 2017 flows exports, by name, built once per
    session (reading them all takes minutes: share this fixture)."""
    with open_warehouse(with_flows) as con:
        return {name: dataset(con, name) for name in dataset_names(con)}


@pytest.fixture(scope="session")
def real_server(with_flows: Path, mirror: Path) -> Iterator[str]:
    """The app served on loopback on the real warehouse with the 2017 flow estimates."""
    settings = Settings(home=with_flows.parent, warehouse_path=with_flows, mirror=mirror)
    yield from serve_in_thread(settings)


@pytest.fixture(scope="session")
def api_server(request: pytest.FixtureRequest) -> str:
    """Where the API is checked against its schema: the real warehouse's server when the
    official files are there (always under CI=true), else the small warehouse's."""
    real = mirror_path() is not None or os.environ.get("CI") == "true"
    url: str = request.getfixturevalue("real_server" if real else "live_server")
    return url
