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


@pytest.fixture
def incidents() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    schema.apply(con)
    con.execute(
        "INSERT INTO missing_migrants (source, edition, incident_key, incident_id, year, "
        "incident_date_text, latitude, longitude, file_id, row_number) VALUES "
        "('iom_mmp', '2022', 'a', 'a', 2021, NULL, 33.01479981, 12.54897854, 1, 9308),"
        "('iom_mmp', '2025', 'b', 'b', NULL, '0', 28.00204958, 12.93936308, 1, 9127)"
    )
    return con


POINT = """source: iom_mmp
corrections:
  - what: placeholder point
    where: {{table: missing_migrants, edition: "2022", row_number: 9308}}
    action: set
    values: {{latitude: 31.482035, longitude: -104.843594}}
    expect: {expect}
    reason: the 2025 export gives the place
"""


def points(con: duckdb.DuckDBPyConnection, row: int) -> tuple[float, float]:
    found = con.execute(
        "SELECT latitude, longitude FROM missing_migrants WHERE row_number = ?", [row]
    ).fetchone()
    assert found is not None
    return float(found[0]), float(found[1])


def test_set_of_several_columns_guarded_by_several(
    tmp_path: Path, incidents: duckdb.DuckDBPyConnection
) -> None:
    body = POINT.format(expect="{latitude: 33.01479981, longitude: 12.54897854}")
    found = corrections.apply(incidents, write_source(tmp_path, "iom_mmp", body))
    assert [f.type for f in found] == ["correction-applied"]
    assert points(incidents, 9308) == (31.482035, -104.843594)
    assert found[0].rows[0]["set"] == {"latitude": 31.482035, "longitude": -104.843594}


def test_guard_fires_once_the_source_is_fixed(
    tmp_path: Path, incidents: duckdb.DuckDBPyConnection
) -> None:
    # IOM fixed the point: the rows no longer hold the placeholder, so nothing is changed
    incidents.execute("UPDATE missing_migrants SET longitude = -104.8 WHERE row_number = 9308")
    body = POINT.format(expect="{latitude: 33.01479981, longitude: 12.54897854}")
    found = corrections.apply(incidents, write_source(tmp_path, "iom_mmp", body))
    assert [f.type for f in found] == ["correction-stale"]
    assert "-104.8" in found[0].message
    assert points(incidents, 9308) == (33.01479981, -104.8)


def test_a_null_guard_holds_only_while_the_cell_is_empty(
    tmp_path: Path, incidents: duckdb.DuckDBPyConnection
) -> None:
    body = """source: iom_mmp
corrections:
  - what: no year
    where: {table: missing_migrants, edition: "2025", incident_key: b}
    action: set
    column: year
    value: 2020
    expect: null
    reason: the 2022 export gives it
"""
    entries = write_source(tmp_path, "iom_mmp", body)
    assert [f.type for f in corrections.apply(incidents, entries)] == ["correction-applied"]
    # the year is now filled: the same entry applied again finds it not empty any more
    assert [f.type for f in corrections.apply(incidents, entries)] == ["correction-stale"]
    year = incidents.execute("SELECT year FROM missing_migrants WHERE incident_key = 'b'")
    assert year.fetchone() == (2020,)


def test_keep_records_a_known_problem_and_changes_nothing(
    tmp_path: Path, incidents: duckdb.DuckDBPyConnection
) -> None:
    body = """source: iom_mmp
corrections:
  - what: date 0
    where: {table: missing_migrants, edition: "2025", row_number: 9127}
    action: keep
    expect: {incident_date_text: "0", year: null}
    reason: not a date
  - what: date 0 once fixed
    where: {table: missing_migrants, edition: "2025", row_number: 9127}
    action: keep
    expect: {incident_date_text: "2020-09-09"}
    reason: not a date
"""
    before = incidents.execute("SELECT * FROM missing_migrants ORDER BY row_number").fetchall()
    found = corrections.apply(incidents, write_source(tmp_path, "iom_mmp", body))
    assert [f.type for f in found] == ["known-problem", "correction-stale"]
    assert incidents.execute("SELECT * FROM missing_migrants ORDER BY row_number").fetchall() == (
        before
    )


def test_a_guard_on_a_decimal_allows_binary_rounding(tmp_path: Path) -> None:
    con = duckdb.connect()
    schema.apply(con)
    con.execute(
        "INSERT INTO bilateral_remittances VALUES "
        "('knomad', '2017', 2017, 900, 376, 990.3752 * 1e6, 1, 'S', 'CP217')"
    )
    body = """source: knomad
corrections:
  - what: WORLD for Israel
    where: {table: bilateral_remittances, edition: "2017", sending: 900, receiving: 376}
    action: keep
    expect: 990375200.0
    reason: not the sum of its column
  - what: WORLD for Israel, another value
    where: {table: bilateral_remittances, edition: "2017", sending: 900, receiving: 376}
    action: keep
    expect: 990375300.0
    reason: not the sum of its column
"""
    found = corrections.apply(con, write_source(tmp_path, "knomad", body))
    assert [f.type for f in found] == ["known-problem", "correction-stale"]


def test_every_shipped_correction_has_a_guard_and_a_provider() -> None:
    shipped = corrections.load()
    assert {c.source for c in shipped} >= {"iom_mmp", "knomad"}
    unguarded = [c.what for c in shipped if c.expect is None or not c.provider]
    assert unguarded == []


def write_source(tmp_path: Path, source: str, body: str) -> list[corrections.Correction]:
    folder = tmp_path / "c"
    folder.mkdir(exist_ok=True)
    (folder / f"{source}.yml").write_text(body, encoding="utf-8")
    return corrections.load(folder)
