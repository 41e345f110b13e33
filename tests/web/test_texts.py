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


def test_indicator_page_period_weighting_and_caveats_in_spanish(client: httpx.Client) -> None:
    page = client.get("/es/indicators/stock.share_of_population").text
    assert "<dd>mitad del año de referencia</dd>" in page
    assert "una agrupación es su fila publicada" in page
    assert "El porcentaje propio de la edición (cuadro 3)" in page
    assert "mid-year of the reference year" not in page and "WPP revisions" not in page


def test_objective_links_and_reasons_in_french(client: httpx.Client) -> None:
    tracker = client.get("/fr/tracker/objectives/1").text
    assert "Indicateur 17.18.1 des ODD" in tracker and "SDG indicator 17.18.1" not in tracker
    assert "<strong>ODD 10.7.2 D2</strong>" in tracker
    profile = client.get("/fr/country/484").text
    assert (
        "<li>Objectif 1 : ODD 17.18.1 : aucune donnée ouverte pour l’indicateur 17.18.1 des ODD "
        "dans l’entrepôt" in profile
    )
    assert "une évaluation des politiques" in profile
    assert "a policy assessment" not in profile and "no open data for SDG" not in profile


def test_claims_page_in_french(client: httpx.Client) -> None:
    page = client.get("/fr/report").text
    assert "Il y a environ 258 millions de migrants internationaux dans le monde." in page
    assert "There are about 258 million" not in page
    assert "Qualitatif ; aucun chiffre n’est avancé qui puisse être vérifié." in page
    assert "impossible de calculer remittances.received : L’entrepôt ne détient aucune" in page
    assert '<a href="https://undocs.org/fr/A/72/643" rel="external" hreflang="fr">' in page
    english = client.get("/report").text
    assert "There are about 258 million international migrants worldwide." in english
    assert "undocs.org" not in english
    api = client.get("/fr/api/claims").json()
    assert any(c["claim"].startswith("There are about 258 million") for c in api["data"])
