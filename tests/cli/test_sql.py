"""`migobs sql`: JSON and CSV answers; only SELECT, and no reading of other files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from migobs.config import Settings
from tests.support.cli import migobs


def test_sql_formats_and_refusal(built: Settings) -> None:
    as_json = migobs(
        built, "sql", "SELECT m49 FROM areas WHERE m49 IN (900, 108) ORDER BY m49", "--json"
    )
    assert json.loads(as_json.output) == [{"m49": 108}, {"m49": 900}]
    as_csv = migobs(built, "sql", "SELECT m49, kind FROM areas WHERE m49 = 900", "--csv")
    assert as_csv.output.splitlines() == ["m49,kind", "900,world"]
    refused = migobs(built, "sql", "DROP TABLE areas")
    assert refused.exit_code == 1 and "Only SELECT queries are allowed" in refused.output


def test_sql_cannot_read_other_files(built: Settings, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    for statement in (
        f"SELECT * FROM read_csv('{secret}')",
        f"SELECT * FROM read_text('{secret}')",
        f"SELECT * FROM glob('{tmp_path}/*')",
    ):
        result = migobs(built, "sql", statement)
        assert result.exit_code == 1, statement
        assert "hunter2" not in result.output
        assert "file system operations are disabled" in result.output


def test_sql_json_and_csv_together_is_an_error(built: Settings) -> None:
    result = migobs(built, "sql", "SELECT 1", "--json", "--csv")
    assert result.exit_code == 2
    assert "Give --json or --csv, not both." in result.output


WIDE = (
    "SELECT 4977123456789 AS a, 4977123456790 AS b, 4977123456791 AS c, "
    "4977123456792 AS d, 4977123456793 AS e, repeat('words ', 12) AS note"
)


def test_sql_table_keeps_numbers_whole_in_80_columns(built: Settings) -> None:
    result = migobs(built, "sql", WIDE)
    assert result.exit_code == 0, result.output
    for n in range(4977123456789, 4977123456794):
        assert f"{n:,}" in result.output or str(n) in result.output
    assert "…" not in result.output


def test_sql_wide_prints_each_row_on_one_line(built: Settings) -> None:
    result = migobs(built, "sql", WIDE, "--wide")
    assert result.exit_code == 0, result.output
    assert ("words " * 12).strip() in result.output


@pytest.mark.attack
def test_sql_csv_makes_formulas_inert_and_keeps_numbers(built: Settings) -> None:
    statement = "SELECT '=1+1' AS \"@name\", -5 AS n, '-7.5' AS t, '-x' AS d"
    result = migobs(built, "sql", statement, "--csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["'@name,n,t,d", "'=1+1,-5,-7.5,'-x"]


@pytest.mark.attack
def test_sql_is_stopped_by_its_time_memory_and_row_limits(built: Settings) -> None:
    endless = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
    timed_out = migobs(built, "sql", endless, "--timeout", "0.5")
    assert timed_out.exit_code == 1
    assert "ran for more than 0.5 s and was stopped" in timed_out.output
    assert "--timeout" in timed_out.output
    greedy = migobs(
        built, "sql", "SELECT list(range) FROM range(100000000)", "--memory-limit", "64MB"
    )
    assert greedy.exit_code == 1
    assert "needs more memory than its limit" in greedy.output
    assert "--memory-limit" in greedy.output
    huge = migobs(built, "sql", "SELECT * FROM range(1000000000)")
    assert huge.exit_code == 1
    assert "more than 1,000,000 rows: add a LIMIT" in huge.output
    unreadable = migobs(built, "sql", "SELECT 1", "--memory-limit", "lots")
    assert unreadable.exit_code == 1 and "'lots' is not an amount of memory" in unreadable.output
    unlocked = migobs(built, "sql", "SELECT set_config('memory_limit', '100GB')")
    assert unlocked.exit_code == 1
