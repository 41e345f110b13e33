"""Typed read functions: the only SQL the layers above the warehouse use.

One module per topic (``stock``, ``series``, ...); each function takes an open connection from
:func:`open_warehouse` and returns plain typed records or DataFrames with provenance columns.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from migobs.errors import WarehouseMissing


def open_warehouse(path: Path, *, external_access: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at ``path`` read-only.

    With ``external_access=False`` the connection can read nothing but the warehouse: DuckDB's
    file functions (``read_csv``, ``read_text``, ``glob`` ...), extensions and remote files are
    refused. Use it for queries typed by a user (``migobs sql``).

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
    config: dict[str, str | bool | int | float | list[str]] = (
        {} if external_access else {"enable_external_access": False}
    )
    return duckdb.connect(str(path), read_only=True, config=config)
