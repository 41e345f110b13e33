"""One read-only connection for the span of a request or command, closed afterwards."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from migobs.warehouse.read import open_warehouse


@contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse at ``path``, closed when the block ends.

    Raises
    ------
    WarehouseMissing
        No warehouse has been built at ``path`` yet.
    """
    con = open_warehouse(path)
    try:
        yield con
    finally:
        con.close()
