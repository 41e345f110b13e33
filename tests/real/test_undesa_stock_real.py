"""The official migrant-stock files, read through the warehouse, against figures the UN publishes."""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest
from click.testing import CliRunner
from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

from migobs.cli import cli
from migobs.warehouse.read import open_warehouse
from migobs.warehouse.read.stock import countries
from migobs.warehouse.read.trace import trace
from tests.support.cells import sheet_rows

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def con(built_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(built_warehouse) as connection:
        yield connection


@pytest.mark.parametrize(
    ("edition", "year", "expected"),
    [
        ("2017", 2017, 257_715_425),
        ("2017", 2000, 172_604_257),
        ("2019", 2019, 271_642_105),
        ("2020", 2020, 280_598_105),
    ],
)
def test_world_totals(
    con: duckdb.DuckDBPyConnection, edition: str, year: int, expected: int
) -> None:
    assert trace(con, "undesa_stock", edition, year, 900).value == expected


@pytest.mark.parametrize("edition", ["2017", "2019", "2020"])
def test_every_edition_counts_232_countries_and_areas(
    con: duckdb.DuckDBPyConnection, edition: str
) -> None:
    """Rows with at least one value (docs/warehouse.md): 2020's Taiwan, Saint Barthélemy and
    Saint Martin rows are all `..` and are not counted."""
    found = countries(con, edition)
    assert len(found) == 232
    if edition == "2020":
        listed = {
            int(code)
            for (code,) in con.execute(
                "SELECT DISTINCT destination FROM migrant_stock m JOIN areas a "
                "ON a.m49 = m.destination WHERE m.source = 'undesa_stock' AND m.edition = '2020' "
                "AND m.origin = 900 AND a.kind = 'country'"
            ).fetchall()
        }
        assert listed - set(found) == {158, 652, 663}


def test_countries_sum_to_world_in_2017(con: duckdb.DuckDBPyConnection) -> None:
    total = con.execute(
        "SELECT sum(value) FROM migrant_stock m JOIN areas a ON a.m49 = m.destination WHERE "
        "m.source = 'undesa_stock' AND m.edition = '2017' AND m.year = 2017 AND m.origin = 900 "
        "AND m.sex = 'total' AND a.kind = 'country'"
    ).fetchall()
    assert total == [(257_715_425,)]


def test_female_share_2017(con: duckdb.DuckDBPyConnection) -> None:
    female = trace(con, "undesa_stock", "2017", 2017, 900, sex="female").value
    assert female == 124_636_567
    assert round(100 * female / 257_715_425, 2) == 48.36
    share = con.execute(
        "SELECT value FROM stock_tables WHERE edition = '2017' AND variable = 'female_share_pct' "
        "AND area = 900 AND year = 2017"
    ).fetchall()
    assert share == [(pytest.approx(48.362, abs=1e-3),)]


@pytest.mark.parametrize(
    ("edition", "destination", "origin", "value", "cell"),
    [
        ("2017", 840, 900, 49_776_970, "L258"),  # United States of America
        ("2017", 276, 900, 12_165_083, "L195"),  # Germany
        ("2017", 682, 900, 12_185_284, "L142"),  # Saudi Arabia
        ("2017", 826, 900, 8_841_717, "L173"),  # United Kingdom
        ("2019", 276, 900, 13_132_146, "L288"),
        ("2020", 840, 900, 50_632_836, "L266"),
        ("2017", 840, 484, 12_683_066, "EM1863"),  # Mexico-born in the USA (O-D copy)
    ],
)
def test_countries_against_their_cells(
    con: duckdb.DuckDBPyConnection,
    edition: str,
    destination: int,
    origin: int,
    value: int,
    cell: str,
) -> None:
    year = int(edition)
    found = trace(con, "undesa_stock", edition, year, destination, origin)
    assert (found.value, found.cell) == (value, cell)


def test_od_origins_of_world_sum_to_the_world_total(con: duckdb.DuckDBPyConnection) -> None:
    total = con.execute(
        "SELECT sum(value) FROM migrant_stock m JOIN source_files f USING (file_id) WHERE "
        "f.file_key = 'origin_destination' AND m.year = 2017 AND m.destination = 900"
    ).fetchall()
    assert total == [(257_715_425,)]


def test_od_copy_differs_from_table_1_only_for_934(con: duckdb.DuckDBPyConnection) -> None:
    found = con.execute(
        "SELECT rows FROM findings WHERE type = 'aggregate-mismatch' AND title LIKE '%(934)%' "
        "AND edition = '2017'"
    ).fetchall()
    cells = [row for (text,) in found for row in json.loads(text)]
    table_1 = [r for r in cells if r["of"] == "Table 1 total" and r["year"] == 2017]
    assert [r["stated"] - r["sum_of_parts"] for r in table_1] == [pytest.approx(-41_039)]


def _sample(con: duckdb.DuckDBPyConnection) -> list[tuple[Any, ...]]:
    rows = con.execute(
        "SELECT f.obtained_from, s.sheet, s.cell, s.value, s.flag, s.factor FROM ("
        "  SELECT file_id, sheet, cell, value, flag, 1.0 AS factor FROM migrant_stock"
        "  UNION ALL SELECT file_id, sheet, cell, value, flag,"
        "    CASE WHEN variable = 'population' THEN 1000.0 ELSE 1.0 END FROM stock_tables"
        "  UNION ALL SELECT file_id, sheet, cell, value, NULL, 1000.0 FROM series"
        ") s JOIN source_files f USING (file_id) WHERE f.source IN ('undesa_stock', 'wpp') "
        "ORDER BY f.file_id, s.sheet, s.cell"
    ).fetchall()
    return random.Random(42).sample(rows, 400)


def test_provenance_cells_hold_the_stored_values(con: duckdb.DuckDBPyConnection) -> None:
    by_file: dict[str, list[tuple[Any, ...]]] = {}
    for row in _sample(con):
        by_file.setdefault(row[0], []).append(row)
    for path, rows in by_file.items():
        for _, sheet, cell, value, flag, factor in rows:
            letters, number = coordinate_from_string(cell)
            line = sheet_rows(Path(path), sheet)[number - 1]
            index = column_index_from_string(letters) - 1
            raw = line[index] if index < len(line) else None
            if value is None:
                assert isinstance(raw, str) and raw.strip() in ("..", "...", "~"), (
                    path,
                    sheet,
                    cell,
                )
                assert flag in ("missing", "protected", None)
            else:
                assert float(raw) * float(factor) == pytest.approx(value), (path, sheet, cell)


def test_trace_cli_json(built_warehouse: Path) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "trace",
            "undesa_stock",
            "--edition",
            "2017",
            "--year",
            "2017",
            "--destination",
            "900",
            "--json",
        ],
        env={"MIGOBS_WAREHOUSE": str(built_warehouse)},
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["value"] == 257_715_425
    assert (found["file"], found["sheet"], found["cell"]) == (
        "UN_MigrantStockTotal_2017.xlsx",
        "Table 1",
        "L17",
    )
    assert found["sha256"] == "a54de9ad75e7699224d86ac11cc4f033abf1944d03974cc5b7f6495d0f407153"
