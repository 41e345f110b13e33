from __future__ import annotations

import httpx
import pytest

from migobs.web.errors import PageInputError
from migobs.web.variables import YearChoice, default_year, pick_year


def test_unknown_variable_names_the_accepted_ones(client: httpx.Client) -> None:
    response = client.get("/world", params={"variable": "nope"})
    assert response.status_code == 404
    assert "variable=&#39;nope&#39; is not known here" in response.text
    assert "immigrants" in response.text


def test_unknown_year_lists_the_years(client: httpx.Client) -> None:
    response = client.get("/world", params={"year": 1850})
    assert response.status_code == 404
    assert '<li><a href="/world?year=2010">2010</a></li>' in response.text
    assert '<li><a href="/world?year=2019">2019</a></li>' in response.text


def test_malformed_year_is_an_html_page_listing_the_years(client: httpx.Client) -> None:
    response = client.get("/world", params={"year": "soon"})
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    assert "year=&#39;soon&#39; is not known here" in response.text
    assert '<li><a href="/world?year=2010">2010</a></li>' in response.text


def test_default_year_skips_thin_newest_years_and_projections() -> None:
    years = [
        YearChoice(2015, 200),
        YearChoice(2020, 195),
        YearChoice(2023, 120),  # only a few countries have reported yet
        YearChoice(2025, 201, projection=True),
    ]
    assert default_year(years) == YearChoice(2020, 195)
    assert default_year([YearChoice(2030, 5, projection=True)]) == YearChoice(2030, 5, True)
    assert default_year([]) is None
    assert years[-1].label == "2025 (projection)" and years[0].label == "2015"


def test_asked_year_is_one_with_data() -> None:
    years = [YearChoice(2015, 200), YearChoice(2020, 195)]
    assert pick_year(years, "2015") == years[0]
    assert pick_year(years, None) == years[1]
    with pytest.raises(PageInputError) as missing:
        pick_year(years, "2017")
    assert (missing.value.status, missing.value.accepted) == (404, ["2015", "2020"])
    with pytest.raises(PageInputError) as malformed:
        pick_year(years, "abc")
    assert malformed.value.status == 422 and malformed.value.parameter == "year"


def test_world_page_shows_newest_edition_and_year(client: httpx.Client) -> None:
    response = client.get("/world")
    assert response.status_code == 200
    html = response.text
    assert "International migrants living in the country, 2019" in html
    assert "50,661,149" in html  # United States, 2019 edition
    assert "<title>France: 8,334,875 persons</title>" in html or "8,334,875" in html
    assert 'href="/world.csv?variable=immigrants&amp;year=2019"' in html
    assert '<ul class="legend"' in html and "no data</li>" in html
    assert '<option value="2010">2010</option>' in html  # every year with data, no other
    assert html.count('<option value="20') == 2


def test_world_csv_matches_the_table(client: httpx.Client) -> None:
    response = client.get("/world.csv", params={"year": 2010})
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.text.splitlines()
    assert lines[0] == "area,area_name,iso3,year,value"
    assert lines[1] == "840,United States of America,USA,2010,44183643.0"
    assert len(lines) == 5


def test_every_variable_renders_even_without_data(client: httpx.Client) -> None:
    from migobs.web.variables import choices

    for code in [c.code for c in choices()]:
        response = client.get("/world", params={"variable": code})
        assert response.status_code == 200, code
    empty = client.get("/world", params={"variable": "refugees"}).text
    assert "Refugees hosted (UNHCR): no data yet" in empty


def test_world_table_ranks_countries_and_puts_groupings_apart(client: httpx.Client) -> None:
    page = client.get("/world", params={"variable": "stock.total"}).text
    ranked = page.split('id="world-table"')[1].split("</table>")[0]
    assert "United States of America" in ranked and "World" not in ranked
    assert "Europe" not in ranked
    groupings = page.split('id="world-groupings"')[1].split("</table>")[0]
    assert "World" in groupings and "Europe" in groupings


def test_world_csv_of_an_indicator_is_rounded_to_its_decimals(client: httpx.Client) -> None:
    response = client.get("/world.csv", params={"variable": "stock.female_share", "year": 2019})
    assert response.status_code == 200
    assert "250,France,FRA,2019,52.12\n" in response.text.replace("\r\n", "\n")
