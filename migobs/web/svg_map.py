"""The world choropleth as server-rendered SVG: classed fills, a legend, a title per country.

Classes are quantiles of the values shown, filled from light to dark so that they read in grey
as well as in colour; areas without a value are hatched, and every area carries a ``<title>``
with its name and value, so nothing depends on colour alone.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from migobs.web.format import compact, number
from migobs.web.geo import HEIGHT, WIDTH, Shape

PALETTE = ("#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c")
LEGEND_HEIGHT = 40


@dataclass(frozen=True)
class Bin:
    """One class of the legend: values in [low, high]."""

    low: float
    high: float
    fill: str


def bins(values: Sequence[float], count: int = len(PALETTE)) -> list[Bin]:
    """Quantile classes of ``values`` (at most ``count``, fewer when values repeat)."""
    ordered = sorted(values)
    if not ordered:
        return []
    cuts = sorted(
        {ordered[min(len(ordered) - 1, (len(ordered) * i) // count)] for i in range(count)}
    )
    edges = [*cuts, ordered[-1]]
    palette = PALETTE[len(PALETTE) - len(cuts) :] if len(cuts) < len(PALETTE) else PALETTE
    return [Bin(edges[i], edges[i + 1], palette[i]) for i in range(len(cuts))]


def fill_of(value: float | None, classes: Sequence[Bin]) -> str:
    """The fill of ``value``: its class's colour, or the hatch pattern when missing."""
    if value is None:
        return "url(#no-data)"
    for item in reversed(classes):
        if value >= item.low:
            return item.fill
    return classes[0].fill if classes else "url(#no-data)"


def choropleth(
    shapes: Sequence[Shape], values: Mapping[int, float], *, title: str, unit: str
) -> Markup:
    """An SVG world map of ``values`` (area → value) with its legend below."""
    classes = bins(list(values.values()))
    paths = []
    for shape in shapes:
        value = values.get(shape.area)
        label = (
            f"{shape.name}: {number(value)} {unit}"
            if value is not None
            else f"{shape.name}: no data"
        )
        paths.append(
            f'<path d="{shape.path}" fill="{fill_of(value, classes)}" data-area="{shape.area}">'
            f"<title>{escape(label)}</title></path>"
        )
    height = HEIGHT + LEGEND_HEIGHT
    summary = f"{len(values)} areas with a value; darker means higher. The table beside lists them."
    return Markup(
        f'<svg class="chart map" viewBox="0 0 {WIDTH:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="map-title map-desc" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="map-title">{escape(title)}</title><desc id="map-desc">{escape(summary)}</desc>'
        '<defs><pattern id="no-data" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<line x1="0" y1="0" x2="0" y2="6" stroke="#999" stroke-width="2"/></pattern></defs>'
        f'<g class="areas" fill-rule="evenodd" stroke="#666" stroke-width="0.3">{"".join(paths)}</g>'
        f"{legend(classes, unit, HEIGHT)}</svg>"
    )


def legend(classes: Sequence[Bin], unit: str, top: float) -> str:
    """The legend row: one box per class with its range, then the no-data swatch."""
    items = [
        *((b.fill, f"{compact(b.low)}–{compact(b.high)}") for b in classes),
        ("url(#no-data)", "no data"),
    ]
    width = WIDTH / len(items)
    parts = [f'<g class="legend" font-size="13" aria-label="Legend, {escape(unit)}">']
    for i, (fill, text) in enumerate(items):
        x = i * width + 4
        parts.append(
            f'<rect x="{x:.0f}" y="{top + 8:.0f}" width="18" height="14" fill="{fill}" stroke="#333"/>'
            f'<text x="{x + 24:.0f}" y="{top + 20:.0f}">{escape(text)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)
