"""Real-data tests of the other sources: parsers on the mirror, the built warehouse, provenance.

Provenance checks read the named cell or row again with another reader (the ``csv`` module,
openpyxl with cached values, the CSV conversion of the UNHCR table) and compare.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from migobs.sources import catalog, iom_mmp, knomad, natural_earth, rpw, unhcr, wdi
from migobs.warehouse.read import open_warehouse
from tests.support.cells import csv_cell, sheet_rows, xlsx_cell, xlsx_cells

pytestmark = pytest.mark.real


def mirrored(mirror: Path, source: str, edition: str, key: str) -> Path:
    return mirror / catalog.file_spec(source, edition, key).mirror_path


# -- parsers on the mirror ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "key", "code", "world_2017"),
    [
        ("2025-07-01", "BX.TRF.PWKR.CD.DT", "WLD", 591.36e9),
        ("2025-07-01", "BX.TRF.PWKR.CD.DT", "LMY", 428.86e9),
        ("2021-09-15", "BM.TRF.PWKR.CD.DT", "WLD", 422.30e9),
        ("2025-10-07", "DT.ODA.ALLD.CD", "WLD", 164.78e9),
        ("2024-10-24", "NY.GDP.MKTP.CD", "WLD", 81.55e12),
    ],
)
def test_wdi_2017_aggregates_match_the_readme(
    mirror: Path, edition: str, key: str, code: str, world_2017: float
) -> None:
    path = mirrored(mirror, "wdi", edition, key)
    values = wdi.read_indicator(path, edition).values
    row = values[(values.country_code == code) & (values.year == 2017)].iloc[0]
    assert row.value == pytest.approx(world_2017, rel=5e-5)
    assert float(csv_cell(path, row.cell)) == row.value


def test_wdi_metadata_has_48_aggregates_and_217_economies(mirror: Path) -> None:
    path = mirrored(mirror, "wdi", "2025-07-01", "metadata_country")
    rows = wdi.read_countries(path, "2025-07-01")
    assert (rows.region == "").sum() == 48
    assert (rows.region != "").sum() == 217
    assert {"XKX", "CHI"} <= set(rows[rows.region != ""]["code"])


def test_knomad_grand_totals_are_the_cached_formula_values(mirror: Path) -> None:
    path = mirrored(mirror, "knomad", "2017", "remittances")
    matrix = knomad.read(path, "2017", "remittances")
    total = matrix.values[
        (matrix.values.row_name == "WORLD") & (matrix.values.column_name == "WORLD")
    ].iloc[0]
    assert total.value == pytest.approx(613_465.8, abs=0.05)
    assert xlsx_cell(path, matrix.sheet, total.cell) == pytest.approx(total.value)
    stock_path = mirrored(mirror, "knomad", "2017", "migrant_stocks")
    stocks = knomad.read(stock_path, "2017", "migrant_stocks").values
    world = stocks[(stocks.row_name == "World") & (stocks.column_name == "World")].iloc[0]
    assert world.value == 266_143_792
    assert {"Other North", "Other South"} <= set(stocks["row_name"])


def test_rpw_corridors_and_a_value_read_again(mirror: Path) -> None:
    path = mirrored(mirror, "rpw", "2020-12-07", "corridors")
    values = rpw.read(path, "2020-12-07")
    assert values["sending_code"].nunique() == 48
    assert values["receiving_code"].nunique() == 111
    assert set(values["series_code"]) == {"ATCR.CORR"}
    row = values[
        (values.sending_code == "AGO")
        & (values.receiving_code == "NAM")
        & (values.period == "2016Q2")
    ].iloc[0]
    assert row.value == pytest.approx(15.235, abs=1e-6)  # the file says 15.2349996566772
    assert float(csv_cell(path, row.cell)) == row.value


@pytest.mark.parametrize(
    ("edition", "rows", "dead_and_missing_2017"), [("2022", 10_606, 6_284), ("2025", 19_255, 6_400)]
)
def test_missing_migrants_vintages(
    mirror: Path, edition: str, rows: int, dead_and_missing_2017: int
) -> None:
    path = mirrored(mirror, "iom_mmp", edition, "incidents")
    incidents = iom_mmp.read(path, edition)
    assert len(incidents) == rows
    assert incidents[incidents.year == 2017]["dead_and_missing"].sum() == dead_and_missing_2017
    first = incidents.iloc[0]
    assert (first.incident_id, first.latitude, first.longitude) == (
        "2014.MMP00001",
        31.650259,
        -110.366453,
    )
    assert xlsx_cell(path, "Worksheet", f"J{first.row}") == first.dead_and_missing


def test_unhcr_global_refugees_and_rows_read_again(mirror: Path) -> None:
    table = unhcr.read(mirror / "unhcr" / "population.rda", "2025.12.1")
    assert table[table.year == 2017]["refugees"].sum() == 19_940_566
    assert table[table.year == 2024]["refugees"].sum() == 30_958_200
    # the CSV conversion of the same table: line n + 1 is row n
    lines = (mirror / "unhcr" / "population_from_rda.csv").read_text(encoding="utf-8").splitlines()
    header = next(csv.reader([lines[0]]))
    for row in table.sample(5, random_state=42).itertuples():
        fields = dict(zip(header, next(csv.reader([lines[row.row]])), strict=True))
        assert (int(fields["year"]), fields["coo_iso"], fields["coa_iso"]) == (
            row.year,
            row.coo_iso,
            row.coa_iso,
        )
        assert float(fields["refugees"] or "nan") == pytest.approx(row.refugees, nan_ok=True)


def test_natural_earth_has_177_features(mirror: Path) -> None:
    rows = natural_earth.read(mirrored(mirror, "natural_earth", "4.1", "countries"), "4.1")
    assert len(rows) == 177
    assert set(rows[rows.iso_n3 == "-99"]["adm0_a3"]) == {"CYN", "KOS", "NOR", "SOL"}


# -- the built warehouse -----------------------------------------------------------------------


def test_world_remittances_received_2017_and_its_cell(built_warehouse: Path, mirror: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        value, cell, unit = con.execute(
            "SELECT value, cell, unit FROM series WHERE source = 'wdi' AND edition = '2025-07-01' "
            "AND variable = 'remittances_received' AND area = 900 AND year = 2017"
        ).fetchone()  # type: ignore[misc]
    assert value == pytest.approx(591.36e9, rel=5e-5)
    assert unit == "current_usd"
    path = mirrored(mirror, "wdi", "2025-07-01", "BX.TRF.PWKR.CD.DT")
    assert float(csv_cell(path, cell)) == value


def test_wdi_economies_and_aggregates_all_map(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        unmapped = con.execute("SELECT code FROM wdi_economies WHERE m49 IS NULL").fetchall()
        counts = con.execute(
            "SELECT is_aggregate, count(*) FROM wdi_economies WHERE edition = '2025-07-01' GROUP BY 1"
        ).fetchall()
        kosovo = con.execute(
            "SELECT DISTINCT m49 FROM wdi_economies WHERE code IN ('XKX', 'CHI') ORDER BY 1"
        ).fetchall()
    assert unmapped == []
    assert dict(counts) == {True: 48, False: 217}
    assert kosovo == [(412,), (830,)]


def test_knomad_remittances_are_in_us_dollars(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        total = con.execute(
            "SELECT value FROM bilateral_remittances WHERE sending = 900 AND receiving = 900"
        ).fetchone()
        stock = con.execute(
            "SELECT value FROM migrant_stock WHERE source = 'knomad' AND origin = 900 "
            "AND destination = 900"
        ).fetchone()
        rows = con.execute("SELECT count(*) FROM bilateral_remittances").fetchone()
    assert total is not None and total[0] == pytest.approx(613_465.8e6, rel=1e-7)
    assert stock == (266_143_792.0,)
    assert rows == (215 * 215,)  # every cell of the matrix, totals included, every name mapped


def test_unhcr_refugees_2017_by_country(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        world = con.execute("SELECT sum(refugees) FROM refugees WHERE year = 2017").fetchone()
        rows = con.execute("SELECT count(*) FROM refugees").fetchone()
        turkey = con.execute(
            "SELECT sum(refugees) FROM refugees WHERE year = 2017 AND asylum = 792"
        ).fetchone()
    assert world == (19_940_566.0,)
    assert rows == (138_893,)  # no row lost to an unmapped code
    assert turkey == (3_480_350.0,)  # the 63 rows of asylum TUR in 2017, summed from the CSV copy


def test_missing_migrants_vintages_side_by_side(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        sums = dict(
            con.execute(
                "SELECT edition, sum(dead_and_missing) FROM missing_migrants WHERE year = 2017 "
                "GROUP BY 1"
            ).fetchall()
        )
        pairs = con.execute(
            "SELECT a.row_number, a.incident_id, a.matched_by, b.row_number, b.incident_id "
            "FROM missing_migrants a JOIN missing_migrants b USING (incident_key) "
            "WHERE a.edition = '2022' AND b.edition = '2025' "
            "AND a.row_number IN (10567, 10568, 10601, 10607, 8930) ORDER BY 1"
        ).fetchall()
        reused = con.execute(
            "SELECT rows FROM findings WHERE type = 'vintage-id-reused' ORDER BY finding_id"
        ).fetchall()
        corrected = con.execute(
            "SELECT count(*) FROM missing_migrants WHERE edition = '2025' AND year IS NULL"
        ).fetchone()
    assert sums == {"2022": 6_284.0, "2025": 6_400.0}
    assert pairs == [
        (8930, "2021.MMP00534", "incident-id", 9818, "2021.MMP00534"),  # 11 days, same point
        (10567, "2022.MMP0422", "attributes", 12208, "2022.MMP1043"),  # Rio Bravo, ID reused
        (10568, "2022.MMP0423", "attributes", 12209, "2022.MMP1044"),  # Cameron County
        (10601, "2022.MMP422", "attributes", 11623, "2022.MMP0422"),  # Suphan Buri
        (10607, "7420", "attributes", 2837, "2016.MMP017634"),  # Sahara, ID changed
    ]
    named = [[(r["edition"], r["row_number"]) for r in json.loads(rows)] for (rows,) in reused]
    assert named == [[("2022", 10567), ("2025", 11623)], [("2022", 10568), ("2025", 11624)]]
    assert corrected == (0,)  # the 13 empty years are recorded corrections


def test_boundaries_and_findings_of_the_other_sources(built_warehouse: Path) -> None:
    with open_warehouse(built_warehouse) as con:
        boundaries = con.execute("SELECT count(*), count(DISTINCT area) FROM boundaries").fetchone()
        unmapped = con.execute(
            "SELECT DISTINCT source, code FROM area_names WHERE m49 IS NULL AND code IS NOT NULL AND source "
            "IN ('wdi', 'knomad', 'rpw', 'iom_mmp', 'unhcr', 'natural_earth') ORDER BY 1, 2"
        ).fetchall()
        types = {t for (t,) in con.execute("SELECT DISTINCT type FROM findings").fetchall()}
    assert boundaries == (175, 175)
    assert unmapped == [("natural_earth", "CYN"), ("natural_earth", "SOL")]
    assert {
        "origin-equals-asylum",
        "stock-below-refugees",
        "net-migration-not-zero",
        "possible-duplicate-incident",
        "aggregate-mismatch",
        "correction-applied",
    } <= types


def test_known_upstream_problems_are_corrected_or_recorded(
    mirror: Path, built_warehouse: Path
) -> None:
    path = mirrored(mirror, "iom_mmp", "2022", "incidents")
    # the file still has the problems the corrections name ...
    assert xlsx_cell(path, "Worksheet", "T9308") == "POINT (12.54897854 33.01479981)"
    assert xlsx_cell(path, "Worksheet", "T1778") == "POINT (0 0)"
    assert xlsx_cell(path, "Worksheet", "T9127") == "POINT (12.93936308 28.00204958)"
    with open_warehouse(built_warehouse) as con:
        points = con.execute(
            "SELECT row_number, latitude, longitude FROM missing_migrants WHERE edition = '2022' "
            "AND row_number IN (9308, 1778, 9127) ORDER BY row_number"
        ).fetchall()
        placeholders = con.execute(
            "SELECT count(*) FROM missing_migrants WHERE edition = '2022' "
            "AND latitude = 33.01479981 AND longitude = 12.54897854 "
            "AND region NOT IN ('Mediterranean', 'Northern Africa', 'Eastern Africa')"
        ).fetchone()
        kinds = con.execute(
            "SELECT type, source, count(*) FROM findings WHERE type LIKE 'correction-%' "
            "OR type = 'known-problem' GROUP BY ALL ORDER BY ALL"
        ).fetchall()
        date = con.execute(
            "SELECT incident_date, incident_date_text FROM missing_migrants "
            "WHERE edition = '2025' AND row_number = 9252"
        ).fetchone()
    # ... and the warehouse holds the 2025 export's places for them (rows 10194, 2221, 10013)
    assert points == [
        (1778, 21.894602, 32.913814),
        (9127, 28.00204958, -12.93936308),
        (9308, 31.482035, -104.843594),
    ]
    assert placeholders == (0,)
    assert date == (None, "0")
    # no guard fired: every correction still matches the problem the file has
    assert [k for k in kinds if k[0] in ("correction-stale", "correction-unmatched")] == []
    assert ("known-problem", "knomad", 3) in kinds


def test_knomad_world_row_for_israel_is_a_finding_naming_its_cell(
    mirror: Path, built_warehouse: Path
) -> None:
    path = mirrored(mirror, "knomad", "2017", "remittances")
    sheet = "Bilateral_Remittances_2017"
    assert xlsx_cell(path, sheet, "CP2") == "Israel"
    column = xlsx_cells(path, sheet, (f"CP{row}" for row in range(3, 217)))
    cells = sum(v for v in column if isinstance(v, int | float))
    with open_warehouse(built_warehouse) as con:
        (rows,) = con.execute(
            "SELECT rows FROM findings WHERE type = 'aggregate-mismatch' AND source = 'knomad' "
            "AND title LIKE '%WORLD row%'"
        ).fetchone()
        paid = con.execute(
            "SELECT count(*) FROM findings WHERE type = 'aggregate-mismatch' "
            "AND source = 'wdi' AND edition = '2021-09-15'"
        ).fetchone()
    israel, lebanon = json.loads(rows)
    assert (israel["cell"], israel["area"]) == ("CP217", "376")
    assert israel["stated"] == pytest.approx(float(xlsx_cell(path, sheet, "CP217")) * 1e6)  # type: ignore[arg-type]
    assert israel["stated"] == pytest.approx(990.3752e6)
    assert israel["sum_of_cells"] == pytest.approx(cells * 1e6)
    assert israel["sum_of_cells"] == pytest.approx(989.176e6, abs=1e3)
    assert lebanon["cell"] == "DE217"
    assert paid is not None and paid[0] > 0  # remittances paid is checked, by 2025 groupings


def test_missing_migrants_origins_are_the_cells_names(mirror: Path, built_warehouse: Path) -> None:
    path = mirrored(mirror, "iom_mmp", "2025", "incidents")
    with open_warehouse(built_warehouse) as con:
        unmapped = con.execute(
            "SELECT count(*) FROM missing_migrants_origins WHERE origin IS NULL"
        ).fetchone()
        sample = con.execute(
            "SELECT row_number, string_agg(name, ',' ORDER BY position) FROM "
            "missing_migrants_origins WHERE row_number IN (SELECT row_number FROM "
            "missing_migrants_origins WHERE position = 3 LIMIT 5) GROUP BY 1 ORDER BY 1"
        ).fetchall()
    assert unmapped == (0,)
    assert len(sample) == 5
    for row, names in sample:
        assert xlsx_cell(path, "Worksheet", f"O{row}") == names  # Country of Origin


def test_a_country_above_its_grouping_is_a_finding_naming_the_incidents(
    mirror: Path, built_warehouse: Path
) -> None:
    """Mexico 134 > Central America 117 in 2014 (2025 vintage): one incident in Mexico, 17 dead
    and missing, is filed under the Caribbean."""
    with open_warehouse(built_warehouse) as con:
        found = con.execute(
            "SELECT message, observed, expected, rows FROM findings WHERE type = "
            "'part-exceeds-whole' AND source = 'iom_mmp' AND edition = '2025' "
            "AND title LIKE '%Mexico counts more dead and missing than Central America%'"
        ).fetchall()
    assert len(found) == 1
    message, observed, expected, rows = found[0]
    (year,) = json.loads(rows)
    assert (observed, expected) == (134.0, 117.0)
    assert {k: year[k] for k in ("area", "year", "in_country", "in_grouping", "outside")} == {
        "area": "484",
        "year": 2014,
        "in_country": 134.0,
        "in_grouping": 117.0,
        "outside": 17.0,
    }
    assert year["listed_under"] == ["Caribbean"]
    assert "filed under Caribbean" in message
    path = mirrored(mirror, "iom_mmp", "2025", "incidents")
    header = list(sheet_rows(path, "Worksheet")[0])
    (row,) = year["row_numbers"]
    line = sheet_rows(path, "Worksheet")[row - 1]
    assert line[header.index("Total Number of Dead and Missing")] == 17
    assert line[header.index("Country of Incident")] == "Mexico"
    assert line[header.index("UNSD Geographical Grouping")] == "Caribbean"
