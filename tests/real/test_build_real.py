from __future__ import annotations

from pathlib import Path

import pytest

from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real


def test_build_holds_every_mirrored_edition(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        editions = con.execute(
            "SELECT source || '/' || edition FROM source_files WHERE source IN "
            "('m49', 'undesa_stock', 'wpp') GROUP BY ALL ORDER BY 1"
        ).fetchall()
        assert [e for (e,) in editions] == [
            "m49/2021",
            "undesa_stock/2017",
            "undesa_stock/2019",
            "undesa_stock/2020",
            "wpp/2019",
        ]
        build_rows = con.execute("SELECT count(*) FROM builds").fetchall()
        assert build_rows == [(1,)]


def test_every_destination_and_origin_maps(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        unmapped = con.execute(
            "SELECT source, name, code FROM area_names WHERE m49 IS NULL "
            "AND source IN ('m49', 'undesa_stock', 'wpp')"
        ).fetchall()
        assert unmapped == []


def test_wpp_population_is_converted_from_thousands(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        row = con.execute(
            "SELECT value, unit, file_unit, cell FROM series WHERE source = 'wpp' "
            "AND variable = 'population' AND area = 900 AND year = 2020"
        ).fetchall()
        assert row == [(pytest.approx(7794798729.0), "persons", "thousands", "BZ18")]
        view = con.execute(
            "SELECT persons, file, sheet, cell FROM population WHERE area = 900 AND year = 2020"
        ).fetchall()
        assert view == [
            (
                pytest.approx(7794798729.0),
                "WPP2019_POP_F01_1_TOTAL_POPULATION_BOTH_SEXES.xlsx",
                "ESTIMATES",
                "BZ18",
            )
        ]
        migrants = con.execute(
            "SELECT period, year, sheet FROM series WHERE source = 'wpp' AND variable = "
            "'net_migrants' AND area = 840 AND period = '2015-2020'"
        ).fetchall()
        assert migrants == [("2015-2020", 2015, "ESTIMATES")]
