"""A small warehouse laid out by the schema contract, for the faces' tests (API, pages, exports).

Four countries, the world and one region; two editions of the migrant stock with totals, by sex
and a few corridors; provenance rows for each file; two flow runs of the 2017 edition. Values are the UN DESA 2017/2019 figures
for these countries, so that pages show numbers that look like the real ones.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb

from migobs.warehouse import findings, schema
from migobs.warehouse.findings import Finding

AREAS = [
    (4, "AFG", "AF", "Afghanistan", "country"),
    (250, "FRA", "FR", "France", "country"),
    (578, "NOR", "NO", "Norway", "country"),
    (484, "MEX", "MX", "Mexico", "country"),
    (840, "USA", "US", "United States of America", "country"),
    (900, None, None, "World", "world"),
    (150, None, None, "Europe", "region"),
]
GROUPS = [(150, 250, "m49"), (150, 578, "m49")]
FILES = [
    (1, "undesa_stock", "2017", "totals", "UN_MigrantStockTotal_2017.xlsx"),
    (2, "undesa_stock", "2019", "totals", "UN_MigrantStockTotal_2019.xlsx"),
]
# (edition, file, year, destination, origin, sex, value, cell)
STOCK = [
    ("2017", 1, 2010, 4, 900, "total", 102_276.0, "F10"),
    ("2017", 1, 2017, 4, 900, "total", 133_569.0, "H10"),
    ("2017", 1, 2010, 250, 900, "total", 7_309_759.0, "F20"),
    ("2017", 1, 2017, 250, 900, "total", 7_902_783.0, "H20"),
    ("2017", 1, 2010, 578, 900, "total", 526_420.0, "F30"),
    ("2017", 1, 2017, 578, 900, "total", 798_947.0, "H30"),
    ("2017", 1, 2010, 840, 900, "total", 44_183_643.0, "F40"),
    ("2017", 1, 2017, 840, 900, "total", 49_776_970.0, "H40"),
    ("2017", 1, 2017, 840, 484, "total", 12_683_066.0, "Q40"),
    ("2019", 2, 2010, 4, 900, "total", 102_276.0, "F10"),
    ("2019", 2, 2019, 4, 900, "total", 144_098.0, "H10"),
    ("2019", 2, 2010, 250, 900, "total", 7_309_759.0, "F20"),
    ("2019", 2, 2019, 250, 900, "total", 8_334_875.0, "H20"),
    ("2019", 2, 2019, 250, 900, "female", 4_344_036.0, "P20"),
    ("2019", 2, 2019, 250, 900, "male", 3_990_839.0, "O20"),
    ("2019", 2, 2010, 578, 900, "total", 526_420.0, "F30"),
    ("2019", 2, 2019, 578, 900, "total", 867_765.0, "H30"),
    ("2019", 2, 2010, 840, 900, "total", 44_183_643.0, "F40"),
    ("2019", 2, 2019, 840, 900, "total", 50_661_149.0, "H40"),
    ("2019", 2, 2019, 840, 484, "total", 11_489_684.0, "Q40"),
    ("2019", 2, 2010, 840, 484, "total", 12_168_662.0, "P40"),
    ("2019", 2, 2019, 484, 900, "total", 1_060_707.0, "H50"),
    ("2019", 2, 2019, 900, 900, "total", 271_642_105.0, "H8"),
]
# Flow runs of the 2017 edition (demographic accounting), with flows taken from the real run
# for Mexico and the United States; Afghanistan is only in the first run, and Norway has no
# flow back to France in the second (a stored run holds non-zero flows only).
RUNS = [
    ("demographic-accounting/2017/total/2005-2010", 2005, 2010, 47_092_140.0, 6_519_158_000.0),
    ("demographic-accounting/2017/total/2010-2015", 2010, 2015, 45_875_640.0, 6_933_589_000.0),
]
FLOWS = [
    (RUNS[0][0], 484, 840, 870_766.2),
    (RUNS[0][0], 840, 484, 266_386.6),
    (RUNS[0][0], 4, 840, 1_204.0),
    (RUNS[0][0], 250, 578, 9_876.0),
    (RUNS[0][0], 578, 250, 4_321.0),
    (RUNS[1][0], 484, 840, 617_832.6),
    (RUNS[1][0], 840, 484, 144_011.5),
    (RUNS[1][0], 250, 578, 11_000.0),
]
# A flow ensemble covering the Mexico - United States corridor both ways in both runs:
# (run, orig, dest, flow, lower, median, upper), persons over the period.
ENSEMBLE = "ensemble/2017/wpp-2019/draws-200/seed-1"
INTERVALS = [
    (RUNS[0][0], 484, 840, 870_766.2, 700_000.0, 880_000.0, 1_050_000.0),
    (RUNS[0][0], 840, 484, 266_386.6, 200_000.0, 270_000.0, 330_000.0),
    (RUNS[1][0], 484, 840, 617_832.6, 418_174.0, 620_000.0, 900_000.0),
    (RUNS[1][0], 840, 484, 144_011.5, 100_000.0, 150_000.0, 190_000.0),
]
# Two findings as the build's checks record them, their areas as M49 numbers in the rows:
# Afghanistan's stock below the refugees it hosts, and a correction of a KNOMAD cell.
FINDINGS = [
    Finding(
        type="stock-below-refugees",
        title="undesa_stock 2019: Afghanistan 2019 migrant stock below UNHCR's refugees",
        message="undesa_stock 2019 gives Afghanistan (004) a migrant stock of 144,098 in 2019.",
        source="undesa_stock",
        edition="2019",
        observed=144_098.0,
        expected=150_000.0,
        rows=[
            {"table": "migrant_stock", "year": 2019, "destination": 4, "cell": "H10"},
            {"table": "refugees", "edition": "2025.12.1", "row_number": 7},
        ],
    ),
    Finding(
        type="known-problem",
        title="knomad: 2017 remittance matrix, Mexico's cell from the United States",
        message="Correction 'cell' (the cell is cached): left as the file has it on 1 row(s).",
        source="knomad",
        edition="2017",
        rows=[{"table": "bilateral_remittances", "sending": 840, "receiving": 484}],
    ),
]
BUILD_ID = "test-build-0001"


def build_small_warehouse(path: Path) -> Path:
    """Create the small warehouse at ``path`` (replacing any file there) and return the path."""
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    try:
        schema.apply(con)
        now = dt.datetime(2026, 11, 28, 8, 0)
        con.execute(
            "INSERT INTO builds (build_id, started_at, finished_at, version, summary) "
            "VALUES (?, ?, ?, '0.1.0', '{}')",
            [BUILD_ID, now, now],
        )
        con.executemany(
            "INSERT INTO areas (m49, iso3, iso2, name, kind) VALUES (?, ?, ?, ?, ?)", AREAS
        )
        con.executemany(
            "INSERT INTO area_groups (group_m49, member_m49, scheme) VALUES (?, ?, ?)", GROUPS
        )
        con.executemany(
            "INSERT INTO source_files (file_id, source, edition, file_key, name, url, sha256, bytes, "
            "licence, citation, obtained_from, obtained_at) "
            "VALUES (?, ?, ?, ?, ?, 'https://www.un.org/', ?, 1000, "
            "'UN terms of use', 'United Nations (2019). International Migrant Stock.', 'mirror', ?)",
            [(fid, src, ed, key, name, f"{fid:064d}", now) for fid, src, ed, key, name in FILES],
        )
        con.executemany(
            "INSERT INTO migrant_stock (source, edition, year, destination, origin, sex, value, "
            "file_id, sheet, cell) VALUES ('undesa_stock', ?, ?, ?, ?, ?, ?, ?, 'Table 1', ?)",
            [
                (ed, year, dest, orig, sex, value, fid, cell)
                for ed, fid, year, dest, orig, sex, value, cell in STOCK
            ],
        )
        add_flows(con)
        findings.insert(con, FINDINGS)
    finally:
        con.close()
    return path


def add_flows(con: duckdb.DuckDBPyConnection) -> None:
    """Store :data:`RUNS` and :data:`FLOWS` as ``migobs flows run`` would."""
    con.executemany(
        "INSERT INTO flow_runs (run_id, method, options, edition, demography, sex, year0, year1, "
        "countries, total_flow, world_pop, diagnostics, converged, margins_met) VALUES (?, "
        "'demographic-accounting', '{\"stayers\": true}', '2017', 'wpp/2019', 'total', ?, ?, 5, "
        "?, ?, '{\"converged\": true}', true, true)",
        RUNS,
    )
    con.executemany("INSERT INTO flows (run_id, orig, dest, flow) VALUES (?, ?, ?, ?)", FLOWS)
    con.execute(
        "INSERT INTO flow_ensembles VALUES (?, '2017', 'wpp/2019', 1, 200, '{}', '[]', "
        "'2 local processes', 61.5, TIMESTAMP '2026-11-28 09:00:00')",
        [ENSEMBLE],
    )
    con.executemany(
        "INSERT INTO flow_intervals (ensemble_id, run_id, period, orig, dest, flow, lower, median, "
        "upper, method_min, method_max, draws) VALUES (?, ?, '', ?, ?, ?, ?, ?, ?, 0, 0, 200)",
        [(ENSEMBLE, *row) for row in INTERVALS],
    )
