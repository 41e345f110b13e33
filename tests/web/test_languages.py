"""Pages in the six UN languages, over HTTP: prefixes, Accept-Language at `/`, links kept in
the language, translated headings and area names."""

from __future__ import annotations

import httpx
import pytest

from migobs.i18n import LANGUAGES

MEXICO = {
    "en": "Mexico",
    "ar": "المكسيك",
    "zh": "墨西哥",
    "fr": "Mexique",
    "ru": "Мексика",
    "es": "México",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_page_in_each_language(client: httpx.Client, lang: str) -> None:
    page = client.get(f"/{lang}/country/484")
    assert page.status_code == 200
    assert f'<html lang="{lang}" dir="{"rtl" if lang == "ar" else "ltr"}">' in page.text
    assert MEXICO[lang] in page.text
    assert f'href="/{lang}/corridor"' in page.text  # navigation stays in the language
    assert 'href="/static/site.css"' in page.text  # shared files are not prefixed


def test_french_page_is_translated(client: httpx.Client) -> None:
    page = client.get("/fr/country/484")
    assert "<title>Mexique : profil migratoire · Observatoire des migrations</title>" in page.text
    assert "Aller au contenu" in page.text and "Skip to content" not in page.text


def test_unprefixed_paths_stay_english(client: httpx.Client) -> None:
    page = client.get("/country/484", headers={"Accept-Language": "fr"})
    assert '<html lang="en" dir="ltr">' in page.text and "Mexico: migration profile" in page.text
    assert 'href="/corridor"' in page.text


def test_language_switch_keeps_the_path(client: httpx.Client) -> None:
    page = client.get("/es/country/484")
    for lang in LANGUAGES:
        assert f'href="/{lang}/country/484" hreflang="{lang}"' in page.text


@pytest.mark.parametrize(
    ("header", "location"),
    [("ru-RU,ru;q=0.9,en;q=0.8", "/ru/"), ("en-GB;q=0.5, zh-CN", "/zh/"), ("de, ar;q=0.1", "/ar/")],
)
def test_accept_language_picks_the_language_at_root(
    client: httpx.Client, header: str, location: str
) -> None:
    answer = client.get("/", headers={"Accept-Language": header}, follow_redirects=False)
    assert answer.status_code == 302 and answer.headers["location"] == location
    assert "Accept-Language" in answer.headers["vary"]


@pytest.mark.parametrize("header", ["en-US,fr;q=0.5", "de-DE", ""])
def test_root_stays_english_for_english_or_unknown(client: httpx.Client, header: str) -> None:
    answer = client.get("/", headers={"Accept-Language": header}, follow_redirects=False)
    assert answer.status_code != 302 or not answer.headers["location"].startswith(
        tuple(f"/{lang}" for lang in LANGUAGES)
    )


def test_redirects_keep_the_language(client: httpx.Client) -> None:
    answer = client.get("/ru/country?m49=484", follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == "/ru/country/484"


def test_bare_prefix_goes_to_its_home(client: httpx.Client) -> None:
    answer = client.get("/zh", follow_redirects=False)
    assert answer.status_code == 302 and answer.headers["location"] == "/zh/"


def test_api_figures_stay_locale_free(client: httpx.Client) -> None:
    english = client.get("/api/areas/484").json()
    assert client.get("/fr/api/areas/484").json() == english


@pytest.mark.parametrize(
    ("lang", "text"),
    [("fr", "mexique"), ("es", "Méx"), ("ru", "Мексика"), ("zh", "墨西哥"), ("ar", "المكسيك")],
)
def test_search_accepts_names_in_the_page_language(
    client: httpx.Client, lang: str, text: str
) -> None:
    answer = client.get(f"/{lang}/search", params={"q": text}, follow_redirects=False)
    assert answer.status_code == 303 and answer.headers["location"] == f"/{lang}/country/484"


def test_search_in_english_does_not_take_other_languages(client: httpx.Client) -> None:
    assert client.get("/search", params={"q": "Mexique"}, follow_redirects=False).status_code == 404


@pytest.mark.parametrize(("lang", "title"), [("fr", "Introuvable"), ("ar", "غير موجود")])
def test_error_page_in_the_language(client: httpx.Client, lang: str, title: str) -> None:
    page = client.get(f"/{lang}/country/99999")
    assert page.status_code == 404
    assert f"<h1>{title}</h1>" in page.text and f'<html lang="{lang}"' in page.text


def test_home_page_in_the_language(client: httpx.Client) -> None:
    page = client.get("/es/")
    assert page.status_code == 200 and '<html lang="es" dir="ltr">' in page.text
    assert "Las cifras del informe, entonces y ahora" in page.text
    assert 'action="/es/search"' in page.text


def test_error_page_explains_in_the_language_and_marks_the_detail_english(
    client: httpx.Client,
) -> None:
    page = client.get("/fr/country/99999").text
    assert "Ce qui a été demandé n&#39;est pas ici : les détails ci-dessous" in page
    assert '<p lang="en" dir="ltr">m49=99999: no area has this M49 code' in page
    assert "Ce qui a été demandé" not in client.get("/country/99999").text


def test_world_map_in_the_language(client: httpx.Client) -> None:
    page = client.get("/zh/world").text
    assert "<td>墨西哥</td>" in page  # the table names countries in the page's language
    assert "无数据</li>" in page and "no data" not in page
    french = client.get("/fr/world").text
    assert "868\xa0k" in french and "1,06\xa0M" in french  # legend: CLDR's short form, 3 digits


def test_corridor_page_in_the_language(client: httpx.Client) -> None:
    page = client.get("/es/corridor", params={"origin": 484, "destination": 840}).text
    assert "México → Estados Unidos" in page
    assert "DAES, edición 2017 (personas)" in page
    assert "Migrantes en el corredor, por edición" in page
    assert "Largest corridors" not in page and "Show corridor" not in page


def test_api_errors_stay_json_under_a_language_prefix(client: httpx.Client) -> None:
    english = client.get("/api/areas/99999")
    french = client.get("/fr/api/areas/99999")
    assert french.status_code == english.status_code == 404
    assert french.headers["content-type"] == "application/json"
    assert french.json() == english.json()
