"""Build-level behaviour on held files the build cannot or must not load.

Each bad-input case builds once, breaks one input, builds again and checks that the error names
the file (and sheet and row where it applies) and that the warehouse is byte-identical.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import duckdb
import pytest

from migobs.config import Settings
from migobs.sources import catalog
from migobs.warehouse.build import build
from tests import writers


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
    assert "LAYOUTS in migobs/sources/undesa_stock.py" in str(message)
    assert rows(result.path, "SELECT count(*) FROM source_files WHERE edition = '2024'") == [(0,)]
    assert rows(result.path, "SELECT count(*) FROM migrant_stock WHERE edition = '2020'")[0][0] > 0
    recorded = (small_mirror.downloads / "checksums.yml").read_text(encoding="utf-8")
    assert f"undesa_stock/2024/by_sex_destination: {sha256(held)}" in recorded
