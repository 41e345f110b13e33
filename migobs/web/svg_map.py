"""The world choropleth as server-rendered SVG: classed fills, a title per country, and its
legend as HTML (so its text keeps its size on a phone, where the map shrinks).

Classes are quantiles of the values shown, filled from light to dark so that they read in grey
as well as in colour. Values of both signs (net migrants) get a diverging scale centred on 0:
orange below, blue above, darker further from zero. Areas without a value are hatched, and
every area carries a ``<title>`` with its name and value, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.charts.format import number, span, unit_words
from migobs.i18n.areas import area_name
from migobs.i18n.messages import gettext as _
from migobs.web.geo import HEIGHT, WIDTH, Shape

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
BELOW = ("#a63603", "#e6550d", "#fdae6b")  # darkest (most negative) first
ABOVE = ("#c6dbef", "#6baed6", "#08519c")  # lightest (nearest zero) first


@dataclass(frozen=True)
class Bin:
    """One class of the legend: values in [low, high]."""

    low: float
    high: float
    fill: str


def _quantile_edges(ordered: Sequence[float], count: int) -> list[float]:
    cuts = sorted(
        {ordered[min(len(ordered) - 1, (len(ordered) * i) // count)] for i in range(count)}
    )
    return [*cuts, ordered[-1]]


def bins(values: Sequence[float], count: int = len(PALETTE)) -> list[Bin]:
    """Classes of ``values``: quantiles on a light-to-dark scale (at most ``count``, fewer when
    values repeat), or :func:`diverging` classes when values fall on both sides of zero."""
    ordered = sorted(values)
    if not ordered:
        return []
    if ordered[0] < 0 < ordered[-1]:
        return diverging(ordered)
    edges = _quantile_edges(ordered, count)
    cuts = len(edges) - 1
    palette = PALETTE[len(PALETTE) - cuts :] if cuts < len(PALETTE) else PALETTE
    return [Bin(edges[i], edges[i + 1], palette[i]) for i in range(cuts)]


def diverging(ordered: Sequence[float]) -> list[Bin]:
    """Quantile classes of the negative values ending at 0 and of the others starting at 0,
    oranges below zero and blues above, lightest next to zero."""
    negative = [v for v in ordered if v < 0]
    rest = [v for v in ordered if v >= 0]
    below = _quantile_edges(negative, len(BELOW))[:-1] + [0.0]
    above = [0.0] + _quantile_edges(rest, len(ABOVE))[1:]
    if len(above) > 2 and above[1] == 0.0:
        above = [0.0, *above[2:]]
    low_fills = BELOW[len(BELOW) - (len(below) - 1) :]
    return [
        *(Bin(below[i], below[i + 1], low_fills[i]) for i in range(len(below) - 1)),
        *(Bin(above[i], above[i + 1], ABOVE[i]) for i in range(len(above) - 1)),
    ]


def fill_of(value: float | None, classes: Sequence[Bin]) -> str:
    """The fill of ``value``: its class's colour, or the hatch pattern when missing."""
    if value is None:
        return "url(#no-data)"
    for item in reversed(classes):
        if value >= item.low:
            return item.fill
    return classes[0].fill if classes else "url(#no-data)"


def choropleth(
    shapes: Sequence[Shape],
    values: Mapping[int, float],
    classes: Sequence[Bin],
    *,
    title: str,
    unit: str,
) -> Markup:
    """An SVG world map of ``values`` (area → value) filled by ``classes``."""
    paths, no_data = [], _("no data")
    for shape in shapes:
        value = values.get(shape.area)
        name = area_name(shape.area, None, shape.name)
        label = (
            f"{name}: {number(value)} {unit_words(unit)}"
            if value is not None
            else f"{name}: {no_data}"
        )
        paths.append(
            f'<path d="{shape.path}" fill="{fill_of(value, classes)}" data-area="{shape.area}">'
            f"<title>{escape(label)}</title></path>"
        )
    scale = (
        _("orange below zero, blue above, darker further from zero")
        if classes and classes[0].low < 0 < classes[-1].high
        else _("darker means higher")
    )
    summary = _("%(count)s areas with a value; %(scale)s. The table beside lists them.") % {
        "count": number(len(values)),
        "scale": scale,
    }
    return Markup(
        f'<svg class="chart map" viewBox="0 0 {WIDTH:.0f} {HEIGHT:.0f}" role="img" '
        f'aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(summary)}</desc>'
        '<defs><pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>'
        f'<g class="areas" fill-rule="evenodd" stroke="#666" stroke-width="0.3">{"".join(paths)}</g>'
        "</svg>"
    )


def legend(classes: Sequence[Bin], unit: str) -> Markup:
    """The legend as an HTML list: one swatch per class with its range, then no data."""
    items = [
        f'<li><span class="swatch" style="background:{b.fill}"></span>{escape(span(b.low, b.high))}</li>'
        for b in classes
    ]
    no_data = escape(_("no data"))
    items.append(f'<li><span class="swatch no-data"></span>{no_data}</li>')
    label = escape(_("Legend, %(unit)s") % {"unit": unit_words(unit)})
    return Markup(f'<ul class="legend" aria-label="{label}">{"".join(items)}</ul>')
