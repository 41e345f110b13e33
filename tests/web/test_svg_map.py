from __future__ import annotations

from migobs.web.geo import Shape
from migobs.web.svg_map import PALETTE, bins, choropleth, fill_of


def test_bins_are_quantiles_and_cover_every_value() -> None:
    classes = bins([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    assert [(b.low, b.high) for b in classes] == [(1, 3), (3, 5), (5, 7), (7, 9), (9, 10)]
    assert [b.fill for b in classes] == list(PALETTE)
    assert fill_of(10, classes) == PALETTE[-1] and fill_of(1, classes) == PALETTE[0]
    assert fill_of(None, classes) == "url(#no-data)"


def test_repeated_values_make_fewer_darker_classes() -> None:
    classes = bins([5, 5, 5, 5, 9])
    assert len(classes) == 2
    assert classes[-1].fill == PALETTE[-1]


def test_every_area_has_a_text_title() -> None:
    svg = choropleth(
        [Shape(4, "Afghanistan", "M0,0Z"), Shape(250, "France", "M1,1Z")],
        {4: 144_098.0},
        title="Migrants <2019>",
        unit="persons",
    )
    assert "<title>Afghanistan: 144,098 persons</title>" in svg
    assert "<title>France: no data</title>" in svg
    assert "Migrants &lt;2019&gt;" in svg
