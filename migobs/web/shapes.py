"""The world's outlines for the map: the ``boundaries`` table, or Natural Earth until it is loaded."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import duckdb

from migobs.config import Settings
from migobs.sources.catalog import file_spec
from migobs.warehouse.read import atlas
from migobs.web.geo import Shape, natural_earth_rows, shapes


def world_shapes(con: duckdb.DuckDBPyConnection, settings: Settings) -> tuple[Shape, ...]:
    """Projected outlines of every area with a boundary.

    Read from the warehouse's ``boundaries`` table; while that is empty, from the Natural Earth
    file in the mirror or the data directory (never downloaded while serving); empty if neither.
    """
    rows = atlas.boundaries(con)
    if rows:
        return tuple(shapes(rows))
    spec = file_spec("natural_earth", "4.1", "countries")
    folder = settings.mirror or settings.downloads
    path = folder / spec.mirror_path
    if not path.is_file():
        return ()
    iso3 = atlas.areas(con).dropna(subset=["iso3"])
    return _file_shapes(path, tuple(zip(iso3["iso3"], iso3["m49"].astype(int), strict=True)))


@lru_cache(maxsize=4)
def _file_shapes(path: Path, iso3_to_m49: tuple[tuple[str, int], ...]) -> tuple[Shape, ...]:
    collection = json.loads(path.read_text(encoding="utf-8"))
    return tuple(shapes(natural_earth_rows(collection, dict(iso3_to_m49))))
