"""The home page: the headline figures equal the claims ledger's, the search finds areas by any
identifier, and the map's source names its edition."""

from __future__ import annotations

import re

import httpx
import pytest
from markupsafe import escape

from migobs.web.home import HEADLINES, shown


def test_home_figures_equal_the_ledger(client: httpx.Client) -> None:
    page = client.get("/").text
    for code, label in HEADLINES:
        claim = client.get(f"/api/claims/{code}").json()
        block = page.split(f'id="headline-{code}"')[1].split("</li>")[0]
        assert str(escape(label)) in block
        assert str(escape(shown(claim["stated"], claim["precision"], claim["unit"]))) in block
        assert f'href="/report#claim-{code}"' in block and f'href="/api/claims/{code}"' in block
        if claim["now"] and claim["now"]["value"] is not None:
            now = shown(claim["now"]["value"], claim["precision"], claim["unit"])
            assert f'data-claim="{code}">{now}</span>' in block
            assert f"in {claim['now']['year']} ({claim['now']['edition']} edition)" in block
    assert 'id="claim-C01"' in client.get("/report").text


def test_headline_figures_read_as_words() -> None:
    assert shown(280_598_105, 1e6, "persons") == "281 million"
    assert shown(3.61, 0.1, "percent of world population") == "3.6 %"
    assert shown(2.84, 1, "ratio (remittances / ODA)") == "2.8 times"
    assert shown(6_201, 1000, "persons (dead and missing)") == "6,201"


def test_map_source_names_the_edition(client: httpx.Client) -> None:
    page = client.get("/").text
    assert "newest edition" not in page
    assert re.search(r"Source: UN DESA International Migrant Stock, \d{4} edition", page)


@pytest.mark.parametrize("typed", ["MEX", "mex", "484", "Mexico", "mexico", " Mexi"])
def test_search_finds_mexico_by_any_identifier(client: httpx.Client, typed: str) -> None:
    response = client.get("/search", params={"q": typed})
    assert response.status_code == 303
    assert response.headers["location"] == "/country/484"


def test_search_with_an_ambiguous_name_lists_the_candidates(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "an"})  # Afghanistan, France
    assert response.status_code == 400
    assert "&#39;an&#39; fits 2 areas" in response.text
    assert (
        "Afghanistan (M49 004, AFG)" in response.text and "France (M49 250, FRA)" in response.text
    )


def test_search_for_nothing_known_says_what_is_accepted(client: httpx.Client) -> None:
    response = client.get("/search", params={"q": "Mexco"})
    assert response.status_code == 404
    assert "Did you mean Mexico?" in response.text and "migobs" not in response.text
