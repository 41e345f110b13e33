"""A flow view of the largest corridors: origins on the left, destinations on the right, one
band per corridor whose width is its stock, each labelled with its value (no colour needed).

Drawn in the wide and the narrow layout of :mod:`migobs.charts.svg` (shorter names on a
phone), so its text keeps a readable size at any width.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.charts.format import number, short
from migobs.charts.svg import CHAR, ChartLayout, both_layouts, frame

ROW = 34
MAX_BAND = 22.0


@dataclass(frozen=True)
class Flow:
    """One corridor: origin and destination names and the stock (persons)."""

    origin: str
    destination: str
    value: float


def _positions(names: Sequence[str]) -> dict[str, float]:
    return {name: 30 + i * ROW for i, name in enumerate(dict.fromkeys(names))}


def flow_view(flows: Sequence[Flow], *, title: str, ident: str) -> Markup:
    """The bipartite flow diagram of ``flows`` (largest first as given)."""
    left = _positions([f.origin for f in flows])
    right = _positions([f.destination for f in flows])
    height = 40 + ROW * max(len(left), len(right), 1)
    top = max((f.value for f in flows), default=1.0) or 1.0
    listed = "; ".join(f"{f.origin} to {f.destination} {number(f.value)}" for f in flows[:5])
    summary = (
        "Origins left, destinations right; band width is the number of migrants. "
        f"Largest: {listed}."
    )

    def draw(layout: ChartLayout) -> Markup:
        label = layout.width * 0.3
        chars = int((label - 8) / CHAR)
        x0, x1 = label, layout.width - label
        mid = (x0 + x1) / 2
        parts = []
        for f in flows:
            y0, y1 = left[f.origin], right[f.destination]
            width = max(1.5, MAX_BAND * f.value / top)
            text = f"{f.origin} → {f.destination}: {number(f.value)} persons"
            parts.append(
                f'<path d="M{x0:.0f},{y0:.1f} C{mid:.0f},{y0:.1f} {mid:.0f},{y1:.1f} {x1:.0f},{y1:.1f}" '
                f'fill="none" stroke="#3182bd" stroke-opacity="0.55" stroke-width="{width:.1f}">'
                f"<title>{escape(text)}</title></path>"
            )
        for names, x, anchor in ((left, x0 - 6, "end"), (right, x1 + 6, "start")):
            parts += [
                f'<text x="{x:.0f}" y="{y + 4:.1f}" text-anchor="{anchor}">'
                f"<title>{escape(name)}</title>{escape(short(name, chars))}</text>"
                for name, y in names.items()
            ]
        return frame(layout, title, summary, ident, "".join(parts), height)

    return both_layouts(draw)
