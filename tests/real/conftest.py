"""Fixtures of the real-data tests: the warehouse built once from the mirror."""

from __future__ import annotations

from pathlib import Path

import pytest

from migobs.config import Settings
from migobs.warehouse.build import build


@pytest.fixture(scope="session")
def built_warehouse(mirror: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Path of a warehouse built once per test session from every source in the mirror.

    Read it with ``migobs.warehouse.read.open_warehouse(built_warehouse)`` (read-only); do not
    write to it, other tests share it.
    """
    home = tmp_path_factory.mktemp("built-warehouse")
    return build(Settings(home=home, mirror=mirror)).path
