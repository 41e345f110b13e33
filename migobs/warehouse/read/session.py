"""Read-only connections to the warehouse for a request or a command.

Opening the DuckDB file costs tens of milliseconds; a server keeps one read-only connection per
warehouse file and hands each request a cursor of it (a cheap, independent connection to the
same database). When a build swaps in a new file the next request opens that one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from migobs.warehouse.read import damaged, is_damage, open_warehouse


@contextmanager
def reading(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only connection to the warehouse at ``path``, closed when the block ends.

    Raises
    ------
    WarehouseMissing
        No warehouse has been built at ``path`` yet.
    WarehouseDamaged
        The file cannot be read, on opening or by a query in the block.
    """
    con = open_warehouse(path)
    try:
        with _damage_named(path):
            yield con
    finally:
        con.close()


@contextmanager
def _damage_named(path: Path) -> Iterator[None]:
    """Turn DuckDB's error on an unreadable block into :class:`WarehouseDamaged`."""
    try:
        yield
    except duckdb.Error as error:
        if is_damage(error):
            raise damaged(path, error) from error
        raise


class SharedReader:
    """One read-only connection per version of the warehouse file, cursors for callers."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._version: tuple[int, int] | None = None
        self._con: duckdb.DuckDBPyConnection | None = None

    @contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the current warehouse file, closed when the block ends.

        Raises
        ------
        WarehouseMissing
            No warehouse has been built at the path yet.
        WarehouseDamaged
            The file cannot be read, on opening or by a query in the block.
        """
        cursor = self._connection().cursor()
        try:
            with _damage_named(self.path):
                yield cursor
        finally:
            cursor.close()

    def _connection(self) -> duckdb.DuckDBPyConnection:
        try:
            stat = self.path.stat()
            version: tuple[int, int] | None = (stat.st_ino, stat.st_mtime_ns)
        except FileNotFoundError:
            version = None
        with self._lock:
            if self._con is None or version != self._version:
                self._con = open_warehouse(self.path)
                self._version = version
            return self._con
