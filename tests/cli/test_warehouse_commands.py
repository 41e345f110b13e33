from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from migobs.cli import cli
from migobs.config import Settings
from tests.writers import stock


def run(settings: Settings, *args: str) -> Result:
    env = {"MIGOBS_HOME": str(settings.home), "MIGOBS_MIRROR": "", "MIGOBS_WAREHOUSE": ""}
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


@pytest.fixture
def built(small_mirror: Settings) -> Settings:
    result = run(small_mirror, "build", "--mirror", str(small_mirror.mirror))
    assert result.exit_code == 0, result.output
    assert "Sources: m49, undesa_stock, wpp" in result.output
    assert "migrant_stock" in result.output
    return small_mirror


def test_build_if_stale_skips(built: Settings) -> None:
    result = run(built, "build", "--if-stale", "--mirror", str(built.mirror))
    assert result.exit_code == 0 and "is up to date" in result.output


def test_trace_json(built: Settings) -> None:
    result = run(
        built,
        "trace",
        "undesa_stock",
        "--edition",
        "2017",
        "--year",
        "2017",
        "--destination",
        "900",
        "--json",
    )
    found = json.loads(result.output)
    assert found["value"] == stock(900, 6, "total")
    assert (found["file"], found["sheet"], found["cell"]) == (
        "UN_MigrantStockTotal_2017.xlsx",
        "Table 1",
        "L17",
    )
    assert len(found["sha256"]) == 64


def test_trace_unknown_edition_exits_1(built: Settings) -> None:
    result = run(
        built,
        "trace",
        "undesa_stock",
        "--edition",
        "2016",
        "--year",
        "2017",
        "--destination",
        "900",
    )
    assert result.exit_code == 1
    assert "Known editions: 2017, 2019, 2020" in result.output


def test_sql_formats_and_refusal(built: Settings) -> None:
    as_json = run(
        built, "sql", "SELECT m49 FROM areas WHERE m49 IN (900, 108) ORDER BY m49", "--json"
    )
    assert json.loads(as_json.output) == [{"m49": 108}, {"m49": 900}]
    as_csv = run(built, "sql", "SELECT m49, kind FROM areas WHERE m49 = 900", "--csv")
    assert as_csv.output.splitlines() == ["m49,kind", "900,world"]
    refused = run(built, "sql", "DROP TABLE areas")
    assert refused.exit_code == 1 and "Only SELECT queries are allowed" in refused.output


def test_fetch_lists_verified_files(small_mirror: Settings) -> None:
    result = run(small_mirror, "fetch", "undesa_stock", "--mirror", str(small_mirror.mirror))
    assert result.exit_code == 0, result.output
    assert "undesa_stock/2017/totals" in result.output and " ok " in result.output
    assert "4 of 4 files held and verified." in result.output


def test_fetch_empty_mirror_says_what_to_do(small_mirror: Settings, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(small_mirror, "fetch", "m49", "--mirror", str(empty))
    assert result.exit_code == 1
    assert "is not in the mirror folder" in result.output and "MIGOBS_MIRROR" in result.output


def test_sql_cannot_read_other_files(built: Settings, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("password\nhunter2\n")
    for statement in (
        f"SELECT * FROM read_csv('{secret}')",
        f"SELECT * FROM read_text('{secret}')",
        f"SELECT * FROM glob('{tmp_path}/*')",
    ):
        result = run(built, "sql", statement)
        assert result.exit_code == 1, statement
        assert "hunter2" not in result.output
        assert "file system operations are disabled" in result.output


def test_sql_json_and_csv_together_is_an_error(built: Settings) -> None:
    result = run(built, "sql", "SELECT 1", "--json", "--csv")
    assert result.exit_code == 2
    assert "Give --json or --csv, not both." in result.output


def test_trace_of_a_source_without_migrant_stock_says_what_it_traces(built: Settings) -> None:
    args = ("--edition", "2019", "--year", "2020", "--destination", "900")
    result = run(built, "trace", "wpp", *args)
    assert result.exit_code == 1
    message = " ".join(result.output.split())
    assert (
        "holds no migrant stock from 'wpp'; migrant stock is traced for: undesa_stock." in message
    )
    assert "wpp is loaded into series" in message
    assert (
        "SELECT * FROM series JOIN source_files f USING (file_id) WHERE f.source = 'wpp'" in message
    )
    assert "Known editions: none" not in message
    unknown = run(built, "trace", "nope", *args)
    assert "'nope' is not loaded either" in " ".join(unknown.output.split())


def test_fetch_without_a_mirror_says_how_to_obtain_a_manual_file(small_mirror: Settings) -> None:
    result = run(small_mirror, "fetch", "m49")
    assert result.exit_code == 0, result.output
    assert "m49/2021/overview" in result.output and " manual " in result.output
    assert "0 of 1 files held and verified; 1 must come from a mirror or be saved" in result.output
    assert "press CSV and save the file" in " ".join(result.output.split())


@pytest.mark.attack
def test_sql_csv_makes_formulas_inert_and_keeps_numbers(built: Settings) -> None:
    statement = "SELECT '=1+1' AS \"@name\", -5 AS n, '-7.5' AS t, '-x' AS d"
    result = run(built, "sql", statement, "--csv")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == ["'@name,n,t,d", "'=1+1,-5,-7.5,'-x"]


@pytest.mark.attack
def test_sql_is_stopped_by_its_time_memory_and_row_limits(built: Settings) -> None:
    endless = "SELECT count(*) FROM range(100000000) a, range(100000000) b"
    timed_out = run(built, "sql", endless, "--timeout", "0.5")
    assert timed_out.exit_code == 1
    assert "ran for more than 0.5 s and was stopped" in timed_out.output
    assert "--timeout" in timed_out.output
    greedy = run(built, "sql", "SELECT list(range) FROM range(100000000)", "--memory-limit", "64MB")
    assert greedy.exit_code == 1
    assert "needs more memory than its limit" in greedy.output
    assert "--memory-limit" in greedy.output
    huge = run(built, "sql", "SELECT * FROM range(1000000000)")
    assert huge.exit_code == 1
    assert "more than 1,000,000 rows: add a LIMIT" in huge.output
    unreadable = run(built, "sql", "SELECT 1", "--memory-limit", "lots")
    assert unreadable.exit_code == 1 and "'lots' is not an amount of memory" in unreadable.output
    unlocked = run(built, "sql", "SELECT set_config('memory_limit', '100GB')")
    assert unlocked.exit_code == 1
