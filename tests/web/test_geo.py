from __future__ import annotations

import json
from pathlib import Path

import pytest

from migobs.web.geo import HEIGHT, WIDTH, X_MAX, Y_MAX, equal_earth, natural_earth_rows, to_svg


def test_equal_earth_extremes_match_the_constants() -> None:
    assert equal_earth(180, 0) == pytest.approx((X_MAX, 0.0))
    assert equal_earth(0, 90) == pytest.approx((0.0, Y_MAX))
    assert equal_earth(-180, -90)[1] == pytest.approx(-Y_MAX)


def test_svg_box_corners() -> None:
    assert to_svg(-180, 0) == pytest.approx((0.0, HEIGHT / 2), abs=1e-3)
    assert to_svg(0, 90) == pytest.approx((WIDTH / 2, 0.0), abs=1e-3)
    assert to_svg(0, -90) == pytest.approx((WIDTH / 2, HEIGHT), abs=1e-3)


@pytest.mark.real
def test_natural_earth_features_get_m49_codes(mirror: Path) -> None:
    collection = json.loads((mirror / "natural_earth/ne_110m_admin_0_countries.json").read_text())
    rows = natural_earth_rows(collection, {"NOR": 578})
    codes = {area for area, _, _ in rows}
    assert {4, 250, 578, 840} <= codes  # Norway via ADM0_A3: its ISO_N3 is -99
    assert len(rows) == 174  # 177 features less N. Cyprus, Kosovo, Somaliland (no code given)
