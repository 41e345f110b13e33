"""Objectives and indicators in the page's language: titles and definitions from the data files
of migobs/i18n, and "unofficial translation" beside every Compact text not checked against the
official language version."""

from __future__ import annotations

import httpx


def test_indicator_page_in_french(client: httpx.Client) -> None:
    page = client.get("/fr/indicators/stock.share_of_population").text
    assert "<h1>Part des migrants internationaux dans la population</h1>" in page
    assert "100 × effectif des migrants (tableau 1) / population totale" in page
    assert "International migrants as a share of the population" not in page


def test_indicator_page_links_objectives_by_their_label(client: httpx.Client) -> None:
    english = client.get("/indicators/stock.total").text
    assert '<a href="/indicators#global-compact-objective-1">1 - Data</a>' in english
    spanish = client.get("/es/indicators/stock.total").text
    assert '<a href="/es/indicators#global-compact-objective-1">1 - Datos</a>' in spanish


def test_indicator_list_in_chinese(client: httpx.Client) -> None:
    page = client.get("/zh/indicators").text
    assert ">国际移民存量</a>" in page and ">International migrant stock</a>" not in page


def test_map_variables_in_russian(client: httpx.Client) -> None:
    page = client.get("/ru/world").text
    assert "Численность международных мигрантов (stock.total)</option>" in page


def test_profile_compact_table_in_the_language(client: httpx.Client) -> None:
    english = client.get("/country/484").text
    assert 'rowspan="1">1 - Data</th>' in english or ">1 - Data</th>" in english
    assert "unofficial translation" not in english
    arabic = client.get("/ar/country/484").text
    assert "1 - البيانات" in arabic
    assert '<small class="unofficial">(ترجمة غير رسمية)</small>' in arabic
    assert "<td>رصيد المهاجرين الدوليين <small>(stock.total)</small></td>" in arabic
    spanish = client.get("/es/country/484").text
    assert ">1 - Datos</th>" in spanish and "traducción no oficial" not in spanish


def test_report_in_french_names_indicators_and_objectives_in_french(client: httpx.Client) -> None:
    report = client.get("/api/reports/484.md", params={"lang": "fr"}).text
    assert "| Effectif des migrants internationaux | 2019 |" in report
    assert (
        "| 17. Éliminer toutes les formes de discrimination et encourager un débat public fondé "
        "sur l’analyse des faits afin de faire évoluer la manière dont les migrations sont "
        "perçues (traduction non officielle) |" in report
    )
    assert "| 7. S’attaquer aux facteurs de vulnérabilité liés aux migrations et les réduire |" in (
        report
    )
    assert "| 1. Collecter et utiliser des données précises et ventilées" in report
    assert (
        "| 5. Faire en sorte que les filières de migration régulière soient accessibles et plus "
        "souples |" in report
    )
    labels = client.get("/api/reports/484", params={"lang": "es"}).json()
    titles = {h["code"]: h["title"] for s in labels["sections"] for h in s["headlines"]}
    assert titles["stock.total"] == "Stock de migrantes internacionales"
