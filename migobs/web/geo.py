"""World shapes for the choropleth: GeoJSON polygons projected to SVG paths (Equal Earth).

The projection is the Equal Earth projection of Šavrič, Patterson and Jenny (2018), an
equal-area pseudocylindrical projection, written out here so that no mapping library is needed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

A1, A2, A3, A4 = 1.340264, -0.081106, 0.000893, 0.003796
M = math.sqrt(3) / 2
X_MAX = 2.7066297319215575  # x of (180°, 0°)
Y_MAX = 1.3173627591574133  # y of (0°, 90°)
WIDTH = 960.0
HEIGHT = round(WIDTH * Y_MAX / X_MAX, 1)


@dataclass(frozen=True)
class Shape:
    """One area's outline as an SVG path in the map's ``0 0 WIDTH HEIGHT`` box."""

    area: int
    name: str
    path: str


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Project longitude and latitude in degrees to Equal Earth x, y (unit sphere).

    Returns
    -------
    (x, y) with x in [-2.71, 2.71] and y in [-1.32, 1.32], north up.
    """
    lam = math.radians(lon)
    theta = math.asin(M * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = lam * math.cos(theta) / (M * (A1 + 3 * A2 * t2 + t6 * (7 * A3 + 9 * A4 * t2)))
    y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2))
    return x, y


def to_svg(lon: float, lat: float) -> tuple[float, float]:
    """Project to the SVG box: origin top left, y down."""
    x, y = equal_earth(lon, lat)
    return (x + X_MAX) / (2 * X_MAX) * WIDTH, (Y_MAX - y) / (2 * Y_MAX) * HEIGHT


def ring_path(ring: Sequence[Sequence[float]]) -> str:
    """An SVG subpath for one closed ring of [lon, lat] points, to 0.1 px."""
    points = [to_svg(lon, lat) for lon, lat, *_ in ring]
    head, *tail = points
    return f"M{head[0]:.1f},{head[1]:.1f}" + "".join(f"L{x:.1f},{y:.1f}" for x, y in tail) + "Z"


def geometry_path(geometry: Mapping[str, Any]) -> str:
    """The SVG path of a GeoJSON Polygon or MultiPolygon (holes drawn with evenodd fill)."""
    kind = geometry.get("type")
    coordinates = geometry.get("coordinates", [])
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return "".join(ring_path(ring) for polygon in polygons for ring in polygon)


def shapes(rows: Iterable[tuple[int, str, Mapping[str, Any]]]) -> list[Shape]:
    """Shapes for ``(area, name, geometry)`` rows, in the order given."""
    return [Shape(area, name, geometry_path(geometry)) for area, name, geometry in rows]


def natural_earth_rows(
    collection: Mapping[str, Any], iso3_to_m49: Mapping[str, int]
) -> list[tuple[int, str, Mapping[str, Any]]]:
    """``(area, name, geometry)`` for the features of a Natural Earth admin-0 GeoJSON.

    The area is ``ISO_N3`` (M49 uses the ISO numeric codes); where Natural Earth has ``-99``
    (Norway, Kosovo, ...) the ``ADM0_A3`` code is looked up in ``iso3_to_m49``; features
    with neither are left out.
    """
    rows = []
    for feature in collection.get("features", []):
        props = feature.get("properties", {})
        numeric = str(props.get("ISO_N3", "-99"))
        area = int(numeric) if numeric.isdigit() else iso3_to_m49.get(str(props.get("ADM0_A3")))
        if area is not None:
            rows.append((area, str(props.get("NAME", "")), feature["geometry"]))
    return rows
