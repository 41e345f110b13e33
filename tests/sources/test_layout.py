"""Layouts are data: every source's YAML layout read into its parser's typed dataclass."""

from __future__ import annotations

import pytest

from migobs.errors import LayoutError, UnknownSource
from migobs.sources import _layout, knomad, m49, undesa_stock, wdi, wpp


def test_an_edition_states_only_what_differs_from_the_one_it_anchors_on() -> None:
    old, new = undesa_stock.layout("2017", "totals"), undesa_stock.layout("2019", "totals")
    assert old.tables == new.tables
    assert (old.years[-1], new.years[-1]) == (2017, 2019)
    assert old.annex is not None and new.annex is not None
    assert (old.annex.first_flag, new.annex.first_flag) == ("E", "F")
    assert undesa_stock.layout("2020", "by_sex_destination").headings == "indent"


def test_a_layout_is_a_typed_frozen_dataclass() -> None:
    table = undesa_stock.layout("2017", "totals").tables[0]
    assert table.blocks[0].labels["male"] == "International migrant stock at mid-year (male)"
    assert table.blocks[0].width == 7
    files = _layout.file_layout("wpp", "2019", "deaths", wpp.FileLayout)
    assert files.sheets == ("ESTIMATES", "MEDIUM VARIANT")
    assert _layout.layout("wpp", "2019", wpp.Layout).revision == "POP/DB/WPP/Rev.2019/"
    assert _layout.layout("m49", "2021", m49.OverviewLayout).optional == {
        "Developed / Developing Countries": "development"
    }
    with pytest.raises(AttributeError):
        table.key = "x"  # type: ignore[misc]


def test_a_layout_that_does_not_fit_its_dataclass_names_the_yaml_and_the_field() -> None:
    with pytest.raises(LayoutError, match=r"migobs/sources/wdi\.yml, edition 2025-07-01.*sheet"):
        _layout.layout("wdi", "2025-07-01", knomad.MatrixLayout)


def test_described_tells_a_held_file_without_a_layout() -> None:
    assert _layout.described("undesa_stock", "2020", "by_sex_destination")
    assert not _layout.described("undesa_stock", "2024", "by_sex_destination")
    assert not _layout.described("wdi", "2025-07-01", "metadata_country")
    with pytest.raises(UnknownSource, match="Known: 2017 remittances, 2017 migrant_stocks"):
        _layout.file_layout("knomad", "2017", "other", knomad.MatrixLayout)
    assert wdi.ExtractLayout.__dataclass_params__.frozen  # type: ignore[attr-defined]
