from __future__ import annotations

from migobs.i18n import speaking
from migobs.web.geo import Shape
from migobs.web.svg_map import ABOVE, BELOW, PALETTE, bins, choropleth, fill_of, legend


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


def test_values_of_both_signs_get_a_scale_centred_on_zero() -> None:
    values = [-2_470_000, -600_000, -50_000, -20_000, -10_000, -5, 0, 10, 5000, 20_000, 1e6, 2e6]
    classes = bins(values)
    assert [b.fill for b in classes] == [*BELOW, *ABOVE]
    assert classes[2].high == 0 and classes[3].low == 0  # zero is the boundary
    assert fill_of(-5, classes) == BELOW[-1]  # lightest orange next to zero
    assert fill_of(10, classes) == ABOVE[0]  # lightest blue next to zero
    assert fill_of(-2_470_000, classes) == BELOW[0] and fill_of(2e6, classes) == ABOVE[-1]
    text = legend(classes, "persons")
    assert "−2.47M to −50k" in text and "−50k to −10k" in text and "−10k to 0" in text
    assert "0 to 5k" in text and "1M to 2M" in text
    assert "--" not in text and "-2" not in text


def test_legend_is_html_so_its_text_keeps_its_size() -> None:
    text = legend(bins([1, 2, 3]), "persons")
    assert text.startswith('<ul class="legend"')
    assert '<li><span class="swatch no-data"></span>no data</li>' in text


def test_every_area_has_a_text_title() -> None:
    svg = choropleth(
        [Shape(4, "Afghanistan", "M0,0Z"), Shape(250, "France", "M1,1Z")],
        {4: 144_098.0},
        bins([144_098.0]),
        title="Migrants <2019>",
        unit="persons",
    )
    assert "<title>Afghanistan: 144,098 persons</title>" in svg
    assert "<title>France: no data</title>" in svg
    assert "Migrants &lt;2019&gt;" in svg


def test_map_speaks_the_language() -> None:
    shapes = [Shape(484, "Mexico", "M0,0L1,1Z"), Shape(250, "France", "M2,2L3,3Z")]
    with speaking("zh"):
        drawn = choropleth(shapes, {484: 1060707.0}, bins([1060707.0]), title="t", unit="persons")
        key = legend(bins([1060707.0]), "persons")
    assert "<title>墨西哥: 1,060,707 人</title>" in drawn
    assert "<title>法国: 无数据</title>" in drawn
    assert "无数据</li>" in key and 'aria-label="图例，人"' in key
