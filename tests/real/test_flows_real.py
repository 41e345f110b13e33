"""Flows 1990-2017 from the 2017 origin x destination edition with WPP 2019 (real data)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest

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
        assert json.loads(diagnostics)["converged"]
        share = 100 * total / world
        # Abel & Sander (2014): about 0.6% of world population per five years; Abel (2018):
        # around 0.65%. We find 0.59-0.75% for the five-year periods (0.21% for 2015-2017).
        if year1 - year0 == 5:
            assert 0.55 < share < 0.8, (year0, share)
    five_year_2005 = next(r for r in runs if r[0] == 2005)
    assert 40e6 < five_year_2005[3] < 50e6  # published 41.5 million (Abel & Sander, 2013 data)


def test_flows_stored_with_run(estimated: Path) -> None:
    with duckdb.connect(str(estimated), read_only=True) as con:
        (rows, negative, total) = con.execute(
            "SELECT count(*), count(*) FILTER (flow < 0), sum(flow) FROM flows "
            "WHERE run_id = 'demographic-accounting/2017/total/2005-2010'"
        ).fetchone() or (0, 0, 0.0)
    assert rows > 1000 and negative == 0
    assert total == pytest.approx(47.09e6, rel=0.01)
