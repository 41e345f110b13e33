from __future__ import annotations

import httpx


def test_unknown_variable_names_the_accepted_ones(client: httpx.Client) -> None:
    response = client.get("/world", params={"variable": "nope"})
    assert response.status_code == 404
    assert "variable=&#39;nope&#39; is not known here" in response.text
    assert "immigrants" in response.text


def test_unknown_year_lists_the_years(client: httpx.Client) -> None:
    response = client.get("/world", params={"year": 1850})
    assert response.status_code == 404
    assert "<li>2010</li>" in response.text and "<li>2019</li>" in response.text


def test_malformed_year_is_a_4xx(client: httpx.Client) -> None:
    assert client.get("/world", params={"year": "soon"}).status_code == 422


def test_world_page_shows_newest_edition_and_year(client: httpx.Client) -> None:
    response = client.get("/world")
    assert response.status_code == 200
    html = response.text
    assert "International migrants living in the country, 2019" in html
    assert "50,661,149" in html  # United States, 2019 edition
    assert "<title>France: 8,334,875 persons</title>" in html or "8,334,875" in html
    assert 'href="/world.csv?variable=immigrants&amp;year=2019"' in html


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
