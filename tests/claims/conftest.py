"""The small warehouse of tests/support/small_warehouse.py, built for each test."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from tests.support.small_warehouse import build


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse with a few areas, editions and sources."""
    connection = build()
    yield connection
    connection.close()
