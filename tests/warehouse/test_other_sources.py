"""Build a warehouse from small files of every other source and check what lands where."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from migobs.config import Settings
from migobs.errors import LayoutError
from migobs.sources import catalog
from migobs.warehouse.build import build, current_build_id
from tests.support import source_files as files
from tests.support.mirror import Adopt
from tests.support.writers import write_m49

EDITIONS = {
    "m49": "2021",
    "wdi": "2025-07-01",
    "knomad": "2017",
    "rpw": "2020-12-07",
    "iom_mmp": "2025",
    "unhcr": "2025.12.1",
    "natural_earth": "4.1",
}
WRITERS: dict[tuple[str, str], Callable[[Path], Path]] = {
    ("m49", "overview"): write_m49,
    ("wdi", "BX.TRF.PWKR.CD.DT"): files.write_wdi,
    ("wdi", "metadata_country"): files.write_wdi_countries,
    ("wdi", "metadata_indicator"): lambda p: files._write_csv(p, [["INDICATOR_CODE"]]),
    ("knomad", "remittances"): files.write_knomad,
    ("knomad", "migrant_stocks"): lambda p: files.write_knomad(p, "migrant_stocks"),
    ("rpw", "corridors"): files.write_rpw,
    ("iom_mmp", "incidents"): files.write_mmp,
    ("unhcr", "population"): files.write_unhcr,
    ("natural_earth", "countries"): files.write_geojson,
    ("natural_earth", "topology"): lambda p: (p.write_text("{}"), p)[1],
}


@pytest.fixture
def small_mirror(tmp_path: Path, adopt: Adopt, only_sources: Callable[..., None]) -> Settings:
    """A mirror holding one small edition of every source, adopted by the catalogue."""
    only_sources(**{source: [edition] for source, edition in EDITIONS.items()})
    mirror = tmp_path / "mirror"
    for (source, key), write in WRITERS.items():
        spec = catalog.file_spec(source, EDITIONS[source], key)
        path = mirror / spec.mirror_path
        path.parent.mkdir(parents=True, exist_ok=True)
        adopt(source, EDITIONS[source], key, write(path))
    return Settings(home=tmp_path / "home", mirror=mirror)


@pytest.fixture
def built(small_mirror: Settings) -> duckdb.DuckDBPyConnection:
    path = build(small_mirror).path
    con = duckdb.connect(str(path), read_only=True)
    yield con  # type: ignore[misc]
    con.close()


def one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[object, ...]:
    rows = con.execute(sql).fetchall()
    assert len(rows) == 1, rows
    return tuple(rows[0])


def test_wdi_series_map_economies_world_bank_codes_and_aggregates(
    built: duckdb.DuckDBPyConnection,
) -> None:
    series = (
        "SELECT value, cell FROM series WHERE source = 'wdi' AND variable = 'remittances_received'"
    )
    assert one(built, f"{series} AND area = 108 AND year = 2016") == (5.0, "E6")
    assert one(built, f"{series} AND area = 412 AND year = 2017") == (20.0, "F8")  # XKX Kosovo
    assert one(built, f"{series} AND area = 830 AND year = 2017") == (4.0, "F9")  # CHI
    assert one(built, f"{series} AND area = 900 AND year = 2017") == (30.0, "F10")  # WLD
    assert one(built, f"{series} AND area = 1503 AND year = 2016") == (110.0, "E11")  # HIC
    assert built.execute(f"{series} AND area = 250 AND year = 2017").fetchall() == []  # empty


def test_wdi_metadata_keeps_aggregates_apart(built: duckdb.DuckDBPyConnection) -> None:
    rows = dict(built.execute("SELECT code, (m49, is_aggregate) FROM wdi_economies").fetchall())
    assert rows["WLD"] == (900, True)
    assert rows["XKX"] == (412, False)
    members = built.execute(
        "SELECT member_m49 FROM area_groups WHERE group_m49 = 1503 AND scheme = 'wdi/2025-07-01'"
    ).fetchall()
    assert sorted(m for (m,) in members) == [250, 830]


def test_knomad_remittances_are_converted_from_millions_once(
    built: duckdb.DuckDBPyConnection,
) -> None:
    sql = "SELECT value, sheet, cell FROM bilateral_remittances WHERE sending = 12 AND receiving = 250"
    assert one(built, sql) == (1_500_000.0, "Bilateral_Remittances_2017", "C3")
    assert one(
        built, "SELECT value FROM bilateral_remittances WHERE sending = 900 AND receiving = 900"
    ) == (3_750_000.0,)
    stock = "SELECT value, cell FROM migrant_stock WHERE source = 'knomad' AND origin = 250 AND destination = 12"
    assert one(built, stock) == (2.25, "B4")


def test_missing_migrants_origins_beside_their_incident_rows(
    built: duckdb.DuckDBPyConnection,
) -> None:
    stored = built.execute(
        "SELECT edition, row_number, incident_key, position, name, origin "
        "FROM missing_migrants_origins ORDER BY row_number, position"
    ).fetchall()
    assert stored == [
        ("2025", 2, "2017.MMP001", 1, "Algeria", 12),
        ("2025", 3, "2017.MMP002,2017.MMP003", 1, "Algeria", 12),
    ]


def test_rpw_keeps_quarters_with_a_value(built: duckdb.DuckDBPyConnection) -> None:
    rows = built.execute(
        "SELECT receiving, period, value, cell FROM remittance_prices ORDER BY receiving, period"
    ).fetchall()
    assert rows == [
        (12, "2017Q1", 7.5, "H2"),
        (12, "2017Q2", 6.25, "I2"),
        (412, "2016Q4", 9.0, "G3"),
    ]


def test_missing_migrants_key_incidents_across_vintages(built: duckdb.DuckDBPyConnection) -> None:
    rows = built.execute(
        "SELECT incident_key, incident_area, dead_and_missing, month, row_number "
        "FROM missing_migrants ORDER BY row_number"
    ).fetchall()
    assert rows == [
        ("2017.MMP001", 250, 5.0, 3, 2),
        ("2017.MMP002,2017.MMP003", 250, 3.0, 3, 3),
    ]


def test_unhcr_unknown_origin_has_its_own_area(built: duckdb.DuckDBPyConnection) -> None:
    assert one(built, "SELECT refugees, row_number FROM refugees WHERE origin = 9903") == (7.0, 2)
    assert one(built, "SELECT kind FROM areas WHERE m49 = 9903") == ("special",)


def test_boundaries_fall_back_to_natural_earths_own_code(built: duckdb.DuckDBPyConnection) -> None:
    rows = built.execute("SELECT area, name FROM boundaries ORDER BY area").fetchall()
    assert rows == [(250, "France"), (412, "Kosovo")]
    geometry = json.loads(str(one(built, "SELECT geometry FROM boundaries WHERE area = 250")[0]))
    assert geometry["type"] == "Polygon"


def test_unmapped_areas_and_checks_are_reported_as_findings(
    built: duckdb.DuckDBPyConnection,
) -> None:
    unmapped = built.execute(
        "SELECT rows FROM findings WHERE type = 'unmapped-area' AND source = 'natural_earth'"
    ).fetchall()
    # one finding per feature, its code and name together, with the rows that carried it
    assert [json.loads(r) for (r,) in unmapped] == [
        [{"name": "Somaliland", "code": "SOL", "rows": 1}]
    ]
    same = one(built, "SELECT observed, rows FROM findings WHERE type = 'origin-equals-asylum'")
    assert same[0] == 1.0 and json.loads(str(same[1]))[0]["row"] == 3
    hic = one(
        built, "SELECT rows FROM findings WHERE type = 'aggregate-mismatch' AND source = 'wdi'"
    )
    years = {r["year"]: (r["stated"], r["sum_of_parts"]) for r in json.loads(str(hic[0]))}
    assert years == {2016: (110.0, 100.0), 2017: (24.0, 4.0)}  # HIC: France + Channel Islands


BROKEN: dict[str, tuple[str, Callable[[Path], Path]]] = {
    "wdi": ("BX.TRF.PWKR.CD.DT", lambda p: files.write_wdi(p, updated="2026-01-01")),
    "knomad": ("remittances", lambda p: files.write_knomad(p, corner="sending")),
    "rpw": ("corridors", lambda p: files.write_rpw(p, footer="Last Updated: 1/1/2021")),
    "iom_mmp": ("incidents", lambda p: files.write_mmp(p, header=files.MMP_2025_HEADER[::-1])),
    "unhcr": ("population", lambda p: files.write_unhcr(p, name="refugees")),
    "natural_earth": ("countries", lambda p: (p.write_text("{not json"), p)[1]),
}


@pytest.mark.parametrize("source", sorted(BROKEN))
def test_a_bad_file_stops_the_build_and_keeps_the_old_warehouse(
    small_mirror: Settings, adopt: Adopt, source: str
) -> None:
    first = build(small_mirror)
    key, write = BROKEN[source]
    spec = catalog.file_spec(source, EDITIONS[source], key)
    assert small_mirror.mirror is not None
    adopt(source, EDITIONS[source], key, write(small_mirror.mirror / spec.mirror_path))
    with pytest.raises(LayoutError, match=spec.mirror_path.rsplit("/", 1)[-1]):
        build(small_mirror)
    assert current_build_id(first.path) == first.build_id
    assert not list(first.path.parent.glob("*.new-*"))
