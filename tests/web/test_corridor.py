from __future__ import annotations

import re
from pathlib import Path

import duckdb
import httpx

from migobs.app import create_app
from migobs.config import Settings
from migobs.web.corridor import estimated_flows
from tests.support.asgi import asgi_get
from tests.support.faces_warehouse import build_small_warehouse


def test_corridor_shows_stock_in_each_edition(client: httpx.Client) -> None:
    html = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    assert "Mexico → United States of America" in html
    assert "12,683,066" in html  # 2017 edition, 2017
    assert "11,489,684" in html  # 2019 edition, 2019
    assert "UN DESA 2017 edition (persons)" in html and "UN DESA 2019 edition (persons)" in html
    assert "undesa_stock" not in html  # legends and table headers name the edition, not the code
    assert "Not drawn" not in html  # both editions of this warehouse have origins


def test_largest_corridors_flow_view(client: httpx.Client) -> None:
    html = client.get("/corridor").text
    assert "Largest corridors, 2019" in html
    assert "<title>Mexico → United States of America: 11,489,684 persons</title>" in html


def test_corridor_without_a_choice_opens_on_the_largest(client: httpx.Client) -> None:
    html = client.get("/corridor").text
    assert "Showing the largest corridor of the world: Mexico → United States of America." in html
    assert re.search(
        r'<input name="origin" type="text" list="country-names"[^>]* value="Mexico">', html
    )
    assert re.search(r'<input name="destination"[^>]* value="United States of America">', html)
    assert "12,683,066" in html  # its stock figure, 2017 edition
    europe = client.get("/corridor", params={"region": 150}).text
    assert "Showing the largest" not in europe  # no corridor of Europe in this warehouse


def test_editions_without_origins_are_named() -> None:
    from migobs.web.corridor import _editions

    assert _editions(["2020"]) == "the 2020 edition"
    assert _editions(["2019", "2020"]) == "the 2019 and 2020 editions"


def test_unknown_end_is_404(client: httpx.Client) -> None:
    response = client.get("/corridor", params={"origin": 999, "destination": 840})
    assert response.status_code == 404 and "origin=999" in response.text
    assert client.get("/corridor", params={"origin": "x"}).status_code == 404


def test_largest_corridors_of_a_region(client: httpx.Client) -> None:
    html = client.get("/corridor", params={"region": 150}).text
    assert "Corridors of Europe" in html
    assert '<option value="150" selected>Europe</option>' in html
    assert "Corridors of the world" in client.get("/corridor", params={"region": 900}).text


def test_corridor_shows_estimated_flows_both_ways(client: httpx.Client) -> None:
    html = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    section = html[html.index('id="estimated-flows"') : html.index('id="largest"')]
    assert "Mexico → United States of America (persons)" in section
    assert "United States of America → Mexico (persons)" in section
    # Each period's total beside its annual average (periods differ in length), and its fit.
    assert (
        '<td>2005-2010</td><td class="num">5</td><td class="num">870,766</td>'
        '<td class="num">174,153</td><td class="num">266,387</td><td class="num">53,277</td>'
        '<td class="num">604,380</td><td>converged</td>'
    ) in section
    assert "persons a year" in section
    assert "<svg" in section and "demographic accounting" in section
    assert 'href="/api/flows/corridors/484/840?edition=2017&amp;method=demographic-accounting"' in (
        section
    )
    assert "Estimated flows appear here once" not in html


def test_corridor_without_flow_runs_says_how_to_make_them(tmp_path: Path) -> None:
    path = build_small_warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM flows")
        con.execute("DELETE FROM flow_runs")
        figure = estimated_flows(con, 484, 840, ("Mexico", "United States of America"))
    assert figure.rows == [] and figure.chart is None
    assert "`migobs flows run --edition 2017`" in figure.empty


def test_corridor_not_covered_by_the_runs(tmp_path: Path) -> None:
    path = build_small_warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(path)) as con:
        con.execute("DELETE FROM flows WHERE orig = 4")  # Afghanistan left out of every run
        figure = estimated_flows(con, 4, 250, ("Afghanistan", "France"))
    assert figure.rows == []
    assert figure.empty == "The flow estimates from UN DESA 2017 do not cover both countries."


def test_flow_note_links_the_method_page(client: httpx.Client) -> None:
    page = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    assert "docs/methods" not in page


def test_flow_note_links_are_links(client: httpx.Client) -> None:
    page = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    api = "/api/flows/corridors/484/840?edition=2017&amp;method=demographic-accounting"
    assert f'<a href="{api}&amp;format=csv">CSV</a>' in page
    assert "&lt;a href" not in page  # the note's HTML is not escaped into text


def test_flow_table_newest_period_first(client: httpx.Client) -> None:
    page = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    table = page[page.index('id="estimated-flows"') : page.index('id="largest"')]
    assert table.index("<td>2010-2015</td>") < table.index("<td>2005-2010</td>")


def test_panels_without_values_say_why(client: httpx.Client) -> None:
    page = client.get("/corridor", params={"origin": 484, "destination": 840}).text
    for ident, reason in (
        ("remittances", "No World Bank/KNOMAD bilateral remittance matrix is in the warehouse"),
        ("cost", "No Remittance Prices Worldwide survey is in the warehouse yet."),
        ("refugees", "No UNHCR refugee statistics are in the warehouse yet."),
    ):
        section = page[page.index(f'id="{ident}"') :]
        section = section[: section.index("</section>")]
        assert f'<p class="empty">{reason}' in section, ident
    assert "No values in the warehouse yet." not in page


MONEY = [
    "INSERT INTO bilateral_remittances VALUES "
    "('knomad', '2017', 2017, 840, 484, 30019187025.6556, 18, 'Bilateral_Remittances_2017', 'DW206')",
    "INSERT INTO remittance_prices VALUES "
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2019_1Q', 2019, 1, 4.5336, 20, NULL, 'AI5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2019_2Q', 2019, 2, 4.6411, 20, NULL, 'AJ5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2019_3Q', 2019, 3, 4.6104, 20, NULL, 'AK5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2019_4Q', 2019, 4, 4.3886, 20, NULL, 'AL5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2020_1Q', 2020, 1, 4.0354, 20, NULL, 'AM5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2020_2Q', 2020, 2, 4.2196, 20, NULL, 'AN5281'),"
    "('rpw', '2020-12-07', 'ATCR.CORR', 840, 484, '2020_3Q', 2020, 3, 4.1804, 20, NULL, 'AO5281')",
]
"""Mexico's remittances from the United States (KNOMAD 2017) and what sending them cost (RPW,
2019 and three quarters of 2020), as the mirror's files give them."""


def _page_with_money(tmp_path: Path, origin: int, destination: int) -> str:
    path = build_small_warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(path)) as con:
        for statement in MONEY:
            con.execute(statement)
    app = create_app(Settings(home=tmp_path, warehouse_path=path))
    response = asgi_get(app, f"/corridor?origin={origin}&destination={destination}")
    assert response.status_code == 200
    return response.text


def _section(page: str, ident: str) -> str:
    section = page[page.index(f'id="{ident}"') :]
    return section[: section.index("</section>")]


def test_one_year_of_remittances_is_a_figure_not_an_empty_chart(tmp_path: Path) -> None:
    page = _page_with_money(tmp_path, 484, 840)
    remittances = _section(page, "remittances")
    assert '<dl class="lone"><dt>World Bank/KNOMAD 2017 matrix</dt>' in remittances
    assert '<dd class="figure-now">USD 30 bn</dd>' in remittances
    assert "One year only (2017): no line to draw." in remittances
    assert "<figure></figure>" not in page and "<figure>" not in remittances
    assert '<td class="num">30,019,187,026</td>' in remittances
    cost = _section(page, "cost")
    assert "<svg" in cost  # two years: a line
    assert cost.index('<td class="num">2020</td><td class="num">4.1</td>') < cost.index(
        '<td class="num">2019</td><td class="num">4.5</td>'
    )


def test_a_corridor_outside_the_sources_says_why_and_links_those_surveyed(
    tmp_path: Path,
) -> None:
    page = _page_with_money(tmp_path, 484, 250)  # Mexico → France
    remittances = _section(page, "remittances")
    assert (
        "France is not among the sending countries of the World Bank/KNOMAD remittance matrix "
        "held (2017), so it gives no estimate for this corridor."
    ) in remittances
    cost = _section(page, "cost")
    assert (
        "Remittance Prices Worldwide does not survey the cost of sending money from France "
        "to Mexico"
    ) in cost
    assert (
        'Surveyed corridors into Mexico: <a href="/corridor?origin=484&amp;destination=840">'
        "United States of America</a>"
    ) in cost


def test_flow_view_wraps_long_names_and_cuts_none() -> None:
    from migobs.web.svg_flows import Flow, flow_view

    name = "China Hong Kong Special Administrative Region"
    svg = flow_view(
        [Flow(name, "United Kingdom of Great Britain and Northern Ireland", 5e5)],
        title="Largest corridors",
        ident="flows",
    )
    assert "…" not in svg
    wide, narrow = svg.split('<svg class="chart narrow"')
    assert ">China Hong Kong</tspan>" in wide and ">Region</tspan>" in wide
    assert ">Administrative</tspan>" in narrow
