"""Adding to a built warehouse without ever leaving it half-written or locked for its readers.

``migobs flows run`` adds estimates to the warehouse that ``migobs build`` made. Writing in
place would need DuckDB's write lock, which a running ``migobs serve`` (holding the file open
read-only) never gives up, and a failure half-way would leave the file half-written. So the
writer works on a copy, which replaces the file only when everything is written; readers that
hold the old file keep reading it, and see the new one at their next opening.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from migobs.errors import WarehouseMissing


@contextmanager
def amending(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A writable connection to a copy of the warehouse at ``path``, put in its place when the
    block ends without an exception (and thrown away when it raises).

    Raises
    ------
    WarehouseMissing
        No warehouse has been built at ``path`` yet.
    """
    if not path.is_file():
        raise WarehouseMissing(f"No warehouse at {path}. Run `migobs build` first.")
    copy = path.with_name(f"{path.name}.amend-{os.getpid()}")
    shutil.copyfile(path, copy)
    try:
        with duckdb.connect(str(copy)) as con:
            yield con
        os.replace(copy, path)
    finally:
        copy.unlink(missing_ok=True)
