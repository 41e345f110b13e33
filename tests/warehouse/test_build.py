from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, FileNotObtained, UnknownSource
from migobs.sources import catalog
from migobs.warehouse import build as build_module
from migobs.warehouse.build import build, code_digest, current_build_id
from tests.support.mirror import Adopt
from tests.support.writers import write_m49, write_stock_totals

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


def test_changed_code_or_data_of_the_build_is_a_new_build_id(
    mirror_settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = build(mirror_settings).build_id
    package = tmp_path / "warehouse"
    package.mkdir()
    (package / "names.yml").write_text("A: 1\n")
    monkeypatch.setattr(build_module, "CODE", (package,))
    before = code_digest()
    assert build(mirror_settings, if_stale=True).build_id != first  # other code, other id
    (package / "names.yml").write_text("A: 2\n")  # a names table edited
    edited = code_digest()
    assert edited != before
    (package / "notes.txt").write_text("not code")
    assert code_digest() == edited  # only code, SQL and YAML count


def test_checksum_mismatch_keeps_the_old_warehouse(mirror_settings: Settings) -> None:
    first = build(mirror_settings)
    before = first.path.read_bytes()
    assert mirror_settings.mirror is not None
    target = mirror_settings.mirror / M49_FILE
    target.write_bytes(target.read_bytes()[:100])
    expected = catalog.file_spec("m49", "2021", "overview").sha256
    with pytest.raises(ChecksumMismatch) as raised:
        build(mirror_settings)
    message = str(raised.value)
    assert f"expected sha256 {expected} (migobs/sources/m49.yml)" in message
    assert f"found    sha256 {hashlib.sha256(target.read_bytes()).hexdigest()}" in message
    assert "Replace un_m49/UNSD — Methodology.csv in the mirror folder" in message
    assert "migobs fetch" not in message
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


def test_without_a_mirror_files_migobs_cannot_download_are_explained(
    tmp_path: Path, only_sources: Callable[..., None], monkeypatch: pytest.MonkeyPatch
) -> None:
    only_sources(m49=["2021"], undesa_stock=["2017"])
    settings = Settings(home=tmp_path / "home")
    totals = catalog.file_spec("undesa_stock", "2017", "totals")
    files = catalog.edition("undesa_stock", "2017").files
    monkeypatch.setitem(files, "totals", replace(totals, rows={}))  # the small file's own counts
    write_stock_totals(settings.downloads / totals.mirror_path, 2017)  # as if downloaded
    with pytest.raises(FileNotObtained, match="No M49 file is held.*press CSV.*Save it as"):
        build(settings)
    assert not settings.warehouse.exists()
    write_m49(settings.downloads / M49_FILE)
    result = build(settings)
    assert result.summary["editions"] == ["m49/2021", "undesa_stock/2017"]
    with duckdb.connect(str(result.path), read_only=True) as con:
        found = con.execute(
            "SELECT type, title, message FROM findings WHERE type = 'file-not-held'"
        )
        ((kind, title, message),) = found.fetchall()
        keys = con.execute("SELECT file_key FROM source_files WHERE source = 'undesa_stock'")
        assert keys.fetchall() == [("totals",)]
    assert title == "undesa_stock/2017/origin_destination: not held"
    assert "comes only from a mirror: A DERIVED copy" in message
    recorded = (settings.downloads / "checksums.yml").read_text(encoding="utf-8")
    assert "m49/2021/overview:" in recorded and "undesa_stock/2017/totals:" in recorded


def test_source_files_say_when_each_file_was_obtained(mirror_settings: Settings) -> None:
    assert mirror_settings.mirror is not None
    saved = datetime(2021, 3, 4, 5, 6, 7)
    os.utime(mirror_settings.mirror / M49_FILE, (saved.replace(tzinfo=UTC).timestamp(),) * 2)
    result = build(mirror_settings)
    with duckdb.connect(str(result.path), read_only=True) as con:
        rows = con.execute("SELECT name, obtained_at FROM source_files").fetchall()
        (built,) = con.execute("SELECT started_at FROM builds").fetchone() or (None,)
    assert rows == [("UNSD — Methodology.csv", saved)]
    assert built is not None and built > saved


def test_a_build_removes_what_a_killed_build_left(
    tmp_path: Path, mirror_settings: Settings
) -> None:
    target = mirror_settings.warehouse
    target.parent.mkdir(parents=True)
    writer = (  # a build's first steps: create <warehouse>.new-PID and write to it
        "import duckdb, os, sys, time\n"
        f"con = duckdb.connect('{target}.new-%d' % os.getpid())\n"
        "con.execute('CREATE TABLE t AS SELECT range AS x FROM range(100000)')\n"
        "print('written', flush=True)\n"
        "time.sleep(60)\n"
    )
    killed = subprocess.Popen([sys.executable, "-c", writer], stdout=subprocess.PIPE, text=True)
    assert killed.stdout is not None and killed.stdout.readline() == "written\n"
    killed.kill()  # SIGKILL, as the OOM killer or a power cut would
    killed.wait()
    killed.stdout.close()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        alive = target.with_name(f"{target.name}.new-{running.pid}")
        alive.write_bytes(b"a build still running")
        left = sorted(p.name for p in target.parent.glob("*.new-*"))
        assert f"{target.name}.new-{killed.pid}" in left
        build(mirror_settings)
        assert sorted(p.name for p in target.parent.glob("*.new-*")) == [alive.name]
    finally:
        running.kill()
        running.wait()
