"""`migobs fetch`: files held and verified, and what to do for those that are not."""

from __future__ import annotations

from pathlib import Path

from migobs.config import Settings
from tests.support.cli import migobs


def test_fetch_lists_verified_files(small_mirror: Settings) -> None:
    result = migobs(small_mirror, "fetch", "undesa_stock", "--mirror", str(small_mirror.mirror))
    assert result.exit_code == 0, result.output
    assert "undesa_stock/2017/totals" in result.output and " ok " in result.output
    assert "4 of 4 files held and verified." in result.output


def test_fetch_empty_mirror_says_what_to_do(small_mirror: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = migobs(small_mirror, "fetch", "m49", "--mirror", str(empty))
    assert result.exit_code == 1
    assert "is not in the mirror folder" in result.output and "MIGOBS_MIRROR" in result.output


def test_fetch_without_a_mirror_says_how_to_obtain_a_manual_file(small_mirror: Settings) -> None:
    result = migobs(small_mirror, "fetch", "m49")
    assert result.exit_code == 0, result.output
    assert "m49/2021/overview" in result.output and " manual " in result.output
    assert "0 of 1 files held and verified; 1 must come from a mirror or be saved" in result.output
    assert "press CSV and save the file" in " ".join(result.output.split())
