from __future__ import annotations

import json
from pathlib import Path

import pytest

from migobs.errors import LayoutError
from migobs.sources import natural_earth
from tests.support.source_files import write_geojson


def test_features_keep_their_codes_and_geometry(tmp_path: Path) -> None:
    rows = natural_earth.read(write_geojson(tmp_path / "ne.json"), "4.1")
    assert list(rows["adm0_a3"]) == ["FRA", "KOS", "SOL"]
    assert list(rows["iso_n3"]) == ["250", "-99", "-99"]
    assert json.loads(rows.iloc[0]["geometry"])["type"] == "Polygon"
    assert list(rows["feature"]) == [0, 1, 2]


def test_truncated_json_is_refused(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "ne.json")
    path.write_text(path.read_text()[:100])
    with pytest.raises(LayoutError, match="ne.json: not JSON text"):
        natural_earth.read(path, "4.1")


def test_a_missing_attribute_names_the_feature(tmp_path: Path) -> None:
    path = write_geojson(tmp_path / "ne.json")
    data = json.loads(path.read_text())
    del data["features"][1]["properties"]["ISO_N3"]
    path.write_text(json.dumps(data))
    with pytest.raises(LayoutError, match=r"ne.json, feature 1: lacks \['ISO_N3'\]"):
        natural_earth.read(path, "4.1")
