"""Natural Earth 1:110m Admin 0 countries: the GeoJSON feature collection, for maps.

One feature per country or territory, with Natural Earth's attributes; the ones read (listed in
the ``layout`` of ``natural_earth.yml``) are its own ``ADM0_A3``, the ISO 3166 alpha-3 and numeric
codes (``-99`` where Natural Earth has none, e.g. France's ISO_A3 or Kosovo), the short name and
the admin name. Geometries come back as GeoJSON text, unchanged. The world-atlas TopoJSON of the
same edition is catalogued for the dashboard and not parsed here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from migobs.errors import LayoutError
from migobs.sources._layout import layout

SOURCE = "natural_earth"


@dataclass(frozen=True)
class FeaturesLayout:
    """The attributes every feature must have (``properties`` of ``natural_earth.yml``)."""

    properties: tuple[str, ...]


def read(path: Path, edition: str) -> pd.DataFrame:
    """Every feature of the GeoJSON file.

    Returns
    -------
    DataFrame
        ``adm0_a3``, ``iso_a3``, ``iso_n3``, ``name``, ``admin`` (text as stated, ``-99``
        kept), ``geometry`` (GeoJSON text) and ``feature``: the 0-based index of the feature.

    Raises
    ------
    LayoutError
        The file is not JSON, not a FeatureCollection, or a feature lacks an attribute.
    """
    spec = layout(SOURCE, edition, FeaturesLayout)
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise LayoutError(
            f"{path.name}: not JSON text ({error}); the file is truncated or altered."
        ) from error
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise LayoutError(f"{path.name}: not a GeoJSON FeatureCollection.")
    records = [_feature(path, i, f, spec.properties) for i, f in enumerate(data["features"])]
    return pd.DataFrame(records)


def _feature(path: Path, index: int, feature: Any, wanted: tuple[str, ...]) -> dict[str, Any]:
    properties = feature.get("properties") or {}
    missing = [name for name in wanted if name not in properties]
    if missing or not feature.get("geometry"):
        raise LayoutError(
            f"{path.name}, feature {index}: lacks {missing or ['geometry']}; the attribute set "
            f"changed."
        )
    record: dict[str, Any] = {name.lower(): str(properties[name]) for name in wanted}
    record["geometry"] = json.dumps(feature["geometry"], separators=(",", ":"))
    record["feature"] = index
    return record
