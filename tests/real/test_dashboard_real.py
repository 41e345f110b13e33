"""The home page, the search, the indicator pages and the rankings on the warehouse built from
the mirror."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from migobs.indicators.definitions import definitions
from migobs.web.home import HEADLINES, shown

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def real(real_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=real_server, timeout=120) as client:
        yield client


def test_home_figures_are_the_ledgers_now_on_real_data(real: httpx.Client) -> None:
    page = real.get("/").text
    for code, _ in HEADLINES:
        claim = real.get(f"/api/claims/{code}").json()
        assert claim["now"] is not None and claim["now"]["value"] is not None, code
        now = shown(claim["now"]["value"], claim["precision"], claim["unit"])
        assert f'data-claim="{code}">{now}</span>' in page
    assert "newest edition" not in page


@pytest.mark.parametrize("typed", ["MEX", "484", "Mexico"])
def test_search_finds_mexico_on_real_data(real: httpx.Client, typed: str) -> None:
    response = real.get("/search", params={"q": typed})
    assert (response.status_code, response.headers["location"]) == (303, "/country/484")


def test_an_ambiguous_name_lists_the_candidates_on_real_data(real: httpx.Client) -> None:
    response = real.get("/api/areas/Korea")
    assert response.status_code == 400
    accepted = response.json()["error"]["accepted"]
    assert "Republic of Korea (M49 410, KOR)" in accepted
    assert "Democratic People's Republic of Korea (M49 408, PRK)" in accepted


def test_every_indicator_page_answers_on_real_data(real: httpx.Client) -> None:
    for code in definitions():
        assert real.get(f"/indicators/{code}").status_code == 200, code


def test_rankings_hold_countries_only_on_real_data(real: httpx.Client) -> None:
    for path in ("/indicators/stock.total", "/world?variable=stock.total"):
        page = real.get(path).text
        ranked = page.split('id="ranking-top"' if "indicators" in path else 'id="world-table"')[1]
        ranked = ranked.split("</table>")[0]
        for grouping in ("World", "Western Asia", "Middle Africa", "Low-income countries"):
            assert f">{grouping}<" not in ranked, (path, grouping)


def test_a_country_above_its_grouping_is_explained_on_its_page_on_real_data(
    real: httpx.Client,
) -> None:
    """Algeria's code is 012: the page finds the build's finding, whose rows write it as text."""
    page = real.get("/country/12").text
    assert "In 2020 Algeria (279) is above Northern Africa (128)" in page


@pytest.mark.parametrize(("lang", "typed", "m49"), [("fr", "Inde", 356), ("es", "Micronesia", 583)])
def test_a_name_the_country_field_offers_opens_its_own_country_on_real_data(
    real: httpx.Client, lang: str, typed: str, m49: int
) -> None:
    page = real.get(f"/{lang}/country").text
    assert f'<option value="{typed}"></option>' in page
    answer = real.get(f"/{lang}/country", params={"m49": typed}, follow_redirects=False)
    assert answer.headers["location"] == f"/{lang}/country/{m49}"
