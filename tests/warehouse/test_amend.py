"""Adding to a built warehouse: written into a copy that replaces it, even while a server reads."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from migobs.errors import WarehouseMissing
from migobs.warehouse.amend import amending

READER = """
import sys, duckdb
con = duckdb.connect(sys.argv[1], read_only=True)
print(con.execute("SELECT count(*) FROM t").fetchone()[0], flush=True)
sys.stdin.readline()
print(con.execute("SELECT count(*) FROM t").fetchone()[0], flush=True)
"""


def warehouse(path: Path) -> Path:
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE t AS SELECT 1 AS x")
    return path


def test_a_reader_holding_the_file_does_not_block_the_writer(tmp_path: Path) -> None:
    path = warehouse(tmp_path / "w.duckdb")
    reader = subprocess.Popen(
        [sys.executable, "-c", READER, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert reader.stdout is not None and reader.stdin is not None
    assert reader.stdout.readline().strip() == "1"  # the reader holds the file open
    with pytest.raises(duckdb.IOException):
        duckdb.connect(str(path))  # writing in place is what the lock refuses
    with amending(path) as con:
        con.execute("INSERT INTO t VALUES (2)")
    out, _ = reader.communicate("\n", timeout=30)
    assert out.strip() == "1"  # the old file, still open, is read as it was
    with duckdb.connect(str(path), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM t").fetchone() == (2,)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_a_failure_leaves_the_warehouse_as_it_was(tmp_path: Path) -> None:
    path = warehouse(tmp_path / "w.duckdb")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(RuntimeError), amending(path) as con:
        con.execute("INSERT INTO t VALUES (2)")
        raise RuntimeError("estimation failed half-way")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.duckdb"]


def test_no_warehouse_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(WarehouseMissing, match="migobs build"), amending(tmp_path / "none.duckdb"):
        pass
