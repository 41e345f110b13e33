"""``each_distinct``: a long column converted once per distinct value, as ``Series.map`` would."""

from __future__ import annotations

import numpy as np
import pandas as pd

from migobs.distinct import each_distinct


def test_text_is_converted_as_series_map_converts_it() -> None:
    values = pd.Series(["  Kenya", "Chad ", None, "  Kenya"] * 3, index=range(20, 32))
    found = each_distinct(values, lambda v: v.strip() if isinstance(v, str) else v)
    assert found.equals(values.map(lambda v: v.strip() if isinstance(v, str) else v))
    assert found.dtype == values.map(str.strip, na_action="ignore").dtype
    assert found.tolist()[:2] == ["Kenya", "Chad"]


def test_a_lookup_gives_each_value_its_mapping_and_nan_elsewhere() -> None:
    values = pd.Series(["Total", "Kenya", None, "Kenya", "Atlantis"], index=[7, 3, 5, 1, 9])
    mapping = {"Kenya": 404, "Total": None}
    found = each_distinct(values, mapping.get).astype(float)
    assert list(found.index) == [7, 3, 5, 1, 9]
    assert found.dtype == np.float64
    assert found.tolist()[1::2] == [404.0, 404.0]
    assert found.isna().tolist() == [True, False, True, False, True]
    assert found.equals(values.map(mapping).astype(float))


def test_each_distinct_value_is_converted_once() -> None:
    seen: list[str] = []
    each_distinct(pd.Series(["a", "b", "a", "a", "b"]), lambda v: seen.append(v) or v)
    assert seen == ["a", "b"]


def test_an_empty_column_gives_an_empty_column() -> None:
    assert each_distinct(pd.Series([], dtype="str"), {"a": 1}.get).empty
