"""Line and bar charts as server-rendered SVG, readable without colour.

Each series of a line chart has its own dash pattern and marker and is labelled directly at its
last point; bars carry their value as text. Every chart has a ``<title>`` and a ``<desc>``
summarising it; the page puts the same numbers in a table beside it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.web.format import compact, number, short

W, H = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 140, 24, 36
DASHES = ("", "6 3", "2 3", "8 3 2 3")
COLOURS = ("#08519c", "#a63603", "#238b45", "#54278f")
MARKERS = ("circle", "square", "triangle", "diamond")


@dataclass(frozen=True)
class Series:
    """One line: a label and its (year, value) points in year order."""

    label: str
    points: tuple[tuple[int, float], ...]


def _scale(low: float, high: float, start: float, end: float) -> tuple[float, float]:
    span = (high - low) or 1.0
    return start, (end - start) / span


def _marker(kind: str, x: float, y: float, colour: str) -> str:
    if kind == "square":
        return f'<rect x="{x - 3.5:.1f}" y="{y - 3.5:.1f}" width="7" height="7" fill="{colour}"/>'
    if kind == "triangle":
        return f'<path d="M{x:.1f},{y - 4.5:.1f}L{x + 4.5:.1f},{y + 3.5:.1f}L{x - 4.5:.1f},{y + 3.5:.1f}Z" fill="{colour}"/>'
    if kind == "diamond":
        return f'<path d="M{x:.1f},{y - 5:.1f}L{x + 5:.1f},{y:.1f}L{x:.1f},{y + 5:.1f}L{x - 5:.1f},{y:.1f}Z" fill="{colour}"/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3.5" fill="{colour}"/>'


def _frame(title: str, summary: str, ident: str, body: str, height: float = H) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {W} {height:.0f}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">{escape(summary)}</desc>{body}</svg>'
    )


def line_chart(series: Sequence[Series], *, title: str, unit: str, ident: str) -> Markup:
    """Lines over years with y from zero, axes, ticks and a direct label per series."""
    points = [p for s in series for p in s.points]
    if not points:
        return _frame(title, "No values.", ident, '<text x="20" y="40">No values.</text>')
    years = [p[0] for p in points]
    y_max = max(max(p[1] for p in points), 0.0)
    y_min = min(min(p[1] for p in points), 0.0)
    x0, kx = _scale(min(years), max(years), LEFT, W - RIGHT)
    y0, ky = _scale(y_min, y_max, H - BOTTOM, TOP)
    x_min = min(years)

    def xy(year: int, value: float) -> tuple[float, float]:
        return x0 + (year - x_min) * kx, y0 + (value - y_min) * ky

    body = [_axes(sorted(set(years)), (y_min, y_max), xy, unit)]
    label_y = _spread([xy(*s.points[-1])[1] for s in series])
    for i, s in enumerate(series):
        colour, dash, marker = COLOURS[i % 4], DASHES[i % 4], MARKERS[i % 4]
        coords = [xy(year, value) for year, value in s.points]
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        body.append(
            f'<g class="series"><polyline points="{line}" fill="none" stroke="{colour}" '
            f'stroke-width="2" stroke-dasharray="{dash}"/>'
            + "".join(_marker(marker, x, y, colour) for x, y in coords)
            + f'<text x="{coords[-1][0] + 8:.1f}" y="{label_y[i] + 4:.1f}" fill="{colour}">'
            f"<title>{escape(s.label)}</title>{escape(short(s.label, 18))}</text></g>"
        )
    last = ", ".join(
        f"{s.label} {number(s.points[-1][1])} in {s.points[-1][0]}" for s in series if s.points
    )
    return _frame(
        title, f"{unit} from {min(years)} to {max(years)}. Latest: {last}.", ident, "".join(body)
    )


def _spread(ys: list[float], gap: float = 14.0) -> list[float]:
    """Label positions near ``ys`` at least ``gap`` apart, in the same order."""
    order = sorted(range(len(ys)), key=lambda i: ys[i])
    placed = list(ys)
    for before, after in zip(order, order[1:], strict=False):
        placed[after] = max(placed[after], placed[before] + gap)
    return placed


def _axes(
    years: list[int],
    y_range: tuple[float, float],
    xy: Callable[[int, float], tuple[float, float]],
    unit: str,
) -> str:
    low, high = y_range
    parts = ['<g class="axes" font-size="12" fill="#333">']
    for k in range(5):
        value = low + (high - low) * k / 4
        _, y = xy(years[0], value)
        parts.append(
            f'<line x1="{LEFT}" x2="{W - RIGHT}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">{compact(value)}</text>'
        )
    last_x = -1e9
    for year in years:
        x, _ = xy(year, low)
        if x - last_x < 40:
            continue
        last_x = x
        parts.append(f'<text x="{x:.1f}" y="{H - BOTTOM + 18}" text-anchor="middle">{year}</text>')
    parts.append(f'<text x="4" y="14">{escape(unit)}</text></g>')
    return "".join(parts)


def bar_chart(items: Sequence[tuple[str, float]], *, title: str, unit: str, ident: str) -> Markup:
    """Horizontal bars, largest first as given, each with its label and value as text."""
    if not items:
        return _frame(title, "No values.", ident, '<text x="20" y="40">No values.</text>')
    top = max(v for _, v in items) or 1.0
    row = 28.0
    label_width = 180
    span = W - label_width - 90
    body = ['<g font-size="12">']
    for i, (label, value) in enumerate(items):
        y = TOP + i * row
        width = max(1.0, span * value / top)
        body.append(
            f'<text x="{label_width - 6}" y="{y + row * 0.65:.1f}" text-anchor="end">'
            f"<title>{escape(label)}</title>{escape(short(label))}</text>"
            f'<rect x="{label_width}" y="{y + 3:.1f}" width="{width:.1f}" height="{row - 6:.1f}" fill="{COLOURS[0]}"/>'
            f'<text x="{label_width + width + 6:.1f}" y="{y + row * 0.65:.1f}">{number(value)}</text>'
        )
    body.append("</g>")
    summary = (
        f"{unit}; largest: " + ", ".join(f"{label} {number(v)}" for label, v in items[:3]) + "."
    )
    return _frame(title, summary, ident, "".join(body), TOP + row * len(items) + 8)
