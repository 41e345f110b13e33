"""What names the warehouse's content: the build id, and the flow runs stored since the build.

A build swaps in a new file with a new build id; ``migobs flows run`` adds estimates to the file
it finds. Both change what a reader sees, so both are part of the version that the API uses as
its ETag and that results kept per build are keyed on.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

import duckdb


def data_version(path: Path) -> str | None:
    """The version of the warehouse at ``path``, or ``None`` when there is none readable.

    It is the build id alone while no flow run is stored, else the build id and a digest of the
    stored runs (``<build id>.<12 hex digits>``). Read once per state of the file (its inode,
    modification time and size), so asking on every request costs one ``stat``.
    """
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return _version(path, stat.st_ino, stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=8)
def _version(path: Path, inode: int, mtime_ns: int, size: int) -> str | None:
    try:
        with duckdb.connect(str(path), read_only=True) as con:
            build = con.execute(
                "SELECT build_id FROM builds ORDER BY finished_at DESC LIMIT 1"
            ).fetchone()
            runs = _runs(con)
    except duckdb.Error:
        return None
    if build is None:
        return None
    if runs is None:
        return str(build[0])
    return f"{build[0]}.{hashlib.sha256(runs.encode()).hexdigest()[:12]}"


def _runs(con: duckdb.DuckDBPyConnection) -> str | None:
    """The stored flow runs as one string, or ``None`` when there are none (or no such table)."""
    try:
        row = con.execute(
            "SELECT string_agg(run_id || ' ' || total_flow, ',' ORDER BY run_id) FROM flow_runs"
        ).fetchone()
    except duckdb.CatalogException:
        return None
    return None if row is None or row[0] is None else str(row[0])
