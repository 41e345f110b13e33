from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, FileNotObtained, UnknownSource
from migobs.warehouse.build import build, current_build_id
from tests.warehouse.conftest import Adopt
from tests.writers import write_m49

M49_FILE = "un_m49/UNSD — Methodology.csv"


@pytest.fixture
def mirror_settings(tmp_path: Path, adopt: Adopt, only_sources: Callable[..., None]) -> Settings:
    only_sources(m49=["2021"])
    path = write_m49(tmp_path / "mirror" / M49_FILE)
    adopt("m49", "2021", "overview", path)
    return Settings(home=tmp_path / "home", mirror=tmp_path / "mirror")


def test_build_writes_areas_and_a_builds_row(mirror_settings: Settings) -> None:
    result = build(mirror_settings)
    assert not result.skipped
    assert result.summary["sources"] == ["m49"]
    with duckdb.connect(str(result.path), read_only=True) as con:
        assert con.execute("SELECT build_id FROM builds").fetchone() == (result.build_id,)
        areas = dict(
            con.execute("SELECT m49, kind FROM areas WHERE m49 IN (108, 830, 900, 14)").fetchall()
        )
        assert areas == {108: "country", 830: "country", 900: "world", 14: "intermediate_region"}
        groups = set(
            con.execute(
                "SELECT group_m49, scheme FROM area_groups WHERE member_m49 = 108"
            ).fetchall()
        )
        assert {
            (900, "m49"),
            (2, "m49"),
            (202, "m49"),
            (14, "m49"),
            (941, "development"),
            (902, "development"),
            (947, "sdg"),
            (1636, "m49"),
        } <= groups
    assert not list(result.path.parent.glob("*.new-*"))


def test_if_stale_skips_an_identical_build(mirror_settings: Settings) -> None:
    first = build(mirror_settings)
    again = build(mirror_settings, if_stale=True)
    assert again.skipped and again.build_id == first.build_id
    assert current_build_id(first.path) == first.build_id


def test_checksum_mismatch_keeps_the_old_warehouse(mirror_settings: Settings) -> None:
    first = build(mirror_settings)
    before = first.path.read_bytes()
    assert mirror_settings.mirror is not None
    target = mirror_settings.mirror / M49_FILE
    target.write_bytes(target.read_bytes()[:100])
    with pytest.raises(ChecksumMismatch, match="Methodology.csv.*migobs fetch m49"):
        build(mirror_settings)
    assert first.path.read_bytes() == before
    assert not list(first.path.parent.glob("*.new-*"))


def test_empty_mirror_names_the_missing_file(mirror_settings: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(FileNotObtained, match="Methodology.csv is not in the mirror folder"):
        build(mirror_settings.with_mirror(empty))
    assert not mirror_settings.warehouse.exists()


def test_unknown_only_lists_the_loaders(mirror_settings: Settings) -> None:
    with pytest.raises(UnknownSource, match="No loader for nope.*m49"):
        build(mirror_settings, only=["nope"])
