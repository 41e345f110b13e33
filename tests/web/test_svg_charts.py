from __future__ import annotations

from migobs.web.svg_charts import Series, bar_chart, line_chart


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
    assert ">Immigrants</text>" in svg and ">Emigrants</text>" in svg
    assert 'stroke-dasharray="6 3"' in svg  # second series dashed, not only coloured
    assert "Latest: Immigrants 150 in 2019, Emigrants 80 in 2010." in svg


def test_empty_charts_say_so() -> None:
    assert "No values." in line_chart([], title="x", unit="u", ident="a")
    assert "No values." in bar_chart([], title="x", unit="u", ident="b")


def test_bar_chart_writes_values_as_text() -> None:
    svg = bar_chart(
        [("Mexico", 11_489_684.0), ("India", 2_700_000.0)], title="t", unit="persons", ident="c"
    )
    assert ">11,489,684</text>" in svg and ">Mexico</text>" in svg
