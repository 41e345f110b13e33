"""``looked_up``: a long column mapped once per distinct value, as ``Series.map`` maps it."""

from __future__ import annotations

import numpy as np
import pandas as pd

from migobs.warehouse.loaders._common import looked_up


def test_each_value_gets_its_mapping_and_unmapped_or_missing_values_nan() -> None:
    values = pd.Series(["Total", "Kenya", None, "Kenya", "Atlantis"], index=[7, 3, 5, 1, 9])
    mapping = {"Kenya": 404, "Total": None}
    found = looked_up(values, mapping)
    assert list(found.index) == [7, 3, 5, 1, 9]
    assert found.dtype == np.float64
    assert found.tolist()[1::2] == [404.0, 404.0]
    assert found.isna().tolist() == [True, False, True, False, True]
    assert found.equals(values.map(mapping).astype(float))


def test_an_empty_column_gives_an_empty_column() -> None:
    assert looked_up(pd.Series([], dtype="str"), {"a": 1}).empty
