"""The same incident in two Missing Migrants vintages: IDs confirmed by place and date, else
attributes; a reused ID is reported with both rows (files in both layouts, written here)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from migobs.config import Settings
from migobs.sources import catalog
from migobs.warehouse.build import build
from tests.support.mirror import Adopt
from tests.support.source_files import MMP_2022_HEADER, MMP_2025_HEADER, mmp_incident, write_mmp
from tests.support.writers import write_m49

OLD = [  # 2022 layout: sheet rows 2..7
    ("2017.MMP001", "2017-03-01", "Mediterranean", 35.5, 12.6, "off Lampedusa"),
    ("2022.MMP0422", "2022-04-09", "Central America", 28.697493, -100.511041, "Rio Bravo"),
    ("7420", "2016-12-31", "Western Africa", 22.734386, 12.939331, "Sahara Desert"),
    ("2021.MMP00534", "2021-04-27", "North America", 32.2, -111.0, "Pima County, Arizona"),
    ("2022.MMP0423", "2022-04-13", "North America", 26.03, -97.67, "Cameron County, Texas"),
    ("2018.MMP050", "2018-05-01", "Mediterranean", 33.0, 12.0, "off Zuwara"),
]
NEW = [  # 2025 layout: sheet rows 2..8
    ("2017.MMP001", "2017-03-02", "Mediterranean", 35.4, 12.7, "Off Lampedusa, Italy"),
    ("2022.MMP0422", "2022-04-30", "South-eastern Asia", 14.403117, 100.164845, "Suphan Buri"),
    ("2022.MMP1043", "2022-04-09", "Central America", 28.697493, -100.511041, "Rio Bravo, MX"),
    ("2016.MMP017634", "2016-12-31", "Western Africa", 22.734386, 12.939331, "Sahara Desert"),
    ("2021.MMP00534", "2021-04-16", "North America", 32.2, -111.0, "Pima County ME"),
    ("2022.MMP0423", "2022-05-06", "Mediterranean", 33.15, 15.17, "off Misrata"),
    ("2018.MMP050", "2018-05-25", "Mediterranean", 36.5, 15.5, "off Malta"),
]


@pytest.fixture
def built(
    tmp_path: Path, adopt: Adopt, only_sources: Callable[..., None]
) -> duckdb.DuckDBPyConnection:
    only_sources(m49=["2021"], iom_mmp=["2022", "2025"])
    mirror = tmp_path / "mirror"
    spec = catalog.file_spec("m49", "2021", "overview")
    adopt("m49", "2021", "overview", write_m49(mirror / spec.mirror_path))
    for vintage, rows, header in (("2022", OLD, MMP_2022_HEADER), ("2025", NEW, MMP_2025_HEADER)):
        spec = catalog.file_spec("iom_mmp", vintage, "incidents")
        path = mirror / spec.mirror_path
        path.parent.mkdir(parents=True, exist_ok=True)
        write_mmp(path, [mmp_incident(vintage, *row) for row in rows], header)
        adopt("iom_mmp", vintage, "incidents", path)
    con = duckdb.connect(
        str(build(Settings(home=tmp_path / "home", mirror=mirror)).path), read_only=True
    )
    yield con  # type: ignore[misc]
    con.close()


def test_older_rows_take_the_key_of_the_incident_they_match(
    built: duckdb.DuckDBPyConnection,
) -> None:
    rows = built.execute(
        "SELECT row_number, incident_key, matched_by FROM missing_migrants "
        "WHERE edition = '2022' ORDER BY row_number"
    ).fetchall()
    assert rows == [
        (2, "2017.MMP001", "incident-id"),  # a day and 0.1 degree apart
        (3, "2022.MMP1043", "attributes"),  # ID reused in 2025 for Suphan Buri
        (4, "2016.MMP017634", "attributes"),  # ID changed from 7420
        (5, "2021.MMP00534", "incident-id"),  # 11 days apart, same coordinates
        (6, "2022:2022.MMP0423", None),  # ID reused, no match: an incident of its own
        (7, "2022:2018.MMP050", None),  # same region but 24 days and 3 degrees apart
    ]
    newest = built.execute(
        "SELECT incident_key FROM missing_migrants WHERE edition = '2025' ORDER BY row_number"
    ).fetchall()
    assert [k for (k,) in newest] == [row[0] for row in NEW]


def test_a_reused_id_is_a_finding_naming_both_rows(built: duckdb.DuckDBPyConnection) -> None:
    found = built.execute(
        "SELECT rows, message FROM findings WHERE type = 'vintage-id-reused' ORDER BY finding_id"
    ).fetchall()
    named = [[(r["edition"], r["row_number"]) for r in json.loads(rows)] for rows, _ in found]
    assert named == [
        [("2022", 3), ("2025", 3)],
        [("2022", 6), ("2025", 7)],
        [("2022", 7), ("2025", 8)],
    ]
    assert "matched by attributes to row 4" in found[0][1]
    assert "kept as an incident of its own" in found[1][1]
