"""An area a file states twice (UN DESA's Table 1 lists Australia and New Zealand, 927, under two
headings) is read from its first row every time, so a value and its provenance do not depend on
the order DuckDB happens to return ties in (the indicators stored at build must equal those
computed later)."""

from __future__ import annotations

from migobs.warehouse.read import stock_cells
from tests.support.small_warehouse import build

ROWS = [  # the later row inserted first: in insertion order, the wrong one comes first
    ("undesa_stock", "2017", 2017, 927, 900, "total", 7000.0, 1, "Table 1", "L268", None),
    ("undesa_stock", "2017", 2017, 927, 900, "total", 7000.0, 1, "Table 1", "L19", None),
    ("undesa_stock", "2017", 2017, 927, 900, "total", 7000.0, 1, "Table 1", "L100", None),
]


def test_an_area_stated_twice_is_read_from_its_first_row() -> None:
    con = build()
    try:
        con.executemany(f"INSERT INTO migrant_stock VALUES ({', '.join('?' * 11)})", ROWS)
        con.execute(
            "INSERT INTO stock_tables VALUES ('undesa_stock', '2017', 'population', 2017, 927, "
            "'total', 30000, 'persons', 1, 'Table 2', 'K268', NULL), ('undesa_stock', '2017', "
            "'population', 2017, 927, 'total', 30000, 'persons', 1, 'Table 2', 'K19', NULL)"
        )
        stock = stock_cells.by_destination(con, "undesa_stock", "2017", 2017)[927]
        population = stock_cells.table_values(con, "2017", "population", 2017)[927]
    finally:
        con.close()
    assert stock.where() == "UN_MigrantStockTotal_2017.xlsx[Table 1]!L19"
    assert population.where() == "UN_MigrantStockTotal_2017.xlsx[Table 2]!K19"
