"""Indices of a flow table against migest's Korea 2020 example, and summaries by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from migobs.errors import EstimationError
from migobs.flows.age_profile import age_profile_indices, rogers_castro_indices
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


def test_age_profile_matches_migest_except_breadth_window() -> None:
    case = CASES["index_age_bra2000"]
    data = pd.read_csv(REFERENCE / case["args"]["d"]["file"])
    ages, mi = data["age"].to_numpy(float), data["mi"].to_numpy(float)
    got = age_profile_indices(ages, mi)
    want = expected("index_age_bra2000")
    tol = CASES["index_age_bra2000"]["tolerance"]["exact_arithmetic"]
    for key in ("gmr", "peak_mi", "peak_age", "murc", "mdrc", "asymmetry"):
        assert got[key] == pytest.approx(want[key], rel=tol["rtol"], abs=tol["atol"])
    # migest sums the peak window over row positions peak_age +- 5, i.e. ages 18..28 when
    # ages start at 0; we sum over ages 19..29 as the definition says (Bell & Muhidin 2009).
    rate = 100 * mi
    assert got["peak_breadth"] == pytest.approx(rate[(ages >= 19) & (ages <= 29)].sum())
    assert want["peak_breadth"] == pytest.approx(rate[(ages >= 18) & (ages <= 28)].sum())
    assert got["peak_share"] == pytest.approx(100 * got["peak_breadth"] / rate.sum())
    assert want["peak_share"] == pytest.approx(100 * want["peak_breadth"] / rate.sum())


def test_rogers_castro_indices_match_migest() -> None:
    case = CASES["index_age_rc_fund"]
    pars = pd.read_csv(REFERENCE / case["args"]["pars"]["file"], index_col=0)["value"]
    got = rogers_castro_indices(pars.to_dict())
    want = expected("index_age_rc_fund")
    assert set(got) == set(want.index)
    for key, value in want.items():
        assert got[str(key)] == pytest.approx(value, rel=1e-12)
    with pytest.raises(EstimationError, match="missing: mu2"):
        rogers_castro_indices({k: v for k, v in pars.items() if k != "mu2"})


def test_age_profile_rejects_gaps() -> None:
    with pytest.raises(EstimationError, match="consecutive"):
        age_profile_indices(np.array([0.0, 1.0, 3.0]), np.array([0.1, 0.2, 0.1]))
