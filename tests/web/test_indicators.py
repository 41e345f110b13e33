"""Indicator pages: the catalogue by theme, a page for every indicator, rankings of countries
with the groupings apart."""

from __future__ import annotations

import httpx
import pytest

from migobs.indicators.definitions import definitions
from migobs.web.indicators import themes, unit_words


def test_catalogue_lists_every_indicator_by_theme(client: httpx.Client) -> None:
    page = client.get("/indicators").text
    for code in definitions():
        assert f'href="/indicators/{code}"' in page
    grouped = themes()
    assert "SDG target 10.7" in grouped and "Global Compact objective 1" in grouped
    assert 'id="sdg-target-10-c"' in page


@pytest.mark.parametrize("code", list(definitions()))
def test_every_indicator_page_answers(client: httpx.Client, code: str) -> None:
    response = client.get(f"/indicators/{code}")
    assert response.status_code == 200
    assert definitions()[code].formula.split(" ")[0] in response.text
    assert f"/api/exports/indicator/{code}?format=parquet" in response.text
    for raw in ("per_100000", "current_usd"):
        assert raw not in response.text.split("<main")[1].split("/api/")[0]


def test_rankings_hold_countries_only(client: httpx.Client) -> None:
    page = client.get("/indicators/stock.total").text
    top = page.split('id="ranking-top"')[1].split("</table>")[0]
    assert "United States of America" in top
    assert "World" not in top and "Europe" not in top
    groupings = page.split('id="ranking-groupings"')[1].split("</table>")[0]
    assert "World" in groupings and "Europe" in groupings
    assert "Mexico" not in groupings


def test_unknown_indicator_lists_the_pages_as_links(client: httpx.Client) -> None:
    response = client.get("/indicators/nope")
    assert response.status_code == 404
    assert "/indicators/stock.total" in response.text


def test_units_read_as_words() -> None:
    assert unit_words("per_100000") == "per 100,000"
    assert unit_words("current_usd") == "current US$"


def test_methods_are_pages_linked_where_cited(client: httpx.Client) -> None:
    page = client.get("/methods/flows")
    assert page.status_code == 200
    assert "<h1>Flows from stock tables" in page.text and "<table>" in page.text
    missing = client.get("/methods/nope")
    assert missing.status_code == 404 and '<a href="/methods/flows">' in missing.text


def test_rankings_show_the_indicators_stated_decimals(client: httpx.Client) -> None:
    page = client.get("/indicators/stock.female_share").text
    ranking = page[page.index('id="ranking-top"') :]
    assert '<a href="/country/250">France</a></td><td class="num">52.12</td>' in ranking
