from __future__ import annotations

import httpx


def test_country_list_links_profiles(client: httpx.Client) -> None:
    html = client.get("/country").text
    assert '<a href="/country/250">France</a>' in html
    chosen = client.get("/country", params={"m49": 250}, follow_redirects=False)
    assert chosen.status_code == 303 and chosen.headers["location"] == "/country/250"


def test_unknown_country_is_404_with_a_pointer(client: httpx.Client) -> None:
    response = client.get("/country/999")
    assert response.status_code == 404
    assert 'every country at <a href="/country">/country</a>' in response.text


def test_profile_shows_immigrants_emigrants_and_sex(client: httpx.Client) -> None:
    html = client.get("/country/484").text
    assert "Mexico: migration profile" in html
    assert "1,060,707" in html  # immigrants in Mexico, 2019
    assert "12,168,662" in html  # emigrants: Mexicans in the United States, 2010
    assert 'href="/api/provenance/stock?edition=2019&amp;year=2019&amp;destination=484"' in html
    france = client.get("/country/250").text
    assert "4,344,036" in france and "3,990,839" in france  # women and men
    assert "Largest countries of destination" in html
    assert "No values in the warehouse yet." in html  # refugees are not in this warehouse
    assert "Remittances received as a share of GDP (SDG 17.3.2)" in html


def test_every_figure_names_its_source(client: httpx.Client) -> None:
    html = client.get("/country/840").text
    assert html.count('<p class="source">Source:') == html.count('<section class="figure"')
    assert "Largest countries of origin, 2019" in html
    assert "11,489,684" in html


def test_profile_lists_the_compact_objectives(client: httpx.Client) -> None:
    html = client.get("/country/250").text
    assert (
        "The Global Compact&#39;s objectives" in html or "The Global Compact's objectives" in html
    )
    assert html.count('scope="rowgroup"') + html.count("No linked indicator") >= 23
    assert 'href="/api/indicators/stock.total/areas/250?year=2019"' in html


def test_profile_links_its_country_report(client: httpx.Client) -> None:
    html = client.get("/country/484").text
    assert '<a href="/api/reports/484.md" download>Markdown</a>' in html
    report = client.get("/api/reports/484.md")
    assert report.status_code == 200
    assert "| International migrant stock | 2019 | 1,060,707 | [1] |" in report.text
    assert '<a href="/api/reports/484.pdf?lang=en">PDF</a>' in html
    french = client.get("/fr/country/484").text
    assert '<a href="/api/reports/484.pdf?lang=fr">PDF</a>' in french


def test_profile_tables_put_the_newest_year_first(client: httpx.Client) -> None:
    import re

    section = client.get("/country/484").text.split('id="stock"')[1].split("</table>")[0]
    years = [int(y) for y in re.findall(r"<tr><td[^>]*>(\d{4})</td>", section)]
    assert len(years) > 1 and years == sorted(years, reverse=True)


def test_profile_writes_its_m49_code_as_text(client: httpx.Client) -> None:
    assert "UN M49 code 004 · ISO AFG" in client.get("/country/4").text
