"""Provenance of the other sources in the built warehouse: sampled rows and cells read again.

For every source a sample of stored values is read again from the named cell or row of the file
with a reader the parser does not use (openpyxl with cached values for workbooks, the ``csv``
module for CSV files, the mirror's CSV conversion of the UNHCR table, ``json`` for GeoJSON), and
a few values are checked against the file exactly.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest

from migobs.sources import catalog
from migobs.warehouse.read import open_warehouse
from tests.real.test_other_sources_real import mirrored
from tests.support.cells import csv_cell, xlsx_cells

pytestmark = pytest.mark.real
SAMPLE = "USING SAMPLE reservoir(60 ROWS) REPEATABLE (7)"


def sample(built: Path, sql: str) -> list[tuple[Any, ...]]:
    with open_warehouse(built) as con:
        rows = con.execute(f"SELECT * FROM ({sql}) {SAMPLE}").fetchall()
    assert len(rows) == 60
    return rows


@pytest.mark.parametrize(
    ("edition", "key"),
    [
        ("2025-07-01", "BX.TRF.PWKR.CD.DT"),
        ("2021-09-15", "BM.TRF.PWKR.CD.DT"),
        ("2025-10-07", "DT.ODA.ALLD.CD"),
        ("2024-10-24", "NY.GDP.MKTP.CD"),
    ],
)
def test_wdi_values_are_their_cells(
    built_warehouse: Path, mirror: Path, edition: str, key: str
) -> None:
    rows = sample(
        built_warehouse,
        f"SELECT value, cell FROM series WHERE source = 'wdi' AND edition = '{edition}'",
    )
    path = mirrored(mirror, "wdi", edition, key)
    assert [float(csv_cell(path, cell)) for _, cell in rows] == [value for value, _ in rows]


def test_knomad_values_are_their_cells_in_millions(built_warehouse: Path, mirror: Path) -> None:
    rows = sample(
        built_warehouse, "SELECT value, sheet, cell FROM bilateral_remittances WHERE value > 0"
    )
    path = mirrored(mirror, "knomad", "2017", "remittances")
    read = xlsx_cells(path, rows[0][1], [cell for _, _, cell in rows])
    assert [v * 1_000_000 for v in read] == pytest.approx([value for value, _, _ in rows])
    stocks = sample(
        built_warehouse,
        "SELECT value, sheet, cell FROM migrant_stock WHERE source = 'knomad' AND value > 0",
    )
    path = mirrored(mirror, "knomad", "2017", "migrant_stocks")
    assert xlsx_cells(path, stocks[0][1], [c for _, _, c in stocks]) == [v for v, _, _ in stocks]


def test_knomad_israel_column_and_the_grand_total(built_warehouse: Path, mirror: Path) -> None:
    path = mirrored(mirror, "knomad", "2017", "remittances")
    assert xlsx_cells(path, "Bilateral_Remittances_2017", ["CP217"]) == [
        pytest.approx(990.375, abs=5e-4)
    ]
    with open_warehouse(built_warehouse) as con:
        israel = con.execute(
            "SELECT value, cell FROM bilateral_remittances WHERE sending = 900 AND receiving = 376"
        ).fetchone()
    assert israel == (pytest.approx(990.375e6, abs=500), "CP217")


def test_rpw_values_are_their_cells(built_warehouse: Path, mirror: Path) -> None:
    rows = sample(built_warehouse, "SELECT value, cell FROM remittance_prices")
    path = mirrored(mirror, "rpw", "2020-12-07", "corridors")
    assert [float(csv_cell(path, cell)) for _, cell in rows] == [value for value, _ in rows]


@pytest.mark.parametrize("edition", ["2022", "2025"])
def test_missing_migrants_rows_are_their_sheet_rows(
    built_warehouse: Path, mirror: Path, edition: str
) -> None:
    rows = sample(
        built_warehouse,
        "SELECT incident_id, dead, missing, dead_and_missing, row_number FROM missing_migrants "
        f"WHERE edition = '{edition}'",
    )
    path = mirrored(mirror, "iom_mmp", edition, "incidents")
    # columns B (Incident ID), H (dead), I (missing), J (dead and missing) in both layouts
    read = [xlsx_cells(path, "Worksheet", [f"{column}{r[-1]}" for column in "BHIJ"]) for r in rows]

    def number(value: Any) -> float | None:
        return None if value in (None, "") else float(value)

    assert [(str(v[0]), number(v[1]), number(v[2]), number(v[3])) for v in read] == [
        (str(i), d, m, t) for i, d, m, t, _ in _nan_to_none(rows)
    ]


def _nan_to_none(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return [tuple(None if isinstance(v, float) and v != v else v for v in row) for row in rows]


def test_missing_migrants_2017_dead_and_missing_of_the_2022_vintage(
    built_warehouse: Path,
) -> None:
    with open_warehouse(built_warehouse) as con:
        sums = con.execute(
            "SELECT sum(dead), sum(missing), sum(dead_and_missing) FROM missing_migrants "
            "WHERE edition = '2022' AND year = 2017"
        ).fetchone()
    assert sums == (3_664.0, 2_620.0, 6_284.0)  # by hand with openpyxl over the export


def test_unhcr_rows_are_the_rows_of_the_table(built_warehouse: Path, mirror: Path) -> None:
    rows = sample(
        built_warehouse,
        "SELECT r.row_number, r.year, o.iso3, a.iso3, r.refugees, r.asylum_seekers FROM refugees r "
        "JOIN areas o ON o.m49 = r.origin JOIN areas a ON a.m49 = r.asylum "
        "WHERE o.kind = 'country' AND a.kind = 'country'",
    )
    lines = (mirror / "unhcr" / "population_from_rda.csv").read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    for number, year, origin, asylum, refugees, asylum_seekers in _nan_to_none(rows):
        fields = dict(zip(header, next(csv.reader([lines[number]])), strict=True))
        assert int(fields["year"]) == year
        assert {fields["coo_iso"], fields["coa_iso"]} <= {origin, asylum, "SRB", "PSE", "SDN"}
        assert (fields["refugees"] or None) == (None if refugees is None else str(int(refugees)))
        assert (fields["asylum_seekers"] or None) == (
            None if asylum_seekers is None else str(int(asylum_seekers))
        )


def test_unhcr_refugees_in_turkiye_2017(built_warehouse: Path, mirror: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        stored = con.execute(
            "SELECT sum(refugees), count(*) FROM refugees WHERE year = 2017 AND asylum = 792"
        ).fetchone()
    with (mirror / "unhcr" / "population_from_rda.csv").open(encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle) if r["year"] == "2017" and r["coa_iso"] == "TUR"]
    assert sum(int(r["refugees"] or 0) for r in rows) == 3_480_350
    assert stored == (3_480_350.0, len(rows))


@pytest.mark.parametrize("variable", ["deaths", "net_migrants", "population"])
def test_wpp_values_are_their_cells_in_thousands(
    built_warehouse: Path, mirror: Path, variable: str
) -> None:
    rows = sample(
        built_warehouse,
        f"SELECT value, sheet, cell FROM series WHERE source = 'wpp' AND variable = '{variable}' "
        "AND sheet = 'ESTIMATES'",
    )
    path = mirrored(mirror, "wpp", "2019", variable)
    read = xlsx_cells(path, "ESTIMATES", [cell for _, _, cell in rows])
    assert [v * 1000 for v in read] == pytest.approx([value for value, _, _ in rows], abs=1e-6)


def test_wpp_deaths_of_france_and_the_world_2015_2020(built_warehouse: Path, mirror: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        stored = con.execute(
            "SELECT area, value, cell FROM series WHERE source = 'wpp' AND variable = 'deaths' "
            "AND period = '2015-2020' AND sheet = 'ESTIMATES' AND area IN (250, 900) ORDER BY 1"
        ).fetchall()
    path = mirrored(mirror, "wpp", "2019", "deaths")
    assert xlsx_cells(path, "ESTIMATES", ["U265", "U18"]) == [
        pytest.approx(3006.133),
        pytest.approx(286276.223),
    ]
    assert stored == [
        (250, pytest.approx(3_006_133.0), "U265"),
        (900, pytest.approx(286_276_223.0), "U18"),
    ]


def test_boundaries_are_their_features(built_warehouse: Path, mirror: Path) -> None:
    path = mirrored(mirror, "natural_earth", "4.1", "countries")
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    with open_warehouse(built_warehouse) as con:
        rows = con.execute("SELECT feature, adm0_a3, area, geometry FROM boundaries").fetchall()
    assert len(rows) == 175
    for feature, adm0_a3, area, geometry in rows:
        properties = features[feature]["properties"]
        assert properties["ADM0_A3"] == adm0_a3
        assert properties["ISO_N3"] in (f"{area:03d}", "-99")
        assert json.loads(geometry) == features[feature]["geometry"]
    france = next(r for r in rows if r[1] == "FRA")
    assert france[2] == 250


def test_every_catalogued_source_has_a_provenance_test() -> None:
    tested = {"wdi", "knomad", "rpw", "iom_mmp", "unhcr", "wpp", "natural_earth"}
    assert tested <= set(catalog.catalog())
