"""The API, the dashboard and the exports on the warehouse built from the mirror."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import httpx
import pandas as pd
import pytest

from migobs.exports.datasets import dataset
from migobs.exports.grapher import write_grapher
from migobs.m49 import PATTERN
from migobs.warehouse.findings import CODE_KEYS
from migobs.warehouse.read import open_warehouse
from tests.support.sdmx_read import sdmx_values
from tests.support.sdmx_schema import schema_errors

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def real(real_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=real_server, timeout=60) as client:
        yield client


def test_stock_of_the_united_states_in_each_edition(real: httpx.Client) -> None:
    params = {"destination": 840, "origin": 900, "sex": "total"}
    totals = {
        edition: real.get(
            "/api/stock", params={**params, "edition": edition, "year": int(edition)}
        ).json()["data"][0]
        for edition in ("2017", "2019", "2020")
    }
    assert totals["2017"]["value"] == 49_776_970.0
    assert totals["2019"]["value"] == 50_661_149.0
    assert (totals["2020"]["value"], totals["2020"]["cell"]) == (50_632_836.0, "L266")


def test_corridor_defaults_to_the_edition_with_origins(real: httpx.Client) -> None:
    rows = real.get("/api/stock/corridors/484/840").json()["data"]
    assert {r["edition"] for r in rows} == {"2017"}
    assert [r["value"] for r in rows][-1] == 12_683_066.0
    trace = real.get(rows[-1]["provenance"]).json()
    assert trace["cell"] == "EM1863" and len(trace["sha256"]) == 64


def test_pages_show_real_figures(real: httpx.Client) -> None:
    world = real.get("/world").text
    assert "International migrants living in the country, 2020" in world
    assert world.count("<path d=") > 150
    mexico = real.get("/country/484").text
    assert "1,197,624" in mexico  # immigrants in Mexico, 2020 edition
    assert "12,683,066" in mexico  # Mexicans in the United States, 2017 edition
    corridor = real.get("/corridor").text
    assert "Mexico → United States of America: 12,683,066 persons" in corridor


def test_grapher_export_of_the_real_stock(built_warehouse: Path, tmp_path: Path) -> None:
    con = open_warehouse(built_warehouse)
    try:
        table = dataset(con, "undesa_stock/2020/by_destination")
    finally:
        con.close()
    csv, _ = write_grapher(table, tmp_path)
    back = pd.read_csv(csv)
    usa = back[(back.Code == "USA") & (back.Year == 2020)]
    assert usa.iloc[0]["undesa_stock_2020_by_destination"] == 50_632_836.0


def test_world_map_of_each_variable_on_real_data(real: httpx.Client) -> None:
    from migobs.web.variables import choices

    for code in [c.code for c in choices()]:
        html = real.get("/world", params={"variable": code}).text
        assert "no data yet" not in html, code
    share = real.get("/world", params={"variable": "migrant_share", "year": 2020}).text
    assert "Immigrants as a share of the population, 2020" in share
    assert 'data-area="578"' in share  # Norway (ISO_N3 -99 in Natural Earth) is on the map


def test_claims_then_and_now_on_real_data(real: httpx.Client) -> None:
    c01 = real.get("/api/claims/C01").json()
    assert (c01["stated"], c01["computed"], c01["verdict"]) == (
        258_000_000,
        257_715_425.0,
        "reproduced",
    )
    assert c01["inputs"][0]["cell"] == "L17"
    assert c01["now"] == {"edition": "2020", "year": 2020, "value": 280_598_105.0}
    html = real.get("/report").text
    assert "257,715,425" in html and "280,598,105" in html
    findings = real.get("/api/findings", params={"type": "aggregate-mismatch", "limit": 1}).json()
    assert findings["count"] > 0 and findings["data"][0]["type"] == "aggregate-mismatch"


def test_findings_write_every_area_as_m49_text_on_real_data(real: httpx.Client) -> None:
    found = real.get("/api/findings", params={"limit": 1000}).json()
    assert 100 < found["count"] <= 1000
    codes = [
        (finding["type"], key, row[key])
        for finding in found["data"]
        for row in finding["rows"]
        for key in CODE_KEYS
        if key in row
    ]
    assert {key for _, key, _ in codes} >= {"area", "origin", "asylum", "destination", "sending"}
    assert [c for c in codes if not re.fullmatch(PATTERN, str(c[2]))] == []
    mexico = real.get("/api/findings", params={"type": "part-exceeds-whole", "limit": 1000})
    rows = [r for f in mexico.json()["data"] for r in f["rows"] if r["area"] == "484"]
    assert [(r["year"], r["grouping"]) for r in rows] == [(2014, "Central America")]


def test_indicator_values_on_real_data(real: httpx.Client) -> None:
    body = real.get("/api/indicators/sdg.10.c.1/values", params={"area": 4, "year": 2020}).json()
    assert body["count"] == 1 and round(body["data"][0]["value"], 2) == 10.14
    one = real.get(
        "/api/indicators/stock.total/areas/900", params={"year": 2017, "edition": "2017"}
    ).json()
    assert one["value"] == 257_715_425.0 and one["inputs"][0]["cell"] == "L17"


def test_profile_compact_objectives_on_real_data(real: httpx.Client) -> None:
    html = real.get("/country/484").text
    assert 'href="/api/indicators/sdg.10.c.1/areas/484?year=2020"' in html
    assert "67,637,913,797" in html  # remittances received by Mexico, 2024 (WDI)


def test_revisions_2017_to_2020_on_real_data(real: httpx.Client) -> None:
    params = {"old": "2017", "new": "2020", "area": 900, "year": 2010}
    world = real.get("/api/revisions", params=params).json()["data"]
    total = next(r for r in world if r["key"] == "total")
    assert (total["old"], total["new"]) == (220_019_266.0, 220_983_187.0)
    assert total["old_where"] == "UN_MigrantStockTotal_2017.xlsx[Table 1]!J17"


def test_indicator_export_reads_back_with_sdmx1(real: httpx.Client, tmp_path: Path) -> None:
    import io
    import zipfile

    response = real.get("/api/exports/indicator/sdg.10.c.1", params={"format": "sdmx-csv-2"})
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)
    values = sdmx_values(
        tmp_path / "indicator-sdg-10-c-1.structure.xml",
        tmp_path / "indicator-sdg-10-c-1.sdmx2.csv",
        "DF_INDICATOR_SDG_10_C_1",
    )
    # Afghanistan, as /api/indicators gives, under the SDG Global Database's series code
    assert round(values[("A", "SI_RMT_COST", "004", "2020")], 2) == 10.14
    structure = (tmp_path / "indicator-sdg-10-c-1.structure.xml").read_bytes()
    assert schema_errors(structure) == []


def test_world_map_opens_on_a_year_with_data_on_real_data(real: httpx.Client) -> None:
    expected = {
        "sdg.17.3.2": "2023",  # GDP ends in 2023; 2024 would be blank
        "sdg.10.7.4": "2020",  # WPP population (estimates) ends in 2020
        "remittances.vs_oda": "2021",  # 2022-23 aid covers far fewer countries
        "net_migrants": "2015",  # 2020-2095 are projections
    }
    for code, year in expected.items():
        html = real.get("/world", params={"variable": code}).text
        assert f'<option value="{year}" selected>{year}</option>' in html, code
        assert html.count("<tr><td>") > 100, code  # a full table, not a blank map
    net = real.get("/world", params={"variable": "net_migrants"}).text
    assert '<option value="2095">2095 (projection)</option>' in net
    assert "−3.27M to −106k" in net and "0 to 25k" in net  # diverging classes, minus signs
    assert "--" not in net.split('<ul class="legend"')[1].split("</ul>")[0]
    sdg = real.get("/world", params={"variable": "sdg.17.3.2"}).text
    assert '<option value="2024">' not in sdg  # a year without GDP is not offered
    projected = real.get("/world", params={"variable": "net_migrants", "year": 2095}).text
    assert "A projection</strong>" in projected


def test_profile_remittances_against_gdp_on_real_data(real: httpx.Client) -> None:
    html = real.get("/country/484").text
    assert "Remittances received as a share of GDP (SDG 17.3.2)" in html
    assert "GDP (current US$)" in html
    assert "1,788,886,821,047" in html  # Mexico's GDP, 2023, beside remittances
    compact = html.split('id="compact-table"')[1]
    assert 'href="/api/indicators/sdg.17.3.2/areas/484?year=2023"' in compact
    assert 'href="/api/indicators/sdg.10.7.4/areas/484?year=2020"' in compact
    assert "not computable" not in compact.split("sdg.10.c.1.sending")[0]


def test_profile_missing_migrants_on_real_data(real: httpx.Client) -> None:
    html = real.get("/country/484").text
    assert "Dead and missing migrants in Central America and in Mexico" in html
    assert "2025 is a part year (the file was exported during it)" in html
    missing = html.split('id="missing"')[1].split("</section>")[0]
    assert '<td class="num">2024</td><td class="num">408</td><td class="num">225</td>' in missing
    assert '<td class="num">2025</td>' not in missing


def test_profile_missing_migrants_says_why_a_country_is_above_its_region(
    real: httpx.Client,
) -> None:
    missing = real.get("/country/484").text.split('id="missing"')[1].split("</section>")[0]
    assert '<td class="num">2014</td><td class="num">117</td><td class="num">134</td>' in missing
    assert (
        "In 2014 Mexico (134) is above Central America (117): IOM files each incident under the "
        "UNSD grouping of where it happened, and 17 of the dead and missing in Mexico are filed "
        "under Caribbean, so they count in Mexico but not in Central America."
    ) in missing
    assert "In 2015 Mexico" not in missing


def test_profile_of_an_aggregate_says_why_it_is_not_the_sum_of_its_members(
    real: httpx.Client,
) -> None:
    stock = real.get("/country/904").text.split('id="stock"')[1].split("</section>")[0]
    assert (
        "The 2020 edition publishes this aggregate itself, and its figures differ from the sum "
        "of the members it lists by up to 13,614 persons; the chart shows the published figures."
    ) in stock
    assert "male 2020 states 7,473,421 in [Table 1]S207, its parts sum to 7,459,807" in stock
    mexico = real.get("/country/484").text.split('id="stock"')[1].split("</section>")[0]
    assert "publishes this aggregate itself" not in mexico


def test_corridor_page_on_real_data(real: httpx.Client) -> None:
    html = real.get("/corridor", params={"origin": 484, "destination": 840}).text
    assert "UN DESA 2017 edition" in html and "World Bank/KNOMAD 2017" in html
    assert "Average total cost of sending USD 200" in html
    assert "ATCR.CORR" not in html and "undesa_stock" not in html
    assert "Not drawn: the 2019 and 2020 editions of the UN DESA stock" in html
    default = real.get("/corridor").text
    assert "Showing the largest corridor of the world: Mexico → United States of America" in default
    europe = real.get("/corridor", params={"region": 150}).text
    assert "Showing the largest corridor of Europe:" in europe


def test_corridor_panels_say_why_on_real_data(real: httpx.Client) -> None:
    html = real.get("/corridor", params={"origin": 344, "destination": 156}).text
    hong_kong = "China Hong Kong Special Administrative Region"
    assert f"<h1>{hong_kong} → China</h1>" in html
    remittances = html.split('id="remittances"')[1].split("</section>")[0]
    assert '<dd class="figure-now">USD 3.73 million</dd>' in remittances  # KNOMAD 2017, one year
    assert "One year only (2017): no line to draw." in remittances
    cost = html.split('id="cost"')[1].split("</section>")[0]
    assert f"does not survey the cost of sending money from China to {hong_kong}" in cost
    refugees = html.split('id="refugees"')[1].split("</section>")[0]
    assert f"record no refugees from {hong_kong} in China." in refugees
    largest = html.split('id="largest"')[1]
    assert "…" not in largest and ">Special Administrative</tspan>" in largest


def test_report_money_on_real_data(real: httpx.Client) -> None:
    html = real.get("/report").text
    c05 = html.split('<th scope="row">C05</th>')[1].split("</tr>")[0]
    assert "USD 600 bn" in c05 and "USD 591 bn" in c05
    c04 = html.split('<th scope="row">C04</th>')[1].split("</tr>")[0]
    assert "/api/claims/C04" not in c04


def test_flow_runs_of_2017_on_real_data(real: httpx.Client) -> None:
    body = real.get("/api/flows/runs", params={"edition": "2017"}).json()
    assert [r["period"] for r in body["data"]] == [
        "1990-1995",
        "1995-2000",
        "2000-2005",
        "2005-2010",
        "2010-2015",
        "2015-2017",
    ]
    assert all(r["countries"] == 232 for r in body["data"])
    converged = {r["period"]: r["diagnostics"]["converged"] for r in body["data"]}
    assert [p for p, done in converged.items() if not done] == ["1990-1995"]
    worst = body["data"][0]["diagnostics"]["worst_margin"]  # no foreign-born in South Sudan, 1990
    assert (worst["name"], round(worst["gap"])) == ("728", 95_713)
    flows = real.get("/api/flows", params={"period": "2005-2010", "limit": 1}).json()
    assert flows["count"] > 1000


def test_mexico_united_states_flows_both_ways_on_real_data(real: httpx.Client) -> None:
    rows = real.get("/api/flows/corridors/484/840", params={"edition": "2017"}).json()["data"]
    both = {r["period"]: (round(r["to_destination"]), round(r["to_origin"])) for r in rows}
    assert both["2005-2010"] == (870_766, 266_387)
    assert both["1995-2000"][0] > both["2010-2015"][0] * 3  # the fall after 2005
    html = real.get("/corridor", params={"origin": 484, "destination": 840}).text
    # The period, its length, then its total and annual average (periods differ in length).
    assert '<td>2005-2010</td><td class="num">5</td><td class="num">870,766</td>' in html
