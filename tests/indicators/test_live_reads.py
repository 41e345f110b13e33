"""Computed live (a warehouse without stored values, or options the build did not store), the
registry reads what it needs: one value or one year's table reads its year of each input, and
the per-year answers (``listed_per_year``, ``every_year``, ``series``) one :class:`Context`
reading every year at once.

Before, those per-year answers made a context per year, and each read its inputs' whole edition
again: the first map of SDG 10.7.4 on such a warehouse took 44 s on the official files. And a
single value read the whole edition too: 670 ms for one SDG 10.7.4 value, against 51 ms.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pytest

from migobs.indicators import registry
from migobs.indicators.context import Context
from migobs.warehouse.read import refugees, series


class _Counted(Context):
    made = 0

    def __init__(self, con: duckdb.DuckDBPyConnection, *, every_year: bool = False) -> None:
        type(self).made += 1
        super().__init__(con, every_year=every_year)


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> type[_Counted]:
    _Counted.made = 0
    monkeypatch.setattr(registry, "Context", _Counted)
    return _Counted


def test_years_listed_are_computed_with_one_context(
    con: duckdb.DuckDBPyConnection, counted: type[_Counted]
) -> None:
    listed = registry.listed_per_year(con, "stock.total")
    assert len(listed) > 1  # several years, so one context per year would show
    assert counted.made == 2  # the years' own lookup, then one for every year's table


def test_a_series_is_computed_with_one_context(
    con: duckdb.DuckDBPyConnection, counted: type[_Counted]
) -> None:
    values = registry.series(con, "stock.total", 900)
    assert len(values) > 1 and all(v.value is not None for v in values)
    assert counted.made == 2


def test_every_year_is_computed_with_one_context(
    con: duckdb.DuckDBPyConnection, counted: type[_Counted]
) -> None:
    values = registry.every_year(con, "stock.total")
    assert len({v.year for v in values}) > 1
    assert counted.made == 2


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int | None]]:
    """The year each by-year read was asked for (``None``: every year)."""
    found: list[tuple[str, int | None]] = []
    for module, name in ((series, "series_by_year"), (refugees, "refugees_by_origin")):
        read = getattr(module, name)

        def spy(*args: Any, _read: Any = read, _name: str = name) -> Any:
            found.append((_name, args[-1]))  # the year, passed last
            return _read(*args)

        monkeypatch.setattr(module, name, spy)
    return found


@pytest.mark.parametrize("code", ["remittances.received", "sdg.10.7.4"])
def test_one_value_reads_its_year_only(
    con: duckdb.DuckDBPyConnection, asked: list[tuple[str, int | None]], code: str
) -> None:
    year = registry.years(con, code)[-1]
    assert registry.compute(con, code, 900, year).value is not None
    assert asked and all(one == year for _, one in asked)


@pytest.mark.parametrize("code", ["remittances.received", "sdg.10.7.4"])
def test_every_year_reads_each_input_once_for_every_year(
    con: duckdb.DuckDBPyConnection, asked: list[tuple[str, int | None]], code: str
) -> None:
    assert any(v.value is not None for v in registry.every_year(con, code))
    assert asked and all(one is None for _, one in asked)
    assert len(asked) == len(set(asked))
