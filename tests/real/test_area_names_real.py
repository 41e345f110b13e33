"""Every area of the warehouse built from the mirror is named in each language, and the World
Bank's aggregates are named in the reader's language on the pages that rank them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from migobs.i18n.areas import area_name
from migobs.warehouse.read import open_warehouse
from tests.i18n.test_area_names import OTHERS, unnamed

pytestmark = pytest.mark.real


@pytest.fixture(scope="module")
def areas(built_warehouse: Path) -> list[tuple[int, str | None, str]]:
    with open_warehouse(built_warehouse) as con:
        rows: list[tuple[int, str | None, str]] = con.execute(
            "SELECT m49, iso2, name FROM areas ORDER BY m49"
        ).fetchall()
    return rows


@pytest.fixture(scope="module")
def real(real_server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=real_server, timeout=120) as client:
        yield client


@pytest.mark.parametrize("lang", OTHERS)
def test_every_area_of_the_real_warehouse_is_named(
    lang: str, areas: list[tuple[int, str | None, str]]
) -> None:
    codes = {m49 for m49, _, _ in areas}
    assert {9101, 9133, 9141, 9903, 9907, 530, 412} <= codes and len(areas) > 300
    missing = unnamed(areas, lang)
    assert not missing, f"{lang}: add these to migobs/i18n/area_names.yml: {missing}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_area_is_named_from_its_code_alone(
    lang: str, areas: list[tuple[int, str | None, str]]
) -> None:
    """Pages that hold only an area's code (rankings, maps, corridors) name it as pages that
    also hold its ISO code do."""
    differ = [
        f"{m49} {name}"
        for m49, iso2, name in areas
        if iso2 and area_name(m49, None, name, lang) != area_name(m49, iso2, name, lang)
    ]
    assert not differ, f"{lang}: give these a `cldr:` code in area_names.yml: {differ}"


def test_world_page_names_the_world_banks_aggregates_in_french(real: httpx.Client) -> None:
    page = real.get("/fr/world", params={"variable": "remittances.received"}).text
    for french in (
        "Afrique subsaharienne (hors revenu élevé)",
        "Pays pauvres très endettés (PPTE)",
        "Monde arabe",
        "Zone euro",
    ):
        assert f">{french}<" in page, french
    for english in ("Sub-Saharan Africa (excluding high income)", "Arab World", "Euro area"):
        assert f">{english}<" not in page, english


def test_world_page_names_kosovo_in_russian(real: httpx.Client) -> None:
    page = real.get("/ru/world", params={"variable": "remittances.received"}).text
    assert ">Косово<" in page and ">Kosovo<" not in page
