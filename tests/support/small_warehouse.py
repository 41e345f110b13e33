"""A small warehouse the indicator and claim tests build in memory: every table they read, a few
areas, numbers chosen so that each indicator can be checked by hand."""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.warehouse import schema

WORLD, KENYA, BURUNDI, FRANCE, EAST_AFRICA, UNKNOWN = 900, 404, 108, 250, 910, 9903

FILES = [
    # file_id, source, edition, key, name
    (1, "undesa_stock", "2017", "totals", "UN_MigrantStockTotal_2017.xlsx"),
    (2, "undesa_stock", "2020", "by_sex_destination", "undesa_2020.xlsx"),
    (3, "wdi", "2025-07-01", "BX.TRF.PWKR.CD.DT", "API_BX.csv"),
    (4, "wdi", "2024-10-24", "NY.GDP.MKTP.CD", "API_GDP.csv"),
    (5, "wdi", "2025-10-07", "DT.ODA.ALLD.CD", "API_ODA.csv"),
    (6, "iom_mmp", "2022", "incidents", "mmp_2022.xlsx"),
    (7, "iom_mmp", "2025", "incidents", "mmp_2025.xlsx"),
    (8, "unhcr", "2025.12.1", "population", "population.rda"),
    (9, "wpp", "2019", "population", "WPP2019_POP.xlsx"),
    (10, "rpw", "2020-12-07", "corridors", "rpw.csv"),
    (11, "undesa_stock", "2017", "origin_destination", "UN_OD_2017.xlsx"),
    (12, "knomad", "2017", "remittances", "WB_Bilateral_Remittance_Estimates_2017.xlsx"),
]

AREAS = [
    (WORLD, None, "World", "world"),
    (KENYA, "KEN", "Kenya", "country"),
    (BURUNDI, "BDI", "Burundi", "country"),
    (FRANCE, "FRA", "France", "country"),
    (EAST_AFRICA, None, "Eastern Africa", "subregion"),
    (UNKNOWN, None, "Unknown origin (UNHCR)", "special"),
]

GROUPS = [
    *[(WORLD, m, s) for m in (KENYA, BURUNDI, FRANCE) for s in ("undesa_stock/2017", "wdi/2025-07-01", "m49")],
    *[(EAST_AFRICA, m, s) for m in (KENYA, BURUNDI) for s in ("undesa_stock/2017", "m49")],
]  # fmt: skip

# (edition, year, destination, origin, sex, value, file_id, cell)
STOCK = [
    ("2017", 2000, KENYA, 900, "total", 1000, 1, "H20"),
    ("2017", 2000, BURUNDI, 900, "total", 300, 1, "H21"),
    ("2017", 2000, FRANCE, 900, "total", 6000, 1, "H22"),
    ("2017", 2000, WORLD, 900, "total", 7300, 1, "H17"),
    ("2017", 2000, EAST_AFRICA, 900, "total", 1350, 1, "H18"),  # members sum to 1300
    ("2017", 2017, KENYA, 900, "total", 1200, 1, "L20"),
    ("2017", 2017, BURUNDI, 900, "total", 400, 1, "L21"),
    ("2017", 2017, FRANCE, 900, "total", 7000, 1, "L22"),
    ("2017", 2017, WORLD, 900, "total", 8600, 1, "L17"),
    ("2017", 2017, EAST_AFRICA, 900, "total", 1600, 1, "L18"),
    ("2017", 2017, KENYA, 900, "female", 500, 1, "Z20"),
    ("2017", 2017, BURUNDI, 900, "female", 200, 1, "Z21"),
    ("2017", 2017, FRANCE, 900, "female", 3600, 1, "Z22"),
    ("2017", 2017, WORLD, 900, "female", 4300, 1, "Z17"),
    ("2017", 2017, FRANCE, KENYA, "total", 800, 11, "EM30"),
    ("2017", 2017, FRANCE, BURUNDI, "total", 100, 11, "EN30"),
    ("2017", 2017, WORLD, KENYA, "total", 900, 11, "EM10"),
    ("2017", 2017, WORLD, BURUNDI, "total", 150, 11, "EN10"),
    ("2020", 2000, WORLD, 900, "total", 7400, 2, "H12"),
    ("2020", 2020, WORLD, 900, "total", 9000, 2, "L12"),
    ("2020", 2020, KENYA, 900, "total", 1300, 2, "L13"),
]

# (edition, variable, year, area, value, unit, cell)
TABLES = [
    ("2017", "population", 2017, KENYA, 50_000, "persons", "K20"),
    ("2017", "population", 2017, BURUNDI, 10_000, "persons", "K21"),
    ("2017", "population", 2017, FRANCE, 64_000, "persons", "K22"),
    ("2017", "population", 2017, WORLD, 124_000, "persons", "K17"),
    ("2017", "migrant_share_pct", 2017, WORLD, 6.9, "percent", "L17"),
]

# (source, edition, variable, area, year, value, file_id, cell)
SERIES = [
    ("wdi", "2025-07-01", "remittances_received", KENYA, 2017, 2.0e9, 3, "BJ120"),
    ("wdi", "2025-07-01", "remittances_received", BURUNDI, 2017, 0.1e9, 3, "BJ30"),
    ("wdi", "2025-07-01", "remittances_received", FRANCE, 2017, 0.8e9, 3, "BJ80"),
    ("wdi", "2025-07-01", "remittances_received", WORLD, 2017, 3.0e9, 3, "BJ265"),
    ("wdi", "2024-10-24", "gdp", KENYA, 2017, 8.0e10, 4, "BJ120"),
    ("wdi", "2024-10-24", "gdp", WORLD, 2017, 1.0e12, 4, "BJ265"),
    ("wdi", "2025-10-07", "oda_received", KENYA, 2017, 2.5e9, 5, "BJ120"),
    ("wdi", "2025-10-07", "oda_received", WORLD, 2017, 1.0e9, 5, "BJ265"),
    ("wpp", "2019", "population", BURUNDI, 2017, 10.0e6, 9, "BW30"),
    ("wpp", "2019", "population", KENYA, 2017, 50.0e6, 9, "BW31"),
    ("wpp", "2019", "population", FRANCE, 2017, 64.0e6, 9, "BW32"),
    ("wpp", "2019", "population", WORLD, 2017, 7.5e9, 9, "BW18"),
]

# (edition, year, area, dead_and_missing, region, route, file_id, row)
INCIDENTS = [
    ("2022", 2017, KENYA, 10, "Eastern Africa", None, 6, 2),
    ("2022", 2017, None, 20, "Mediterranean", "Central Mediterranean", 6, 3),
    ("2022", 2017, FRANCE, 5, "Europe", "Italy to France", 6, 4),
    ("2022", 2018, None, 7, "Mediterranean", "Central Mediterranean", 6, 5),
    ("2025", 2017, KENYA, 12, "Eastern Africa", None, 7, 2),
    ("2025", 2017, None, 20, "Mediterranean", "Central Mediterranean", 7, 3),
    ("2025", 2017, FRANCE, 5, "Europe", "Italy to France", 7, 4),
    ("2025", 2018, None, 7, "Mediterranean", "Central Mediterranean", 7, 5),
    ("2025", 2019, None, 1, "Mediterranean", "Central Mediterranean", 7, 6),
]

# (year, origin, asylum, refugees, row)
REFUGEES = [
    (2017, BURUNDI, KENYA, 1000, 10),
    (2017, BURUNDI, FRANCE, 500, 11),
    (2017, UNKNOWN, KENYA, 100, 12),
]

# (sending, receiving, period, value, cell)
PRICES = [
    (FRANCE, KENYA, "2017Q1", 6.0, "AA5"),
    (FRANCE, KENYA, "2017Q2", 8.0, "AB5"),
    (FRANCE, BURUNDI, "2017Q1", 4.0, "AA6"),
]

# (sending, receiving, value in US$, cell); 900 = the matrix's WORLD row/column
MATRIX = [
    (FRANCE, KENYA, 3.0e8, "C5"),
    (FRANCE, BURUNDI, 1.0e8, "D5"),
    (KENYA, BURUNDI, 0.5e8, "D3"),
    (WORLD, BURUNDI, 1.5e8, "D9"),
    (WORLD, KENYA, 3.0e8, "C9"),
    (WORLD, WORLD, 4.6e8, "F9"),  # the corridors sum to 4.5e8
]


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple[Any, ...]]) -> None:
    marks = ", ".join("?" * len(rows[0]))
    con.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


def build() -> duckdb.DuckDBPyConnection:
    """An in-memory warehouse with the rows above."""
    con = duckdb.connect()
    schema.apply(con)
    _insert(con, "source_files", [
        (i, s, e, k, n, "https://example.org/" + n, f"sha{i}", 1, "CC BY", "cite", "mirror", "2026-11-28")
        for i, s, e, k, n in FILES
    ])  # fmt: skip
    _insert(con, "areas", [(m, iso3, None, name, kind) for m, iso3, name, kind in AREAS])
    _insert(con, "area_groups", GROUPS)
    _insert(con, "migrant_stock", [
        ("undesa_stock", e, y, d, o, s, v, f, "Table 1" if f != 11 else "Sheet1", c, None)
        for e, y, d, o, s, v, f, c in STOCK
    ])  # fmt: skip
    _insert(con, "stock_tables", [
        ("undesa_stock", e, var, y, a, "total", v, u, 1, "Table 2", c, None)
        for e, var, y, a, v, u, c in TABLES
    ])  # fmt: skip
    _insert(con, "series", [
        (s, e, var, a, y, None, v, "persons" if s == "wpp" else "current_usd", "x", f, None, c)
        for s, e, var, a, y, v, f, c in SERIES
    ])  # fmt: skip
    _insert(con, "missing_migrants", [
        ("iom_mmp", e, f"k{e}{r}", None, None, None, "Incident", reg, None, None, y, None, None, None, n,
         None, None, None, None, None, None, None, None, a, route, None, None, None, None, None,
         None, None, f, "Worksheet", r)
        for e, y, a, n, reg, route, f, r in INCIDENTS
    ])  # fmt: skip
    _insert(con, "refugees", [
        ("unhcr", "2025.12.1", y, o, a, n, 0, 0, 0, 0, 0, 0, None, 0, 8, r)
        for y, o, a, n, r in REFUGEES
    ])  # fmt: skip
    _insert(con, "remittance_prices", [
        ("rpw", "2020-12-07", "ATCR.CORR", s, r, p, 2017, int(p[-1]), v, 10, None, c)
        for s, r, p, v, c in PRICES
    ])  # fmt: skip
    _insert(con, "bilateral_remittances", [
        ("knomad", "2017", 2017, s, r, v, 12, "Bilateral_Remittances_2017", c) for s, r, v, c in MATRIX
    ])  # fmt: skip
    return con
