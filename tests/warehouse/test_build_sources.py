from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, LayoutError
from migobs.sources import catalog
from migobs.sources._download import sha256_of
from migobs.warehouse.build import build
from tests.support import writers
from tests.support.mirror import Adopt
from tests.support.writers import WPP_ROWS, stock


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def test_small_mirror_builds_every_table(small_mirror: Settings) -> None:
    path = build(small_mirror).path
    world = rows(
        path,
        "SELECT value, sheet, cell FROM migrant_stock WHERE edition = '2017' AND year = 2017 AND destination = 900 AND origin = 900 AND sex = 'total'",
    )
    assert world == [(stock(900, 6, "total"), "Table 1", "L17")]
    od = rows(
        path,
        "SELECT origin, value, cell FROM migrant_stock WHERE edition = '2017' AND year = 1990 AND destination = 108 AND origin <> 900 ORDER BY origin",
    )
    total = stock(108, 0, "total")
    assert od == [
        (108, total - 10 - total // 2, "J6"),
        (404, total // 2, "K6"),
        (830, None, "L6"),
        (9901, 10, "H6"),
        (9902, None, "I6"),
    ]
    population = rows(
        path,
        "SELECT value, unit FROM stock_tables WHERE edition = '2019' AND variable = 'population' AND area = 404 AND year = 1995 AND sex = 'male'",
    )
    assert population == [(pytest.approx(100.5 * 2 * 2 * 1000), "persons")]
    od_total = rows(
        path,
        "SELECT value FROM stock_tables WHERE variable = 'origin_destination_total' AND area = 900 AND year = 2017",
    )
    assert od_total == [(stock(900, 6, "total"),)]
    wpp = rows(
        path,
        "SELECT value, period, file_unit FROM series WHERE variable = 'net_migrants' AND area = 108 AND year = 2015 AND sheet = 'ESTIMATES'",
    )
    assert wpp == [(3000.0, "2015-2020", "thousands")]


def test_files_parsed_ahead_in_worker_processes_build_the_same_warehouse(
    small_mirror: Settings, tmp_path: Path
) -> None:
    alone = build(replace(small_mirror, home=tmp_path / "alone"), workers=1).path
    ahead = build(small_mirror, workers=2).path
    tables = [t for (t,) in rows(alone, "SHOW TABLES") if t != "builds"]
    assert "migrant_stock" in tables and "refugees" in tables
    for table in tables:
        assert rows(ahead, f"SELECT * FROM {table}") == rows(alone, f"SELECT * FROM {table}")


def test_the_files_own_groupings_are_stored(small_mirror: Settings) -> None:
    path = build(small_mirror).path
    groups = set(
        rows(path, "SELECT group_m49, member_m49, scheme FROM area_groups WHERE scheme <> 'm49'")
    )
    assert {
        (903, 108, "undesa_stock/2017"),
        (910, 404, "undesa_stock/2020"),
        (900, 830, "undesa_stock/2019"),
    } <= groups
    assert {
        (941, 108, "undesa_stock/2017"),
        (934, 404, "undesa_stock/2017"),
        (947, 404, "undesa_stock/2017"),
    } <= groups
    assert {(910, 108, "wpp/2019"), (900, 404, "wpp/2019")} <= groups
    assert (903, 910, "undesa_stock/2017") not in groups  # only countries are members


def test_consistent_files_give_no_aggregate_findings(small_mirror: Settings) -> None:
    path = build(small_mirror).path
    # the small WPP file's net migrants do not cancel (all positive): a net-migration finding
    kinds = rows(path, "SELECT DISTINCT type FROM findings WHERE type <> 'net-migration-not-zero'")
    assert kinds == []


def test_a_world_total_that_is_not_the_sum_is_a_finding(
    small_mirror: Settings, adopt: Adopt
) -> None:
    assert small_mirror.mirror is not None
    spec = catalog.file_spec("undesa_stock", "2019", "totals")
    target = small_mirror.mirror / spec.mirror_path
    workbook = load_workbook(target)
    workbook["Table 1"]["L17"] = stock(900, 6, "total") + 7
    workbook.save(target)
    adopt("undesa_stock", "2019", "totals", target)
    path = build(small_mirror).path
    found = rows(
        path,
        "SELECT type, source, edition, observed, expected, rows FROM findings "
        "WHERE type <> 'net-migration-not-zero'",  # the small WPP file's net migrants do not cancel
    )
    assert len(found) == 1
    kind, source, edition, observed, expected, cells = found[0]
    assert (kind, source, edition) == ("aggregate-mismatch", "undesa_stock", "2019")
    assert (observed, expected) == (stock(900, 6, "total") + 7, stock(900, 6, "total"))
    assert '"cell": "L17"' in str(cells)


def test_only_loads_m49_and_the_named_source(small_mirror: Settings) -> None:
    result = build(small_mirror, only=["wpp"])
    assert result.summary["sources"] == ["m49", "wpp"]
    assert result.summary["rows"]["migrant_stock"] == 0


def test_population_is_wpp_in_persons_with_its_cell(small_mirror: Settings) -> None:
    path = build(small_mirror).path
    burundi = 18 + [code for _, code, _, _ in WPP_ROWS].index(108)
    kenya = 18 + [code for _, code, _, _ in WPP_ROWS].index(404)
    found = rows(
        path,
        "SELECT area, year, persons, file_unit, file, sheet, cell FROM population "
        "WHERE area IN (108, 404) ORDER BY area, year",
    )
    assert found == [
        (108, 2019, 1500.0, "thousands", spec_name("population"), "ESTIMATES", f"H{burundi}"),
        (108, 2020, 3000.0, "thousands", spec_name("population"), "ESTIMATES", f"I{burundi}"),
        (404, 2019, None, "thousands", spec_name("population"), "ESTIMATES", f"H{kenya}"),
        (404, 2020, 4500.0, "thousands", spec_name("population"), "ESTIMATES", f"I{kenya}"),
    ]
    assert rows(path, "SELECT count(*) FROM population") == rows(
        path, "SELECT count(*) FROM series WHERE source = 'wpp' AND variable = 'population'"
    )


def spec_name(key: str) -> str:
    return catalog.file_spec("wpp", "2019", key).name


@pytest.mark.parametrize(
    ("key", "edit", "error", "place"),
    [
        # truncated: the catalogue's checksum does not know it
        ("deaths", lambda p: p.write_bytes(p.read_bytes()[:1000]), ChecksumMismatch, ""),
        # another revision, in a file the catalogue was told to expect
        (
            "net_migrants",
            lambda p: writers.write_wpp(
                p, ["2010-2015"], ("ESTIMATES", "MEDIUM VARIANT"), "POP/DB/WPP/Rev.2022/MIGR/F02"
            ),
            LayoutError,
            r".*\[ESTIMATES\] cell A12",
        ),
    ],
)
def test_bad_wpp_input_stops_the_build_and_keeps_the_warehouse(
    small_mirror: Settings,
    adopt: Adopt,
    key: str,
    edit: Callable[[Path], object],
    error: type[Exception],
    place: str,
) -> None:
    first = build(small_mirror).path
    before = sha256_of(first)
    assert small_mirror.mirror is not None
    path = small_mirror.mirror / catalog.file_spec("wpp", "2019", key).mirror_path
    edit(path)
    if error is LayoutError:
        adopt("wpp", "2019", key, path)
    with pytest.raises(error, match=re.escape(path.name) + place):
        build(small_mirror)
    assert sha256_of(first) == before
