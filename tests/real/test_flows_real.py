"""Flows 1990-2017 from the 2017 origin x destination edition with WPP 2019 (real data)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

from migobs.flows.demographic import AccountingOptions
from migobs.flows.estimate import estimate_edition

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def estimated(built_warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built warehouse (shared, read-only) with the 2017 flows stored in it."""
    copy = tmp_path_factory.mktemp("flows") / "warehouse.duckdb"
    shutil.copy(built_warehouse, copy)
    estimate_edition(copy, "2017")
    return copy


def test_global_totals_near_published_intensity(estimated: Path) -> None:
    with duckdb.connect(str(estimated), read_only=True) as con:
        runs = con.execute(
            "SELECT year0, year1, countries, total_flow, world_pop, diagnostics FROM flow_runs "
            "ORDER BY year0"
        ).fetchall()
    assert [(r[0], r[1]) for r in runs] == [
        (1990, 1995),
        (1995, 2000),
        (2000, 2005),
        (2005, 2010),
        (2010, 2015),
        (2015, 2017),
    ]
    for year0, year1, countries, total, world, diagnostics in runs:
        assert countries == 232
        found = json.loads(diagnostics)
        if year0 != 1990:
            assert found["converged"] and found["margins_met"], (year0, found["worst_margin"])
            assert all(fit["margin_error"] < 2.0 for fit in found["fits"].values())
        share = 100 * total / world
        # Abel & Sander (2014): about 0.6% of world population per five years; Abel (2018):
        # around 0.65%. We find 0.59-0.75% for the five-year periods (0.21% for 2015-2017).
        if year1 - year0 == 5:
            assert 0.55 < share < 0.8, (year0, share)
    five_year_2005 = next(r for r in runs if r[0] == 2005)
    assert 40e6 < five_year_2005[3] < 50e6  # published 41.5 million (Abel & Sander, 2013 data)


def test_1990_rescale_misses_south_sudan_and_says_so(estimated: Path) -> None:
    # South Sudan's 1990 residence column holds only its native-born (no foreign-born
    # recorded), so the column total pins that cell at 4,980,596, above the mid-point
    # total of the South Sudan-born (4,884,883): no table with these zeros meets both margins.
    with duckdb.connect(str(estimated), read_only=True) as con:
        (diagnostics,) = con.execute(
            "SELECT diagnostics FROM flow_runs WHERE year0 = 1990"
        ).fetchone() or ("{}",)
    found = json.loads(diagnostics)
    assert not found["converged"] and not found["margins_met"]
    fit = found["fits"]["rescale start"]
    assert fit["converged"] and not fit["margins_met"]  # stopped moving, margins off
    assert fit["margin_error"] == pytest.approx(95_712.56, abs=1.0)
    worst = found["worst_margin"]
    assert (worst["fit"], worst["margin"], worst["name"]) == ("rescale start", "birthplace", "728")
    assert worst["gap"] == pytest.approx(95_712.56, abs=1.0)
    assert worst["fitted"] == pytest.approx(4_980_596.0, abs=1.0)
    assert found["fits"]["rescale end"]["margins_met"]


def test_flows_stored_with_run(estimated: Path) -> None:
    with duckdb.connect(str(estimated), read_only=True) as con:
        (rows, negative, total) = con.execute(
            "SELECT count(*), count(*) FILTER (flow < 0), sum(flow) FROM flows "
            "WHERE run_id = 'demographic-accounting/2017/total/2005-2010/wpp-2019/global-balance="
            "before,birthplace-balance=rescale,stayers=yes,birth-method=native,"
            "death-method=proportion,births-non-negative=yes'"
        ).fetchone() or (0, 0, 0.0)
    assert rows > 1000 and negative == 0
    assert total == pytest.approx(47.09e6, rel=0.01)


def test_any_two_stock_years_stored_beside_the_default(estimated: Path) -> None:
    # A ten-year period with the global balance after the adjustment: its own run ids, the
    # six default runs untouched; births and deaths summed over both WPP periods.
    (wide,) = estimate_edition(
        estimated, "2017", options=AccountingOptions(global_balance="after"), periods=[(2000, 2010)]
    )
    assert "/2000-2010/wpp-2019/global-balance=after," in wide.run_id
    assert wide.estimate.diagnostics.margins_met  # 1995-2005 misses South Sudan-born, as 1990
    assert wide.estimate.od.sum() == pytest.approx(82.42e6, rel=1e-3)
    with duckdb.connect(str(estimated), read_only=True) as con:
        runs = dict(con.execute("SELECT run_id, total_flow FROM flow_runs").fetchall())
        stored = con.execute(
            "SELECT count(*), sum(flow) FROM flows WHERE run_id = ?", [wide.run_id]
        ).fetchone()
    assert len(runs) == 7 and runs[wide.run_id] == pytest.approx(wide.estimate.od.sum())
    assert stored is not None and stored[1] == pytest.approx(wide.estimate.od.sum())
    five_year = [
        total
        for run_id, total in runs.items()
        if "/2000-2005/" in run_id or "/2005-2010/" in run_id
    ]
    # Fewer movers over ten years than the two five-year periods added (returns and onward
    # moves within the decade cancel), more than either alone.
    assert max(five_year) < runs[wide.run_id] < sum(five_year)
