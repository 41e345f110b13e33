"""The values the build stores are those computed live: every indicator, edition, year and area
of the small warehouse, through the registry's public functions, before and after
:func:`materialise` (the equivalence on the official files is in tests/real/)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import duckdb
import pytest

from migobs.errors import MigobsError
from migobs.indicators import materialise as materialise_module
from migobs.indicators import registry, stored
from migobs.indicators.context import Context
from migobs.indicators.materialise import batches, materialise, materialise_file
from migobs.indicators.outline import Outline
from migobs.warehouse.read import groupings

Answers = dict[tuple[Any, ...], Any]


def answers(con: duckdb.DuckDBPyConnection, codes: list[str], areas: list[int]) -> Answers:
    """What the registry answers for every code, edition (and None), year and area: years,
    table, table_every_code, listed_per_year, every_year (and its outline), series and compute
    with default options; an error by its type and text."""
    found: Answers = {}
    for code in codes:
        editions = [None, *registry.indicator(code).editions(Context(con))]
        for edition in editions:
            held = ask(found, (code, edition), registry.years, con, code, edition)
            ask(found, (code, edition, "newest"), registry.table, con, code, None, edition)
            ask(found, (code, edition, "per year"), registry.listed_per_year, con, code, edition)
            ask(found, (code, edition, "every year"), registry.every_year, con, code, edition)
            ask(found, (code, edition, "outline"), outline, con, code, edition)
            for area in [] if registry.of_pairs(code) else areas:
                ask(found, (code, edition, area), registry.series, con, code, area, None, edition)
            for year in held if isinstance(held, list) else []:
                key = (code, edition, year)
                ask(found, (*key, "table"), registry.table, con, code, year, edition)
                ask(found, (*key, "every"), registry.table_every_code, con, code, year, edition)
                for area in [] if registry.of_pairs(code) else areas:
                    ask(found, (*key, area), registry.compute, con, code, area, year, edition)
    return found


def outline(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> Outline:
    """``every_year_outline`` with the values' inputs left out (the stored outline has none)."""
    found = registry.every_year_outline(con, code, edition)
    return replace(found, values=[replace(value, inputs=()) for value in found.values])


def ask(found: Answers, key: tuple[Any, ...], question: Callable[..., Any], *args: Any) -> Any:
    """``question(*args)``, or the error it raises, kept under ``key``."""
    try:
        found[key] = question(*args)
    except MigobsError as error:
        found[key] = (type(error).__name__, str(error))
    return found[key]


def every_area(con: duckdb.DuckDBPyConnection) -> list[int]:
    return sorted(groupings.all_areas(con))


def test_stored_values_are_the_live_ones(con: duckdb.DuckDBPyConnection) -> None:
    codes = list(registry.REGISTRY)
    areas = every_area(con)
    live = answers(con, codes, areas)

    said: list[str] = []
    materialise(con, said.append)
    kept = answers(con, codes, areas)

    assert said[0] == "computing stock.total" and said[-1] == "saving indicator values"
    assert kept.keys() == live.keys()
    differing = [key for key in live if kept[key] != live[key]]
    assert differing == []
    computed = [v for key, v in live.items() if isinstance(v, registry.Value)]
    assert len(computed) > 300  # the comparison covers real values, not only errors
    assert any(v.inputs and v.value is not None for v in computed)


def test_the_registry_reads_what_the_build_stored(con: duckdb.DuckDBPyConnection) -> None:
    materialise(con, lambda _: None)
    assert stored.years(con, "stock.total", None) == [2000, 2020]
    assert stored.years(con, "stock.total", "2017") == [2000, 2017]
    # a stored value is read back, not computed: change it in the table and the registry says so
    con.execute(
        "UPDATE indicator_values SET value = 1234.5 "
        "WHERE code = 'stock.total' AND edition = '2017' AND year = 2017 AND area = 404"
    )
    assert registry.compute(con, "stock.total", 404, 2017, "2017").value == 1234.5
    listed = registry.table(con, "stock.total", 2017, "2017")
    assert [v.value for v in listed if v.area == 404] == [1234.5]
    # options other than the defaults are computed on demand
    changed = registry.compute(con, "stock.change", 404, 2017, "2017", base_year=2000)
    assert changed.value == 200.0 and changed.period == "2000–2017"


def test_a_warehouse_without_stored_values_computes_live(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert stored.years(con, "stock.total", None) is None
    assert registry.compute(con, "stock.total", 404, 2017, "2017").value == 1200.0
    con.execute("DROP TABLE indicator_values")  # a warehouse built before the values were stored
    assert stored.value(con, "stock.total", 404, 2017, "2017") is None
    assert registry.compute(con, "stock.total", 404, 2017, "2017").value == 1200.0


def test_worker_processes_store_what_one_process_stores(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    path = tmp_path / "warehouse.duckdb"
    con.execute(f"ATTACH '{path}' AS copy; COPY FROM DATABASE memory TO copy; DETACH copy")
    said: list[str] = []
    materialise_file(path, said.append, workers=2)
    materialise(con, lambda _: None)

    assert said == [f"computing {code}" for code in registry.REGISTRY] + ["saving indicator values"]
    with duckdb.connect(str(path), read_only=True) as stored_apart:
        for table in ("indicator_years", "indicator_values", "indicator_cells"):
            rows = con.execute(f"SELECT * FROM {table}").fetchall()
            assert stored_apart.execute(f"SELECT * FROM {table}").fetchall() == rows
            assert len(rows) > 20


def test_every_indicator_is_in_one_batch_once(monkeypatch: pytest.MonkeyPatch) -> None:
    sent = [code for batch in batches() for code in batch]
    assert sorted(sent) == sorted(registry.REGISTRY)  # none twice, none unknown, none left out
    assert batches()[0] == ("sdg.10.7.4", "refugees.by_origin")  # the slowest first
    # an indicator no batch names is sent on its own, after the batches
    monkeypatch.setattr(materialise_module, "BATCHES", (("sdg.10.7.4", "refugees.by_origin"),))
    alone = [code for code in registry.REGISTRY if code not in ("sdg.10.7.4", "refugees.by_origin")]
    assert batches() == [("sdg.10.7.4", "refugees.by_origin"), *((code,) for code in alone)]
