"""The indicator values `migobs build` stores are those computed live, on the official files: a
sample of every indicator (its newest and oldest year, every edition held, a few areas of each
kind), read from the built warehouse and computed on a copy without the stored values."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from migobs.indicators import registry
from migobs.indicators.context import Context
from migobs.warehouse.read import open_warehouse
from tests.indicators.test_materialise import Answers, ask

pytestmark = pytest.mark.real

AREAS = [900, 404, 484, 250, 108, 9903, 903, 910, 1503]
"""World, Kenya, Mexico, France, Burundi, UNHCR's unknown origin, Africa, Eastern Africa and a
World Bank income group."""


@pytest.fixture(scope="module")
def both(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[
    tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection]
]:  # fmt: skip
    """The built warehouse, and a copy whose stored values are deleted (computed live)."""
    copy = tmp_path_factory.mktemp("live") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    with duckdb.connect(str(copy)) as writable:
        stored = writable.execute("SELECT count(*) FROM indicator_values").fetchone()
        assert stored is not None and stored[0] > 100_000
        writable.execute("DELETE FROM indicator_values; DELETE FROM indicator_years")
    with open_warehouse(built_warehouse) as kept, open_warehouse(copy) as live:
        yield kept, live


def sample(con: duckdb.DuckDBPyConnection) -> Answers:
    found: Answers = {}
    for code in registry.REGISTRY:
        for edition in [None, *registry.indicator(code).editions(Context(con))]:
            held = ask(found, (code, edition), registry.years, con, code, edition)
            years = sorted({held[0], held[-1]}) if isinstance(held, list) and held else []
            for year in years:
                key = (code, edition, year)
                ask(found, (*key, "table"), registry.table, con, code, year, edition)
                if edition is None:
                    ask(found, (*key, "every"), registry.table_every_code, con, code, year)
                for area in [] if registry.of_pairs(code) else AREAS:
                    ask(found, (*key, area), registry.compute, con, code, area, year, edition)
    return found


def test_stored_values_are_the_live_ones_on_the_official_files(
    both: tuple[duckdb.DuckDBPyConnection, duckdb.DuckDBPyConnection],
) -> None:
    kept, live = both
    from_store, computed = sample(kept), sample(live)
    assert from_store.keys() == computed.keys()
    assert [key for key in computed if from_store[key] != computed[key]] == []
    values = [v for v in computed.values() if isinstance(v, registry.Value)]
    assert sum(v.value is not None for v in values) > 500  # 740 on the 2026-12 mirror
