"""Typed read functions: the only SQL the layers above the warehouse use.

One module per topic (``stock``, ``series``, ...); each function takes an open connection from
:func:`open_warehouse` and returns plain typed records or DataFrames with provenance columns.
"""

from __future__ import annotations

import re
from pathlib import Path

import duckdb

from migobs.errors import QueryError, WarehouseDamaged, WarehouseError, WarehouseMissing

MEMORY = re.compile(r"\d+(\.\d+)?\s*([KMGT]i?B|B)", re.IGNORECASE)


def open_warehouse(
    path: Path, *, external_access: bool = True, memory_limit: str | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse at ``path`` read-only.

    With ``external_access=False`` the connection can read nothing but the warehouse: DuckDB's
    file functions (``read_csv``, ``read_text``, ``glob`` ...), extensions and remote files are
    refused, and its configuration is locked. Use it for queries typed by a user
    (``migobs sql``). ``memory_limit`` (DuckDB's, e.g. ``"1GB"``) caps what a query may use.

    Raises
    ------
    WarehouseMissing
        No warehouse has been built at ``path`` yet.
    WarehouseDamaged
        The file at ``path`` is not a readable DuckDB database.
    WarehouseError
        This process already holds the file open with other settings (DuckDB allows one
        configuration per file and process).
    QueryError
        ``memory_limit`` is not an amount of memory.
    """
    if memory_limit is not None and not MEMORY.fullmatch(memory_limit.strip()):
        raise QueryError(
            f"Memory limit {memory_limit!r} is not an amount of memory: write it like 512MB or 2GB."
        )
    if not path.is_file():
        raise WarehouseMissing(
            f"No warehouse at {path}. Run `migobs build` (with MIGOBS_MIRROR or --mirror to read "
            f"official files from a folder) to build it."
        )
    config: dict[str, str | bool | int | float | list[str]] = (
        {} if external_access else {"enable_external_access": False, "lock_configuration": True}
    )
    if memory_limit is not None:
        config["memory_limit"] = memory_limit
    try:
        return duckdb.connect(str(path), read_only=True, config=config)
    except duckdb.ConnectionException as error:  # the file is fine: this process holds it
        raise WarehouseError(
            f"The warehouse file {path} is already open in this process with other settings "
            f"({error}). Close that connection first, or run the command in a process of its own."
        ) from error
    except duckdb.Error as error:
        raise damaged(path, error) from error


def is_damage(error: duckdb.Error) -> bool:
    """Whether DuckDB failed because the database file cannot be read (I/O, bad checksum),
    which a query on a truncated or overwritten file raises only when it reaches the block."""
    return isinstance(error, duckdb.IOException) or str(error).startswith("Corrupt database")


def damaged(path: Path, error: duckdb.Error) -> WarehouseDamaged:
    """The error to raise for a warehouse file DuckDB cannot read."""
    return WarehouseDamaged(
        f"The warehouse file {path} is damaged and cannot be read ({error}). Run `migobs build` "
        "to build it again (a killed build or a partial copy leaves such a file)."
    )
