"""Indices of a flow table against migest's Korea 2020 example, and summaries by hand."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from migobs.errors import EstimationError
from migobs.flows.age_profile import age_profile_indices, rogers_castro_indices
from migobs.flows.connectivity import connectivity_indices
from migobs.flows.distance import distance_indices, weighted_median
from migobs.flows.indices import corridor_net, impact, intensity, region_summary
from tests.flows.test_reference_cases import CASES, REFERENCE, covers, output


def korea() -> tuple[np.ndarray, np.ndarray]:
    data = pd.read_csv(REFERENCE / "data" / "korea_2020.csv")
    od = data.pivot(index="orig", columns="dest", values="flow")
    names = list(od.index)
    pop = data.drop_duplicates("dest").set_index("dest")["dest_pop"].loc[names]
    return od.loc[names, names].to_numpy(float), pop.to_numpy(float)


def expected(case_id: str) -> pd.Series:
    return pd.read_csv(REFERENCE / output(CASES[case_id], "measures"), index_col=0)["value"]


@covers("index_intensity_korea")
def test_intensity_matches_migest() -> None:
    od, pop = korea()
    off = od.sum() - np.trace(od)
    got = intensity(off, pop.sum() * 1e6, 17)
    want = expected("index_intensity_korea")
    for key in ("cmp", "courgeau_k"):
        assert got[key] == pytest.approx(want[key], rel=1e-12)


@covers("index_impact_korea")
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


@covers("index_age_bra2000")
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


@covers("index_age_rc_fund")
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


def korea_distances() -> np.ndarray:
    data = pd.read_csv(REFERENCE / "data" / "korea_2020.csv")
    dist = data.pivot(index="orig", columns="dest", values="dist_cent")
    names = list(dist.index)
    return dist.loc[names, names].to_numpy(float, copy=True)


@covers("index_connectivity_korea")
def test_connectivity_matches_migest() -> None:
    case = CASES["index_connectivity_korea"]
    od, _ = korea()
    got = connectivity_indices(od)
    want = expected("index_connectivity_korea")
    assert set(got) == set(want.index)
    for key, value in want.items():
        tier = "glm_based" if key == "inequality_sim" else "exact"
        tol = case["tolerance"][tier]
        assert got[str(key)] == pytest.approx(value, rel=tol["rtol"], abs=tol.get("atol", 0.0))


@covers("index_distance_korea")
def test_distance_matches_migest_except_tied_median() -> None:
    case = CASES["index_distance_korea"]
    od, _ = korea()
    dist = korea_distances()
    got = distance_indices(od, dist)
    want = expected("index_distance_korea")
    assert got["mean"] == pytest.approx(want["mean"], rel=case["tolerance"]["exact"]["rtol"])
    assert got["decay"] == pytest.approx(want["decay"], rel=case["tolerance"]["glm_based"]["rtol"])
    # Korean distances are symmetric, so every distance appears twice. matrixStats
    # interpolates between neighbours in its quicksort's order of the tied values; migest's
    # median is the interpolation with the two cells at 78.69 km in reverse data order.
    # We merge tied values (order-free) instead, which moves the median by 2%.
    off = ~np.eye(od.shape[0], dtype=bool)
    x, w = dist[off], od[off] / od[off].sum()
    order = list(np.argsort(x, kind="stable"))
    above = int(np.searchsorted(np.cumsum(w[order]) - w[order] / 2, 0.5))
    order[above], order[above + 1] = order[above + 1], order[above]
    as_migest = np.interp(0.5, np.cumsum(w[order]) - w[order] / 2, x[order])
    assert as_migest == pytest.approx(want["median"], rel=1e-12)
    values, where = np.unique(x, return_inverse=True)
    share = np.bincount(where, w)
    merged = np.interp(0.5, np.cumsum(share) - share / 2, values)
    assert got["median"] == pytest.approx(merged, rel=1e-12)
    assert got["median"] != pytest.approx(want["median"], rel=1e-3)


def test_weighted_median_by_hand() -> None:
    # shares 1/4, 1/4, 1/2 at midpoints 1/8, 3/8, 3/4: 0.5 is 1/3 of the way from 2 to 3.
    assert weighted_median(np.array([3.0, 1.0, 2.0]), np.array([2.0, 1.0, 1.0])) == pytest.approx(
        2 + 1 / 3
    )
    assert weighted_median(np.array([5.0, 1.0]), np.array([3.0, 0.0])) == 5.0
    with pytest.raises(EstimationError, match="positive weight"):
        weighted_median(np.array([1.0]), np.array([0.0]))


def test_distance_rejects_zero_distance() -> None:
    od, _ = korea()
    dist = korea_distances()
    dist[0, 1] = 0.0
    with pytest.raises(EstimationError, match="distances must be positive"):
        distance_indices(od, dist)
