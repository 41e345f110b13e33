from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from migobs.errors import WarehouseError
from migobs.warehouse import corrections, schema


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    schema.apply(con)
    con.execute(
        "INSERT INTO migrant_stock VALUES "
        "('undesa_stock', '2017', 2017, 934, 900, 'total', 97289880, 1, 'Sheet1', 'G10', NULL),"
        "('undesa_stock', '2017', 2017, 108, 900, 'total', 286810, 1, 'Sheet1', 'G20', NULL)"
    )
    return con


def write(folder: Path, body: str) -> list[corrections.Correction]:
    folder.mkdir(exist_ok=True)
    (folder / "undesa_stock.yml").write_text(body, encoding="utf-8")
    return corrections.load(folder)


ENTRY = """source: undesa_stock
corrections:
  - what: aggregate 934 of the O-D copy
    where: {{table: migrant_stock, edition: "2017", destination: 934}}
    action: set
    value: 97330919
    expect: {expect}
    reason: pasted from an older release
    provider: UN DESA
    status: open
"""


def test_set_with_matching_guard_applies(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    found = corrections.apply(con, write(tmp_path / "c", ENTRY.format(expect=97289880)))
    assert [f.type for f in found] == ["correction-applied"]
    value = con.execute("SELECT value FROM migrant_stock WHERE destination = 934").fetchone()
    assert value == (97330919.0,)


def test_stale_guard_leaves_rows_alone(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    found = corrections.apply(con, write(tmp_path / "c", ENTRY.format(expect=1)))
    assert [f.type for f in found] == ["correction-stale"]
    value = con.execute("SELECT value FROM migrant_stock WHERE destination = 934").fetchone()
    assert value == (97289880.0,)


def test_unmatched_and_delete(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    body = """corrections:
  - what: no such row
    where: {table: migrant_stock, destination: 1}
    action: delete
    reason: test
  - what: drop Burundi
    where: {table: migrant_stock, destination: 108}
    action: delete
    reason: test
"""
    found = corrections.apply(con, write(tmp_path / "c", body))
    assert [f.type for f in found] == ["correction-unmatched", "correction-applied"]
    assert con.execute("SELECT count(*) FROM migrant_stock").fetchone() == (1,)


def test_correction_without_reason_is_refused(tmp_path: Path) -> None:
    body = "corrections:\n  - what: x\n    where: {table: series}\n    action: delete\n"
    with pytest.raises(WarehouseError, match="no `reason`"):
        write(tmp_path / "c", body)
