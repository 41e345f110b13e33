from __future__ import annotations

import json
from pathlib import Path

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
