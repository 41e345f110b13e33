"""Build-level behaviour on held files the build cannot or must not load.

Each bad-input case builds once, breaks one input, builds again and checks that the error names
the file (and sheet and row where it applies) and that the warehouse is byte-identical.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from openpyxl import load_workbook

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, FileNotObtained, LayoutError, ValidationFailed
from migobs.sources import catalog
from migobs.sources.catalog import ALL_SHEETS
from migobs.warehouse.build import build
from tests.support import writers
from tests.support.mirror import Adopt


def rows(path: Path, sql: str, *params: object) -> list[tuple[object, ...]]:
    with duckdb.connect(str(path), read_only=True) as con:
        return con.execute(sql, list(params)).fetchall()


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def mirror_of(settings: Settings) -> Path:
    assert settings.mirror is not None
    return settings.mirror


@pytest.fixture
def with_2024(monkeypatch: pytest.MonkeyPatch) -> catalog.FileSpec:
    """Put the catalogue's 2024 migrant-stock edition (no checksum, no layout) back in play."""
    listed = catalog.catalog()["undesa_stock"]
    full = catalog.read_source(catalog.HERE / "undesa_stock.yml")
    monkeypatch.setitem(listed.editions, "2024", full.editions["2024"])
    return catalog.file_spec("undesa_stock", "2024", "by_sex_destination")


def test_a_held_edition_without_layout_is_skipped_with_a_finding(
    small_mirror: Settings, with_2024: catalog.FileSpec
) -> None:
    held = writers.write_stock_2020(mirror_of(small_mirror) / with_2024.mirror_path)
    result = build(small_mirror)
    assert result.summary["editions"] == [
        "m49/2021",
        "undesa_stock/2017",
        "undesa_stock/2019",
        "undesa_stock/2020",
        "wpp/2019",
    ]
    found = rows(
        result.path,
        "SELECT source, edition, message FROM findings WHERE type = 'edition-no-layout'",
    )
    assert len(found) == 1
    source, edition, message = found[0]
    assert (source, edition) == ("undesa_stock", "2024")
    assert str(held) in str(message)
    assert "migobs/sources/undesa_stock.yml" in str(message)
    assert rows(result.path, "SELECT count(*) FROM source_files WHERE edition = '2024'") == [(0,)]
    assert rows(result.path, "SELECT count(*) FROM migrant_stock WHERE edition = '2020'")[0][0] > 0
    recorded = (small_mirror.downloads / "checksums.yml").read_text(encoding="utf-8")
    assert f"undesa_stock/2024/by_sex_destination: {sha256(held)}" in recorded


def _file(settings: Settings, edition: str, key: str) -> Path:
    return mirror_of(settings) / catalog.file_spec("undesa_stock", edition, key).mirror_path


def truncate(settings: Settings, adopt: Adopt) -> Path:
    path = _file(settings, "2019", "totals")
    path.write_bytes(path.read_bytes()[:2000])
    adopt("undesa_stock", "2019", "totals", path)
    return path


def not_a_workbook(settings: Settings, adopt: Adopt) -> Path:
    path = _file(settings, "2020", "by_sex_destination")
    path.write_bytes(b"<html><body>Page not found</body></html>")
    adopt("undesa_stock", "2020", "by_sex_destination", path)
    return path


def shift_header(settings: Settings, adopt: Adopt) -> Path:
    path = _file(settings, "2020", "by_sex_destination")
    workbook = load_workbook(path)
    workbook["Table 1"].insert_rows(1)
    workbook.save(path)
    adopt("undesa_stock", "2020", "by_sex_destination", path)
    return path


def rename_sheet(settings: Settings, adopt: Adopt) -> Path:
    path = _file(settings, "2017", "totals")
    workbook = load_workbook(path)
    workbook["Table 1"].title = "Table 1 (stock)"
    workbook.save(path)
    adopt("undesa_stock", "2017", "totals", path)
    return path


def other_edition(settings: Settings, adopt: Adopt) -> Path:
    path = writers.write_stock_totals(_file(settings, "2017", "totals"), 2019)
    adopt("undesa_stock", "2017", "totals", path)
    return path


def alter_bytes(settings: Settings, adopt: Adopt) -> Path:
    path = _file(settings, "2019", "totals")
    path.write_bytes(path.read_bytes() + b"\0")
    return path


BREAKAGES = {
    "truncated": (truncate, LayoutError, ["cannot be read", "migobs fetch undesa_stock"]),
    "not a workbook": (not_a_workbook, LayoutError, ["cannot be read"]),
    "shifted header": (
        shift_header,
        LayoutError,
        ["[Table 1] row 11, cell B11: expected 'Region, development group", "found ''"],
    ),
    "renamed sheet": (rename_sheet, LayoutError, ["sheet 'Table 1' is missing", "Table 1 (stock)"]),
    "unknown edition": (
        other_edition,
        LayoutError,
        ["[Table 1] row 16, cells F16:L16: expected the years", "found", "another edition's file"],
    ),
    "checksum mismatch": (
        alter_bytes,
        ChecksumMismatch,
        ["expected sha256", "found    sha256", "Replace undesa_ims/2019/"],
    ),
}


@pytest.mark.parametrize("case", list(BREAKAGES))
def test_bad_input_names_the_file_and_keeps_the_warehouse(
    small_mirror: Settings, adopt: Adopt, case: str
) -> None:
    first = build(small_mirror).path
    before = sha256(first)
    breakage, error, says = BREAKAGES[case]
    broken = breakage(small_mirror, adopt)
    with pytest.raises(error) as raised:
        build(small_mirror, workers=2)  # parsed ahead in a worker: the error is raised here
    message = str(raised.value)
    assert broken.name in message
    for words in says:
        assert words in message
    assert sha256(first) == before
    assert [p.name for p in first.parent.iterdir()] == [first.name]


def test_an_empty_mirror_names_the_file_and_keeps_the_warehouse(
    small_mirror: Settings, tmp_path: Path
) -> None:
    first = build(small_mirror).path
    before = sha256(first)
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotObtained) as raised:
        build(small_mirror.with_mirror(empty))
    assert f"un_m49/UNSD — Methodology.csv is not in the mirror folder {empty}" in str(raised.value)
    assert "MIGOBS_MIRROR" in str(raised.value)
    assert sha256(first) == before


def expect_rows(
    monkeypatch: pytest.MonkeyPatch, edition: str, key: str, rows: dict[str, int]
) -> None:
    files = catalog.edition("undesa_stock", edition).files
    monkeypatch.setitem(files, key, replace(files[key], rows=rows))


def test_a_file_with_the_rows_the_catalogue_records_builds(
    small_mirror: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    areas = len(writers.STOCK_AREAS)
    expect_rows(monkeypatch, "2019", "totals", {f"Table {t}": areas for t in (1, 2, 3, 4, 6)})
    expect_rows(monkeypatch, "2017", "origin_destination", {ALL_SHEETS: 7 * areas})  # 7 years
    assert build(small_mirror).summary["editions"][1:4] == [
        "undesa_stock/2017",
        "undesa_stock/2019",
        "undesa_stock/2020",
    ]


def test_a_file_that_lost_rows_fails_validation_and_keeps_the_warehouse(
    small_mirror: Settings, adopt: Adopt, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(small_mirror).path
    before = sha256(first)
    path = _file(small_mirror, "2019", "totals")
    workbook = load_workbook(path)
    workbook["Table 1"].delete_rows(21)  # one country's row: Burundi (WORLD is row 17)
    workbook.save(path)
    adopt("undesa_stock", "2019", "totals", path)
    areas = len(writers.STOCK_AREAS)
    expect_rows(monkeypatch, "2019", "totals", {f"Table {t}": areas for t in (1, 2, 3, 4, 6)})
    with pytest.raises(ValidationFailed) as raised:
        build(small_mirror)
    message = str(raised.value)
    assert (
        f"UN_MigrantStockTotal_2019.xlsx [Table 1]: {areas - 1} data rows loaded, {areas} "
        f"expected (undesa_stock/2019/totals in migobs/sources/undesa_stock.yml)"
    ) in message
    assert "[Table 2]" not in message
    assert sha256(first) == before
