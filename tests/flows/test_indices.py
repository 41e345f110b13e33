"""Indices of a flow table against migest's Korea 2020 example, and summaries by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from migobs.errors import EstimationError
from migobs.flows.indices import corridor_net, impact, intensity, region_summary
from tests.flows.test_reference_cases import CASES, REFERENCE, output

pytestmark = pytest.mark.skipif(not CASES, reason="shared/reference/flows not present")


def korea() -> tuple[np.ndarray, np.ndarray]:
    data = pd.read_csv(REFERENCE / "data" / "korea_2020.csv")
    od = data.pivot(index="orig", columns="dest", values="flow")
    names = list(od.index)
    pop = data.drop_duplicates("dest").set_index("dest")["dest_pop"].loc[names]
    return od.loc[names, names].to_numpy(float), pop.to_numpy(float)


def expected(case_id: str) -> pd.Series:
    return pd.read_csv(REFERENCE / output(CASES[case_id], "measures"), index_col=0)["value"]


def test_intensity_matches_migest() -> None:
    od, pop = korea()
    off = od.sum() - np.trace(od)
    got = intensity(off, pop.sum() * 1e6, 17)
    want = expected("index_intensity_korea")
    for key in ("cmp", "courgeau_k"):
        assert got[key] == pytest.approx(want[key], rel=1e-12)


def test_impact_matches_migest() -> None:
    od, pop = korea()
    got = impact(od, pop)
    want = expected("index_impact_korea").rename({"effectivness": "effectiveness"})
    for key, value in want.items():
        assert got[str(key)] == pytest.approx(value, rel=1e-12)


def test_summaries_by_hand() -> None:
    od = np.array([[5.0, 10.0, 0.0], [4.0, 7.0, 6.0], [1.0, 0.0, 9.0]])
    summary = region_summary(od)
    np.testing.assert_array_equal(summary.inflow, [5.0, 10.0, 6.0])
    np.testing.assert_array_equal(summary.outflow, [10.0, 10.0, 1.0])
    np.testing.assert_array_equal(summary.net, [-5.0, 0.0, 5.0])
    assert corridor_net(od)[0, 1] == 6.0 and corridor_net(od)[1, 0] == -6.0
    with pytest.raises(EstimationError, match="square"):
        region_summary(od[:2])
