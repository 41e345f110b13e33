from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from migobs.cli import cli
from tests.tracker.conftest import PASSWORD


def run(tracker_url: str, tmp_path: Path, *args: str, stdin: str = "") -> tuple[int, str]:
    env = {
        "MIGOBS_HOME": str(tmp_path / "home"),
        "MIGOBS_TRACKER_URL": tracker_url,
        "MIGOBS_FAST_PASSWORD_HASHING": "1",
    }
    result = CliRunner().invoke(cli, ["tracker", *args], input=stdin, env=env)
    return result.exit_code, result.output


def test_add_user_import_export(tracker_url: str, tmp_path: Path) -> None:
    code, out = run(
        tracker_url,
        tmp_path,
        "add-user",
        "MX@example.org",
        "--role",
        "focal-point",
        "--state",
        "484",
        "--password-stdin",
        stdin=PASSWORD + "\n",
    )
    assert code == 0 and "mx@example.org (focal-point)" in out, out
    code, out = run(
        tracker_url,
        tmp_path,
        "add-user",
        "x@example.org",
        "--role",
        "focal-point",
        "--password-stdin",
        stdin="short\n",
    )
    assert code == 1 and "password: must be 10" in out
    code, out = run(tracker_url, tmp_path, "add-user", "y@example.org", "--role", "admin")
    assert code == 2 and "--password-stdin" in out
    csv_file = tmp_path / "c.csv"
    csv_file.write_text("state,objectives,title,text\n484,1; 2,Data,Collect\n", encoding="utf-8")
    code, out = run(tracker_url, tmp_path, "import", str(csv_file), "--as", "mx@example.org")
    assert code == 0 and json.loads(out) == {"created": ["commitments/1"]}
    code, out = run(tracker_url, tmp_path, "export")
    assert code == 0 and json.loads(out)["commitments"] == []
    code, out = run(tracker_url, tmp_path, "migrate")
    assert code == 0 and "up to date" in out


@pytest.mark.attack
def test_migrate_makes_a_missing_home_and_a_database_only_its_owner_reads(tmp_path: Path) -> None:
    home = tmp_path / "not" / "yet"
    env = {"MIGOBS_HOME": str(home), "MIGOBS_TRACKER_URL": ""}
    result = CliRunner().invoke(cli, ["tracker", "migrate"], env=env)
    assert result.exit_code == 0, result.output
    files = sorted(home.glob("tracker.sqlite*"))
    assert files[0].name == "tracker.sqlite"
    assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}


@pytest.mark.attack
def test_migrate_says_what_to_do_when_home_cannot_be_made(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("")
    env = {"MIGOBS_HOME": str(tmp_path / "a-file" / "home"), "MIGOBS_TRACKER_URL": ""}
    result = CliRunner().invoke(cli, ["tracker", "migrate"], env=env)
    assert result.exit_code == 1
    assert "Cannot create the tracker database" in result.output
    assert "Not a directory. Set MIGOBS_HOME to a folder you may write to" in result.output
