"""A flow view of the largest corridors: origins on the left, destinations on the right, one
band per corridor whose width is its stock, each labelled with its value (no colour needed).

Drawn in the wide and the narrow layout of :mod:`migobs.charts.svg`, so its text keeps a
readable size at any width. Names are never cut: a long one wraps onto as many lines as it
needs, and its row grows to hold them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.charts.format import lines_of, number
from migobs.charts.svg import CHAR, LINE, ChartLayout, both_layouts, frame
from migobs.i18n.messages import gettext as _

ROW = 34
MAX_BAND = 22.0
LABEL_SHARE = {"wide": 0.3, "narrow": 0.36}
"""The share of the drawing's width each column of names takes, per layout."""


@dataclass(frozen=True)
class Flow:
    """One corridor: origin and destination names and the stock (persons)."""

    origin: str
    destination: str
    value: float


def _positions(labels: dict[str, list[str]]) -> tuple[dict[str, float], float]:
    """The centre of each name's row (rows grow with the lines of their name), and the bottom."""
    centres, y = {}, 12.0
    for name, lines in labels.items():
        row = max(ROW, len(lines) * LINE + 8)
        centres[name] = y + row / 2
        y += row
    return centres, y


def flow_view(flows: Sequence[Flow], *, title: str, ident: str) -> Markup:
    """The bipartite flow diagram of ``flows`` (largest first as given)."""
    top = max((f.value for f in flows), default=1.0) or 1.0
    listed = "; ".join(
        _("%(origin)s to %(destination)s %(value)s")
        % {"origin": f.origin, "destination": f.destination, "value": number(f.value)}
        for f in flows[:5]
    )
    summary = _(
        "Origins left, destinations right; band width is the number of migrants. "
        "Largest: %(corridors)s."
    ) % {"corridors": listed}

    def draw(layout: ChartLayout) -> Markup:
        label = layout.width * LABEL_SHARE[layout.name]
        chars = int((label - 8) / CHAR)
        names = [
            {name: lines_of(name, chars) for name in dict.fromkeys(side)}
            for side in ([f.origin for f in flows], [f.destination for f in flows])
        ]
        (left, bottom_left), (right, bottom_right) = (_positions(n) for n in names)
        height = max(bottom_left, bottom_right, 40) + 8
        x0, x1 = label, layout.width - label
        mid = (x0 + x1) / 2
        parts = []
        for f in flows:
            y0, y1 = left[f.origin], right[f.destination]
            width = max(1.5, MAX_BAND * f.value / top)
            text = _("%(origin)s → %(destination)s: %(value)s persons") % {
                "origin": f.origin,
                "destination": f.destination,
                "value": number(f.value),
            }
            parts.append(
                f'<path d="M{x0:.0f},{y0:.1f} C{mid:.0f},{y0:.1f} {mid:.0f},{y1:.1f} {x1:.0f},{y1:.1f}" '
                f'fill="none" stroke="#3182bd" stroke-opacity="0.55" stroke-width="{width:.1f}">'
                f"<title>{escape(text)}</title></path>"
            )
        for centres, lines, x, anchor in (
            (left, names[0], x0 - 6, "end"),
            (right, names[1], x1 + 6, "start"),
        ):
            parts += [_label(name, lines[name], x, y, anchor) for name, y in centres.items()]
        return frame(layout, title, summary, ident, "".join(parts), height)

    return both_layouts(draw)


def _label(name: str, lines: list[str], x: float, centre: float, anchor: str) -> str:
    """A name as lines of text centred on ``centre``."""
    first = centre + 4 - (len(lines) - 1) * LINE / 2
    spans = "".join(
        f'<tspan x="{x:.0f}" y="{first + k * LINE:.1f}">{escape(line)}</tspan>'
        for k, line in enumerate(lines)
    )
    return f'<text text-anchor="{anchor}"><title>{escape(name)}</title>{spans}</text>'
