"""Typed read functions: the only SQL the layers above the warehouse use.

One module per topic (``stock``, ``series``, ...); each function takes an open connection from
:func:`open_warehouse` and returns plain typed records or DataFrames with provenance columns.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from migobs.errors import WarehouseMissing


def open_warehouse(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at ``path`` read-only.

    Raises
    ------
    WarehouseMissing
        No warehouse has been built at ``path`` yet.
    """
    if not path.is_file():
        raise WarehouseMissing(
            f"No warehouse at {path}. Run `migobs build` (with MIGOBS_MIRROR or --mirror to read "
            f"official files from a folder) to build it."
        )
    return duckdb.connect(str(path), read_only=True)
