"""A flow view of the largest corridors: origins on the left, destinations on the right, one
band per corridor whose width is its stock, each labelled with its value (no colour needed)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.web.format import number, short

W = 640
ROW = 34
LABEL = 150
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
    x0, x1 = LABEL, W - LABEL
    parts = []
    for f in flows:
        y0, y1 = left[f.origin], right[f.destination]
        width = max(1.5, MAX_BAND * f.value / top)
        mid = (x0 + x1) / 2
        label = f"{f.origin} → {f.destination}: {number(f.value)} persons"
        parts.append(
            f'<path d="M{x0},{y0:.1f} C{mid},{y0:.1f} {mid},{y1:.1f} {x1},{y1:.1f}" fill="none" '
            f'stroke="#3182bd" stroke-opacity="0.55" stroke-width="{width:.1f}">'
            f"<title>{escape(label)}</title></path>"
        )
    for name, y in left.items():
        parts.append(
            f'<text x="{x0 - 6}" y="{y + 4:.1f}" text-anchor="end"><title>{escape(name)}</title>'
            f"{escape(short(name, 22))}</text>"
        )
    for name, y in right.items():
        parts.append(
            f'<text x="{x1 + 6}" y="{y + 4:.1f}"><title>{escape(name)}</title>'
            f"{escape(short(name, 22))}</text>"
        )
    summary = "; ".join(f"{f.origin} to {f.destination} {number(f.value)}" for f in flows[:5])
    return Markup(
        f'<svg class="chart flows" viewBox="0 0 {W} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{ident}-title">{escape(title)}</title>'
        f'<desc id="{ident}-desc">Origins left, destinations right; band width is the number '
        f"of migrants. Largest: {escape(summary)}.</desc>"
        f'<g font-size="12">{"".join(parts)}</g></svg>'
    )
