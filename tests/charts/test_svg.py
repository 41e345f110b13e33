from __future__ import annotations

import re

from migobs.charts.svg import NARROW, WIDE, Series, bar_chart, line_chart


def _layout(svg: str, name: str) -> str:
    found = re.search(rf'<svg class="chart {name}".*?</svg>', svg, re.S)
    assert found, name
    return found.group(0)


def test_line_chart_labels_series_directly_and_summarises() -> None:
    svg = line_chart(
        [
            Series("Immigrants", ((2010, 100.0), (2019, 150.0))),
            Series("Emigrants", ((2010, 80.0),)),
        ],
        title="Migrants",
        unit="persons",
        ident="t",
    )
    assert ">Immigrants</tspan>" in svg and ">Emigrants</tspan>" in svg
    assert 'stroke-dasharray="6 3"' in svg  # second series dashed, not only coloured
    assert "Latest: Immigrants 150 in 2019, Emigrants 80 in 2010." in svg


def test_each_chart_comes_wide_and_narrow_with_its_own_ids() -> None:
    svg = line_chart([Series("A", ((2000, 1.0), (2001, 2.0)))], title="x", unit="u", ident="a")
    wide, narrow = _layout(svg, "wide"), _layout(svg, "narrow")
    assert f'viewBox="0 0 {WIDE.width} {WIDE.height}"' in wide
    assert f'viewBox="0 0 {NARROW.width} {NARROW.height}"' in narrow
    assert 'id="a-wide-title"' in wide and 'id="a-narrow-title"' in narrow


def test_y_ticks_are_round_numbers() -> None:
    series = [Series("Share", ((2000, 0.2), (2010, 0.929)))]
    wide = _layout(line_chart(series, title="x", unit="percent", ident="s"), "wide")
    ticks = re.findall(r'text-anchor="end">([^<]+)</text>', wide)
    assert ticks == ["0", "0.2", "0.4", "0.6", "0.8", "1"]
    assert "0.232" not in wide


def test_axis_does_not_add_a_negative_step_for_a_small_dip() -> None:
    series = [
        Series("Remittances", ((2000, 1e9), (2020, 67.6e9))),
        Series("Aid", ((2000, -40_460_056.0), (2020, 5e8))),
    ]
    wide = _layout(line_chart(series, title="x", unit="US$", ident="r"), "wide")
    ticks = re.findall(r'text-anchor="end">([^<]+)</text>', wide)
    assert ticks[0] == "0" and ticks[-1] == "80B"
    assert not any(t.startswith("−") for t in ticks)


def test_long_labels_wrap_and_stay_inside_the_drawing() -> None:
    series = [
        Series("Remittances received", ((2000, 10.0), (2020, 100.0))),
        Series("Official aid received", ((2000, 5.0), (2020, 98.0))),
        Series("Remittances paid", ((2000, 1.0), (2020, 0.0))),
        Series("World Bank/KNOMAD 2017", ((2000, 1.0), (2020, 50.0))),
    ]
    svg = line_chart(series, title="x", unit="US$", ident="w")
    for layout in (WIDE, NARROW):
        drawn = _layout(svg, layout.name)
        assert "…" not in drawn
        for x, y in re.findall(r'<tspan x="([\d.]+)" y="([-\d.]+)">', drawn):
            assert 0 < float(y) <= layout.height
            assert float(x) <= layout.width - layout.right + 8.5
    assert ">Remittances</tspan>" in svg and ">received</tspan>" in svg
    narrow = _layout(svg, "narrow")  # three short lines rather than a cut one
    assert ">World</tspan>" in narrow and ">Bank/KNOMAD</tspan>" in narrow


def test_empty_charts_say_so() -> None:
    assert "No values." in line_chart([], title="x", unit="u", ident="a")
    assert "No values." in bar_chart([], title="x", unit="u", ident="b")


def test_bar_chart_writes_values_as_text() -> None:
    svg = bar_chart(
        [("Mexico", 11_489_684.0), ("India", 2_700_000.0)], title="t", unit="persons", ident="c"
    )
    assert ">11,489,684</text>" in svg and ">Mexico</text>" in svg
    assert 'class="chart narrow"' in svg


def test_labels_pushed_up_from_the_bottom_leave_far_ones_in_place() -> None:
    from migobs.charts.svg import LINE, _spread

    tops = _spread([100.0, 298.0, 299.0], [LINE, LINE, LINE], bottom=300.0)
    assert tops[0] == 100.0  # far from the others: at its line's end
    assert tops[2] <= 300.0 - LINE / 2 and tops[2] - tops[1] >= LINE
