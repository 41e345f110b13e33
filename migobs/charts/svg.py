"""Line and bar charts as server-rendered SVG, readable without colour and on a phone.

Each series of a line chart has its own dash pattern and marker and is labelled directly at its
last point; bars carry their value as text. Every chart has a ``<title>`` and a ``<desc>``
summarising it; the page puts the same numbers in a table beside it.

SVG text scales with the drawing, so each chart is drawn twice: a wide layout for screens and a
narrow one (fewer ticks, shorter labels) that the stylesheet shows instead below 600 px, where
its text renders at about its own size (13 px) rather than shrunk to a third.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.charts.format import abbreviated, nice_ticks, number, short, unit_words, wrap
from migobs.i18n.messages import gettext as _

DASHES = ("", "6 3", "2 3", "8 3 2 3")
COLOURS = ("#08519c", "#a63603", "#238b45", "#54278f")
MARKERS = ("circle", "square", "triangle", "diamond")
FONT = 13
CHAR = FONT * 0.62
"""Room for one character of label text: a generous average advance of sans-serif fonts (labels
are cut to what fits, so a wider font than assumed would clip them at the drawing's edge)."""
MAX_MARKERS = 16
LINE = FONT + 2


@dataclass(frozen=True)
class ChartLayout:
    """Where a chart draws: its size, margins, number of y ticks and the least room between
    year labels."""

    name: str
    width: int
    height: int
    left: int
    right: int
    ticks: int
    year_gap: int
    top: int = 24
    bottom: int = 36

    @property
    def label_chars(self) -> int:
        """Characters of an end label that fit the right margin."""
        return int((self.right - 10) / CHAR)


WIDE = ChartLayout("wide", 640, 320, 64, 150, 5, 44)
NARROW = ChartLayout("narrow", 360, 300, 52, 116, 4, 48)
LAYOUTS = (WIDE, NARROW)


@dataclass(frozen=True)
class Series:
    """One line: a label and its (year, value) points in year order; optionally an interval
    band of (year, low, high) drawn behind it (e.g. a flow ensemble's 90% interval)."""

    label: str
    points: tuple[tuple[int, float], ...]
    band: tuple[tuple[int, float, float], ...] = ()


PRINT = ChartLayout("print", 640, 280, 64, 16, 5, 44)
"""A page's width, for a chart whose series a key beside it names (the PDF reports: WeasyPrint
draws SVG text letter by letter, which would break Arabic labels apart)."""


def both_layouts(
    draw: Callable[[ChartLayout], Markup], layouts: Sequence[ChartLayout] = LAYOUTS
) -> Markup:
    """``draw`` in each of ``layouts`` (by default the wide and the narrow one, one after the
    other: CSS shows one)."""
    return Markup("").join(draw(layout) for layout in layouts)


def swatch(i: int) -> Markup:
    """The line, dash pattern and marker of the ``i``-th series, small, for a key."""
    colour, dash = COLOURS[i % 4], DASHES[i % 4]
    return Markup(
        '<svg class="swatch" viewBox="0 0 28 10" width="28" height="10" aria-hidden="true" '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<line x1="0" x2="28" y1="5" y2="5" stroke="{colour}" stroke-width="2" '
        f'stroke-dasharray="{dash}"/>{_marker(MARKERS[i % 4], 14, 5, colour)}</svg>'
    )


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f},{y - 4.5:.1f}L{x + 4.5:.1f},{y + 3.5:.1f}L{x - 4.5:.1f},{y + 3.5:.1f}Z" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f},{y - 5:.1f}L{x + 5:.1f},{y:.1f}L{x:.1f},{y + 5:.1f}L{x - 5:.1f},{y:.1f}Z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def frame(
    layout: ChartLayout, title: str, summary: str, ident: str, body: str, height: float
) -> Markup:
    """The ``<svg>`` of one layout with its title and description (ids made unique per layout)."""
    key = f"{ident}-{layout.name}"
    return Markup(
        f'<svg class="chart {layout.name}" viewBox="0 0 {layout.width} {height:.0f}" role="img" '
        f'aria-labelledby="{key}-title {key}-desc" font-size="{FONT}" '
        f'xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{key}-title">{escape(title)}</title>'
        f'<desc id="{key}-desc">{escape(summary)}</desc>{body}</svg>'
    )


def _empty(title: str, ident: str, layouts: Sequence[ChartLayout] = LAYOUTS) -> Markup:
    none = _("No values.")
    return both_layouts(
        lambda layout: frame(layout, title, none, ident, f'<text x="20" y="40">{none}</text>', 60),
        layouts,
    )


def line_chart(
    series: Sequence[Series],
    *,
    title: str,
    unit: str,
    ident: str,
    layouts: Sequence[ChartLayout] = LAYOUTS,
) -> Markup:
    """Lines over years on round y ticks (from zero unless a value is below it), axes and a
    direct label per series (none for a series labelled ``""``), in each of ``layouts``."""
    points = [p for s in series for p in s.points]
    if not points:
        return _empty(title, ident, layouts)
    unit = unit_words(unit)
    last = ", ".join(
        _("%(label)s %(value)s in %(year)s")
        % {"label": s.label, "value": number(s.points[-1][1]), "year": s.points[-1][0]}
        for s in series
        if s.points
    )
    years = [p[0] for p in points]
    summary = _("%(unit)s from %(first)s to %(last)s. Latest: %(values)s.") % {
        "unit": unit,
        "first": min(years),
        "last": max(years),
        "values": last,
    }
    values = [p[1] for p in points] + [v for s in series for b in s.band for v in b[1:]]
    low, high = min(min(values), 0.0), max(max(values), 0.0)

    def draw(layout: ChartLayout) -> Markup:
        ticks, bottom = y_axis(low, high, layout.ticks)
        x_low, x_high = min(years), max(years)
        plot_w = layout.width - layout.left - layout.right
        plot_h = layout.height - layout.top - layout.bottom

        def xy(year: int, value: float) -> tuple[float, float]:
            x = layout.left + (year - x_low) * plot_w / ((x_high - x_low) or 1)
            y = layout.top + plot_h * (ticks[-1] - value) / (ticks[-1] - bottom)
            return x, y

        body = [_axes(layout, sorted(set(years)), ticks, xy, unit)]
        labels = [wrap(s.label, layout.label_chars, lines=3) for s in series]
        tops = _spread(
            [xy(*s.points[-1])[1] for s in series],
            [LINE * len(lines) for lines in labels],
            layout.height - layout.bottom + 4,  # above the year labels
        )
        for i, s in enumerate(series):
            if s.band:
                body.append(_band(i, s, xy))
            body.append(
                _line(i, [xy(year, value) for year, value in s.points], s.label, labels[i], tops[i])
            )
        return frame(layout, title, summary, ident, "".join(body), layout.height)

    return both_layouts(draw, layouts)


def y_axis(low: float, high: float, count: int) -> tuple[list[float], float]:
    """Round ticks for values from ``low`` to ``high`` and the bottom of the axis: the lowest
    tick, unless the values dip only a little below the next one (net aid a few million below
    zero on an axis of billions), where the axis ends at the lowest value instead of adding a
    whole step of empty space below zero."""
    ticks = nice_ticks(low, high, count)
    step = ticks[1] - ticks[0]
    if len(ticks) > 2 and ticks[1] - low < 0.25 * step:
        return ticks[1:], low
    return ticks, ticks[0]


def _band(i: int, s: Series, xy: Callable[[int, float], tuple[float, float]]) -> str:
    """The series' interval as a translucent area: highs left to right, lows back."""
    edge = [xy(year, high) for year, _, high in s.band]
    edge += [xy(year, low) for year, low, _ in reversed(s.band)]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in edge)
    title = escape(_("%(label)s: 90%% interval") % {"label": s.label})
    return (
        f'<polygon class="band" points="{path}" fill="{COLOURS[i % 4]}" fill-opacity="0.18" '
        f'stroke="none"><title>{title}</title></polygon>'
    )


def _line(
    i: int, coords: list[tuple[float, float]], label: str, lines: list[str], top: float
) -> str:
    colour, dash, marker = COLOURS[i % 4], DASHES[i % 4], MARKERS[i % 4]
    path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
    every = -(-len(coords) // MAX_MARKERS)  # long series: a marker on every n-th point and the last
    marked = [*coords[:-1:every], coords[-1]]
    x = coords[-1][0] + 8
    spans = "".join(
        f'<tspan x="{x:.1f}" y="{top + FONT * 0.35 + k * LINE:.1f}">{escape(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    return (
        f'<g class="series"><polyline points="{path}" fill="none" stroke="{colour}" '
        f'stroke-width="2" stroke-dasharray="{dash}"/>'
        + "".join(_marker(marker, px, py, colour) for px, py in marked)
        + f'<text fill="{colour}"><title>{escape(label)}</title>{spans}</text></g>'
    )


def _spread(ys: list[float], heights: list[float], bottom: float) -> list[float]:
    """Tops of labels of ``heights`` near ``ys``, not overlapping, in the same order; those
    that would pass ``bottom`` are moved up, and the ones above them only as far as needed."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = [y - (h - LINE) / 2 for y, h in zip(ys, heights, strict=True)]
    for before, after in zip(order, order[1:], strict=False):
        placed[after] = max(placed[after], placed[before] + heights[before])
    lowest = order[-1]
    placed[lowest] = min(placed[lowest], bottom - heights[lowest] + LINE / 2)
    for after, before in zip(order[::-1], order[-2::-1], strict=False):
        placed[before] = min(placed[before], placed[after] - heights[before])
    return placed


def _axes(
    layout: ChartLayout,
    years: list[int],
    ticks: list[float],
    xy: Callable[[int, float], tuple[float, float]],
    unit: str,
) -> str:
    right = layout.width - layout.right
    parts = ['<g class="axes" fill="#333">']
    for value in ticks:
        _, y = xy(years[0], value)
        stroke = "#888" if value == 0 else "#ddd"
        parts.append(
            f'<line x1="{layout.left}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{stroke}"/>'
            f'<text x="{layout.left - 6}" y="{y + 4:.1f}" text-anchor="end">{abbreviated(value)}</text>'
        )
    last_x = -1e9
    for year in years:
        x, _ = xy(year, ticks[0])
        if x - last_x < layout.year_gap:
            continue
        last_x = x
        parts.append(
            f'<text x="{x:.1f}" y="{layout.height - layout.bottom + 20}" '
            f'text-anchor="middle">{year}</text>'
        )
    parts.append(f'<text x="4" y="15">{escape(unit)}</text></g>')
    return "".join(parts)


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, unit: str, ident: str) -> Markup:
    """Horizontal bars, largest first as given, each with its label and value as text."""
    if not items:
        return _empty(title, ident)
    unit = unit_words(unit)
    largest = ", ".join(f"{label} {number(v)}" for label, v in items[:3])
    summary = _("%(unit)s; largest: %(values)s.") % {"unit": unit, "values": largest}
    top = max(v for _, v in items) or 1.0
    row = 28.0

    def draw(layout: ChartLayout) -> Markup:
        label_width = layout.width * 0.3
        span = layout.width - label_width - 96
        chars = int((label_width - 8) / CHAR)
        body = []
        for i, (label, value) in enumerate(items):
            y = 8 + i * row
            width = max(1.0, span * value / top)
            body.append(
                f'<text x="{label_width - 6:.0f}" y="{y + row * 0.65:.1f}" text-anchor="end">'
                f"<title>{escape(label)}</title>{escape(short(label, chars))}</text>"
                f'<rect x="{label_width:.0f}" y="{y + 3:.1f}" width="{width:.1f}" height="{row - 6:.1f}" fill="{COLOURS[0]}"/>'
                f'<text x="{label_width + width + 6:.1f}" y="{y + row * 0.65:.1f}">{number(value)}</text>'
            )
        return frame(layout, title, summary, ident, "".join(body), 16 + row * len(items))

    return both_layouts(draw)
