"""`migobs claims --json`, `migobs indicator` and `migobs diff` on a small warehouse file."""

from __future__ import annotations

import json
from pathlib import Path

from migobs.config import Settings
from tests.support.cli import at, migobs
from tests.support.faces_warehouse import build_small_warehouse
from tests.support.small_warehouse import build


def _warehouse(tmp_path: Path) -> Settings:
    path = tmp_path / "warehouse.duckdb"
    con = build()
    con.execute(f"ATTACH '{path}' AS out")
    con.execute("COPY FROM DATABASE memory TO out")
    con.close()
    return at(path)


def test_claims_json_is_the_public_shape(tmp_path: Path) -> None:
    result = migobs(_warehouse(tmp_path), "claims", "--json")
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert [r["id"] for r in records][:3] == ["C01", "C02", "C03"]
    for record in records:
        assert {"id", "stated", "computed", "verdict", "inputs"} <= set(record)
        assert record["verdict"] in ("reproduced", "close", "differs", "not_testable")
        for cell in record["inputs"]:
            assert {"source", "edition", "file"} <= set(cell)
            assert "cell" in cell or "row" in cell
    c01 = records[0]
    assert (c01["computed"], c01["verdict"]) == (8600, "differs")


def test_claims_json_writes_the_queries_codes_as_m49_text(tmp_path: Path) -> None:
    records = json.loads(migobs(_warehouse(tmp_path), "claims", "--json").output)
    queries = [r["query"] for r in records if r["query"]]
    queries += [a["query"] for r in records for a in r["alternatives"]]
    areas = {q["area"] for q in queries} | {q["counterpart"] for q in queries if "counterpart" in q}
    assert "900" in areas  # the world, as the API writes it
    assert all(isinstance(area, str) and len(area) >= 3 for area in areas), areas


def test_indicator_prints_the_value_and_its_cells(tmp_path: Path) -> None:
    args = ["indicator", "stock.total", "--area", "KEN", "--year", "2017", "--edition", "2017"]
    result = migobs(_warehouse(tmp_path), *args)
    assert result.exit_code == 0, result.output
    assert "404 Kenya 2017: 1,200 persons (edition 2017)" in result.output
    assert "UN_MigrantStockTotal_2017.xlsx[Table 1]!L20" in result.output


def test_indicator_writes_the_area_code_as_m49_text(tmp_path: Path) -> None:
    warehouse = at(build_small_warehouse(tmp_path / "warehouse.duckdb"))
    args = ["indicator", "stock.total", "--area", "AFG", "--year", "2019", "--edition", "2019"]
    result = migobs(warehouse, *args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("004 Afghanistan 2019: 144,098 persons (edition 2019)")


def test_diff_lists_changed_values(tmp_path: Path) -> None:
    result = migobs(_warehouse(tmp_path), "diff", "undesa_stock", "2017", "2020")
    assert result.exit_code == 0, result.output
    assert "7,300 ->" in result.output and "(+100)" in result.output


def test_an_unknown_indicator_is_a_one_line_error(tmp_path: Path) -> None:
    result = migobs(_warehouse(tmp_path), "indicator", "nope", "--year", "2017")
    assert result.exit_code == 1
    assert "Unknown indicator 'nope'" in result.output


def test_deaths_by_route_and_objectives(tmp_path: Path) -> None:
    settings = _warehouse(tmp_path)
    args = ["indicator", "sdg.10.7.3", "--year", "2017", "--edition", "2022", "--by", "route"]
    result = migobs(settings, *args)
    assert result.exit_code == 0, result.output
    assert (
        result.output.splitlines()[0]
        == "900 World [Central Mediterranean] 2017: 20 persons (edition 2022)"
    )
    objectives = migobs(settings, "indicator", "--objectives")
    assert "measurable  SDG 10.c.1 -> sdg.10.c.1" in objectives.output


def test_indicator_without_a_year_takes_the_newest_year_the_data_allow(tmp_path: Path) -> None:
    args = ["indicator", "stock.total", "--area", "KEN", "--edition", "2020"]
    result = migobs(_warehouse(tmp_path), *args)
    assert result.exit_code == 0, result.output
    assert "404 Kenya 2020: 1,300 persons (edition 2020)" in result.output


def test_indicator_prints_figures_to_the_indicators_stated_decimals(tmp_path: Path) -> None:
    settings = at(build_small_warehouse(tmp_path / "warehouse.duckdb"))
    args = ["indicator", "stock.female_share", "--area", "250", "--year", "2019"]
    result = migobs(settings, *args)
    assert result.exit_code == 0, result.output
    assert "250 France 2019: 52.12 percent" in result.output  # 52.11879...: two decimals
    full = json.loads(migobs(settings, *args, "--json").output)[0]["value"]
    assert abs(full - 100 * 4_344_036 / 8_334_875) < 1e-9  # --json keeps full precision
