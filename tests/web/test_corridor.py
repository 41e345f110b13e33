from __future__ import annotations

from pathlib import Path

import duckdb
import httpx

from migobs.web.corridor import estimated_flows
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
    assert '<option value="484" selected>Mexico</option>' in html
    assert '<option value="840" selected>United States of America</option>' in html
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
