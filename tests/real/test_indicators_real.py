"""Indicators on the warehouse built from the mirror, checked by hand against the files.

Each expected figure was read from the official file itself (cell given) and computed by hand.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from migobs.claims.findings import aggregate_findings
from migobs.indicators import compute, deaths_by, table
from migobs.warehouse.read import open_warehouse

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def con(built_warehouse: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    with open_warehouse(built_warehouse) as connection:
        yield connection


def test_known_stock_figures_of_the_2017_revision(con: duckdb.DuckDBPyConnection) -> None:
    world = compute(con, "stock.total", 900, 2017, "2017")
    assert world.value == 257_715_425
    assert world.inputs[0].where() == "UN_MigrantStockTotal_2017.xlsx[Table 1]!L17"
    assert compute(con, "stock.total", 900, 2000, "2017").value == 172_604_257
    assert compute(con, "stock.female", 900, 2017, "2017").value == 124_636_567
    men = compute(con, "stock.male", 900, 2017, "2017")
    assert (men.value, men.inputs[0].cell) == (133_078_858, "S17")
    assert compute(con, "stock.male", 484, 2017, "2017").value == 620_387  # Mexico, S235


def test_world_share_of_population_is_table_3(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.share_of_population", 900, 2017, "2017")
    assert value.value == pytest.approx(3.4133, abs=5e-5)
    assert value.value == pytest.approx(value.published, rel=1e-9)  # Table 3!L17


@pytest.mark.parametrize(
    ("code", "area", "expected"),
    [
        # Kenya: Table 1 L (1,078,572) over Table 2 K (49,699.862 thousand) = Table 3 (2.1702%)
        ("stock.share_of_population", 404, 100 * 1_078_572 / 49_699_862),
        # Germany: Table 1 Z (6,109,816 women) over L (12,165,083)
        ("stock.female_share", 276, 100 * 6_109_816 / 12_165_083),
        # Sub-Saharan Africa (947): its own row, and its countries sum to it
        ("stock.total", 947, 22_975_988),
        # Europe (908): 77,895,217 over 742,073,853 (Table 3: 10.4970%)
        ("stock.share_of_population", 908, 100 * 77_895_217 / 742_073_853),
    ],
)
def test_stock_indicators_by_hand(
    con: duckdb.DuckDBPyConnection, code: str, area: int, expected: float
) -> None:
    assert compute(con, code, area, 2017, "2017").value == pytest.approx(expected, rel=1e-9)


def test_change_since_2000_in_the_2017_revision(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "stock.change_pct", 900, 2017, "2017", base_year=2000)
    assert value.value == pytest.approx(100 * (257_715_425 / 172_604_257 - 1), rel=1e-12)
    assert compute(con, "stock.change", 900, 2017, "2017").value == 85_111_168


def test_emigrants_and_top_corridor_of_the_2017_origin_destination_table(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert compute(con, "stock.emigrants", 356, 2017, "2017").value == 16_587_720
    world = compute(con, "stock.emigrants", 900, 2017, "2017")
    assert "Other North, Other South" in world.note
    other_north = compute(con, "stock.emigrants", 9901, 2017, "2017").value
    other_south = compute(con, "stock.emigrants", 9902, 2017, "2017").value
    assert (other_north, other_south) == (3_518_539, 7_041_702)  # WORLD row of the O-D copy
    assert world.value == 257_715_425 - other_north - other_south
    top = table(con, "stock.corridor", 2017, "2017")[0]
    assert (top.counterpart, top.area, top.value) == (484, 840, 12_683_066)


@pytest.mark.parametrize(
    ("code", "area", "expected"),
    [
        # WDI BX.TRF.PWKR.CD.DT / NY.GDP.MKTP.CD, 2017 column: Philippines, Nepal
        ("sdg.17.3.2", 608, 100 * 32_809_770_433.9087 / 328_480_736_798.792),
        ("sdg.17.3.2", 524, 100 * 6_928_133_767.08804 / 28_971_588_940.364),
        ("remittances.received", 900, 591_357_015_219.397),
        ("remittances.received", 9122, 428_863_109_389.402),
        # WDI BM.TRF.PWKR.CD.DT (2021-09-15 extract), 2017 column: WLD, USA
        ("remittances.paid", 900, 422_302_809_073.577),
        ("remittances.paid", 840, 64_058_000_000),
        # LMY remittances over LMY net ODA received (DT.ODA.ALLD.CD 164,284,218,750)
        ("remittances.vs_oda", 9122, 428_863_109_389.402 / 164_284_218_750),
        # UNHCR refugees from Syria (6,310,498) per 100,000 of WPP 2019 (17,095.669 thousand)
        ("sdg.10.7.4", 760, 100_000 * 6_310_498 / 17_095_669),
        ("sdg.10.7.4", 4, 100_000 * 2_624_265 / 36_296_111),
        ("refugees.by_origin", 900, 19_940_566),
    ],
)
def test_other_indicators_by_hand(
    con: duckdb.DuckDBPyConnection, code: str, area: int, expected: float
) -> None:
    assert compute(con, code, area, 2017).value == pytest.approx(expected, rel=1e-9)


def test_deaths_during_migration_2017_in_the_2022_vintage(con: duckdb.DuckDBPyConnection) -> None:
    assert compute(con, "sdg.10.7.3", 900, 2017, "2022").value == 6284
    regions = {v.label: v.value for v in deaths_by(con, "region", 2017, "2022")}
    assert (regions["Mediterranean"], regions["Northern Africa"]) == (3139, 1026)
    assert compute(con, "sdg.10.7.3", 900, 2017, "2025").value == 6400


def test_remittance_cost_usa_to_mexico_2017(con: duckdb.DuckDBPyConnection) -> None:
    value = compute(con, "sdg.10.c.1.corridor", 484, 2017, counterpart=840)
    assert len(value.inputs) == 4
    assert value.value == pytest.approx(sum(c.value or 0 for c in value.inputs) / 4)
    assert value.value == pytest.approx(4.7207, abs=5e-5)


@pytest.fixture(scope="module")
def rpw_2017(mirror: Path) -> pd.DataFrame:
    """The RPW corridors extract's 2017 quarters, one row per corridor, read with pandas."""
    [path] = (mirror / "wb_rpw").glob("*_Data.csv")
    rows = pd.read_csv(path, na_values=[".."], encoding="utf-8-sig")
    rows = rows[rows["Series Code"] == "ATCR.CORR"]
    quarters = [c for c in rows.columns if c.startswith("2017Q")]
    return rows.set_index(["Sending Countries Code", "Receiving Countries  Code"])[quarters]


def test_remittance_cost_is_the_simple_average_of_the_years_observations(
    con: duckdb.DuckDBPyConnection, rpw_2017: pd.DataFrame
) -> None:
    every = rpw_2017.to_numpy().ravel()
    every = every[~pd.isna(every)]
    world = compute(con, "sdg.10.c.1", 900, 2017)
    assert (len(world.inputs), world.value) == (len(every), pytest.approx(every.mean()))
    assert world.value == pytest.approx(7.6153, abs=5e-5)
    from_usa = rpw_2017.xs("USA", level=0).to_numpy().ravel()
    from_usa = from_usa[~pd.isna(from_usa)]
    sending = compute(con, "sdg.10.c.1.sending", 840, 2017)
    assert sending.value == pytest.approx(6.1858, abs=5e-5)
    assert (len(sending.inputs), len(from_usa)) == (168, 168)  # 42 corridors, 4 quarters
    assert sending.value == pytest.approx(from_usa.mean())


def test_share_of_corridors_above_5_percent_by_hand(
    con: duckdb.DuckDBPyConnection, rpw_2017: pd.DataFrame
) -> None:
    into_india = rpw_2017.xs("IND", level=1).mean(axis=1).dropna()
    assert (int((into_india > 5).sum()), len(into_india)) == (9, 20)
    assert compute(con, "sdg.10.c.1.above_5pct", 356, 2017).value == pytest.approx(45.0)


def test_aggregates_against_published_are_findings(con: duckdb.DuckDBPyConnection) -> None:
    stock = aggregate_findings(con, "stock.total", 2017, "2017")
    sudan = compute(con, "stock.total", 729, 2017, "2017").value  # Table 1!L65: 735,821
    # 934 exceeds its members; M49's Sub-Saharan Africa (202) leaves out Sudan, which the
    # 2017 edition's SUB-SAHARAN AFRICA (947) counts
    assert sorted((f.area, f.expected - f.observed) for f in stock) == [(202, sudan), (934, 41_039)]
    assert sudan == 735_821
    remittances = {f.area: f for f in aggregate_findings(con, "remittances.received", 2017)}
    assert 900 not in remittances  # WLD equals the sum of its economies in this vintage
    oda = {f.area: f for f in aggregate_findings(con, "remittances.vs_oda", 2017)}
    assert oda[900].expected == pytest.approx(591_357_015_219.397 / 164_784_265_625)


def test_knomad_bilateral_remittances_2017(con: duckdb.DuckDBPyConnection) -> None:
    world = compute(con, "remittances.bilateral_received", 900, 2017)
    assert world.value == pytest.approx(613_465.8e6, abs=0.1e6)  # the matrix's grand total
    top = table(con, "remittances.corridor", 2017)[0]
    assert (top.counterpart, top.area) == (840, 484)
    assert top.value == pytest.approx(30_019.187e6, abs=1e3)


def test_m49_regions_count_the_channel_islands_and_match_the_published_rows(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # The 2017 file gives Channel Islands (830, Table 1!L161 = 83,082), not Guernsey and Jersey
    europe = compute(con, "stock.total", 150, 2017, "2017")
    assert "L161" in [c.cell for c in europe.inputs]
    assert europe.value == 77_895_217  # Table 1!L148, EUROPE (908)
    assert europe.published == 77_895_217
    north = compute(con, "stock.total", 154, 2017, "2017")
    assert (north.value, north.published) == (13_946_390, 13_946_390)  # Table 1!L160 (924)


def test_a_grouping_the_edition_does_not_publish_is_its_parts_published_rows(
    con: duckdb.DuckDBPyConnection,
) -> None:
    europe_na = compute(con, "stock.total", 1829, 2017, "2017")  # SDG region, new in 2019
    assert europe_na.method.startswith("sum of")
    # EUROPE (908, L148: 77,895,217) + NORTHERN AMERICA (905, L253: 57,664,154)
    assert europe_na.value == 77_895_217 + 57_664_154


def test_a_region_held_under_two_codes_is_listed_once(con: duckdb.DuckDBPyConnection) -> None:
    rows = {v.area for v in table(con, "stock.total", 2017, "2017")}
    assert {900, 903, 908, 924, 904, 1829, 1503} <= rows
    assert not {2, 150, 154, 419, 1830} & rows


def test_every_grouping_of_the_2020_edition_is_tabulated(con: duckdb.DuckDBPyConnection) -> None:
    rows = {v.area: v.value for v in table(con, "stock.total", 2020, "2020")}
    assert {1500, 1501, 1502, 1503, 1517, 947, 1829, 1830, 908, 901, 941} <= set(rows)
    assert 904 not in rows  # LAC, published with the same figure as the SDG region 1830
    assert rows[1503] == 181_897_756


def test_sdg_indicators_list_every_kind_of_grouping(con: duckdb.DuckDBPyConnection) -> None:
    wanted = {900, 947, 1830, 1829, 2, 150, 19, 1500, 1503, 9122, 901, 941}
    for code in ("sdg.10.7.3", "sdg.10.7.4", "sdg.10.c.1"):
        assert wanted - {v.area for v in table(con, code, 2017)} == set(), code


def test_income_groups_of_unhcr_indicators_are_the_wdi_metadata_groups(
    con: duckdb.DuckDBPyConnection, mirror: Path
) -> None:
    metadata = mirror / "wb_wdi" / "Metadata_Country_API_DT.ODA.ALLD.CD_DS2_en_csv_v2_6030.csv"
    rows = pd.read_csv(metadata, encoding="utf-8-sig")
    low = set(rows.loc[rows["IncomeGroup"] == "Low income", "Country Code"])
    by_area = {v.area: v.value for v in table(con, "refugees.by_origin", 2017)}
    iso3 = dict(con.execute("SELECT iso3, m49 FROM areas WHERE iso3 IS NOT NULL").fetchall())
    expected = sum(by_area.get(iso3[code], 0.0) or 0.0 for code in low if code in iso3)
    assert compute(con, "refugees.by_origin", 1500, 2017).value == pytest.approx(expected)
    assert len(low) == 25


def test_low_and_middle_income_remittances_against_their_members(
    con: duckdb.DuckDBPyConnection,
) -> None:
    lmy = compute(con, "remittances.received", 9122, 2017)
    assert lmy.value == pytest.approx(428_863_109_389.402, rel=1e-12)  # LMY, BJ column
    assert lmy.from_members == pytest.approx(lmy.value, rel=1e-9)  # LIC + LMC + UMC economies
