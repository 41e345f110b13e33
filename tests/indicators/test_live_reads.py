"""Computed live (a warehouse without stored values, or options the build did not store), the
registry's per-year answers read each input once: one :class:`Context` for every year.

Before, ``listed_per_year``, ``every_year`` and ``series`` made a context per year, and each read its inputs'
whole edition again: the first map of SDG 10.7.4 on such a warehouse took 44 s on the official
files, against 0.7 s for one year's table.
"""

from __future__ import annotations

import duckdb
import pytest

from migobs.indicators import registry
from migobs.indicators.context import Context


class _Counted(Context):
    made = 0

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        type(self).made += 1
        super().__init__(con)


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
