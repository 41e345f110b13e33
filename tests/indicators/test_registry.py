"""The registry, the definitions beside it and the Compact's objectives."""

from __future__ import annotations

import duckdb
import pytest

from migobs.errors import ValueNotFound
from migobs.indicators import compute, definitions, has_data, objective_coverage
from migobs.indicators.registry import REGISTRY


def test_an_unknown_code_is_refused_with_the_known_ones(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="stock.total"):
        compute(con, "stock.nonsense", 900, 2017)


def test_an_unknown_area_says_how_to_list_areas(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="SELECT m49"):
        compute(con, "stock.total", 12345, 2017)


def test_every_definition_is_computed_and_every_computation_defined() -> None:
    assert set(definitions()) == set(REGISTRY)
    for definition in definitions().values():
        assert definition.title and definition.formula and definition.sources


def test_every_objective_lists_what_can_and_cannot_be_measured() -> None:
    coverage = {o.objective: o for o in objective_coverage()}
    assert sorted(coverage) == list(range(1, 24))
    assert "sdg.10.c.1" in coverage[20].measurable[0].measured_by
    assert coverage[8].measurable and not coverage[8].not_measurable
    assert not coverage[3].measurable
    assert all(link.reason for o in coverage.values() for link in o.not_measurable)


def test_objectives_measured_only_where_the_warehouse_has_data(
    con: duckdb.DuckDBPyConnection,
) -> None:
    def only_stock(code: str) -> bool:
        return code.startswith("stock.")

    coverage = {o.objective: o for o in objective_coverage(only_stock)}
    assert [link.measured_by for link in coverage[1].measurable] == [
        ("stock.total", "stock.emigrants")
    ]
    assert not coverage[8].measurable
    assert "holds no data" in coverage[8].not_measurable[0].reason
    everything = {o.objective: o for o in objective_coverage(has_data(con))}
    assert everything[20].measurable
