"""Every indicator states the decimals its values are written to (definitions.yml)."""

from __future__ import annotations

import yaml

from migobs.indicators.definitions import HERE, definitions


def test_every_indicator_states_its_decimals() -> None:
    raw = yaml.safe_load((HERE / "definitions.yml").read_text(encoding="utf-8"))["indicators"]
    missing = [code for code, entry in raw.items() if "decimals" not in entry]
    assert missing == []
    by_unit = {(d.unit, d.decimals) for d in definitions().values()}
    assert ("persons", 0) in by_unit and ("percent", 2) in by_unit
    assert all(0 <= d.decimals <= 6 for d in definitions().values())
