"""Every area has a name in every language: the warehouse's, the M49 regions and the groupings
of areas.yml (the real warehouse's areas are these plus the countries of the M49 file)."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from migobs.i18n import LANGUAGES, current
from migobs.i18n.areas import area_name, area_sources, named_areas
from migobs.warehouse.areas import extra_areas
from migobs.web.world import named

OTHERS = [lang for lang in LANGUAGES if lang != "en"]


def unnamed(areas: list[tuple[int, str | None, str]], lang: str) -> list[str]:
    """The areas left with their English name in ``lang`` (names equal in both are allowed
    when CLDR or area_names.yml gives them, e.g. French "Corridors")."""
    return [
        f"{m49} {name}"
        for m49, iso2, name in areas
        if area_name(m49, iso2, name, lang) == name and area_name(m49, iso2, "?", lang) == "?"
    ]


@pytest.mark.parametrize("lang", OTHERS)
def test_every_extra_area_and_grouping_is_named(lang: str) -> None:
    areas, _ = extra_areas()
    missing = unnamed([(a.m49, a.iso2, a.name) for a in areas], lang)
    assert not missing, f"{lang}: add these to migobs/i18n/area_names.yml: {missing}"


@pytest.mark.parametrize("lang", OTHERS)
def test_every_area_of_the_small_warehouse_is_named(lang: str, web_settings: object) -> None:
    from migobs.config import Settings

    assert isinstance(web_settings, Settings)
    con = duckdb.connect(str(web_settings.warehouse), read_only=True)
    rows = con.execute("SELECT m49, iso2, name FROM areas").fetchall()
    assert rows and not unnamed(rows, lang)


@pytest.mark.real
@pytest.mark.parametrize("lang", OTHERS)
def test_every_area_of_the_m49_file_is_named(lang: str, mirror: Path) -> None:
    path = mirror / "un_m49" / "UNSD — Methodology.csv"
    with path.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    areas = [(int(r["M49 Code"]), r["ISO-alpha2 Code"] or None, r["Country or Area"]) for r in rows]
    for r in rows:
        for code, name in (
            ("Region Code", "Region Name"),
            ("Sub-region Code", "Sub-region Name"),
            ("Intermediate Region Code", "Intermediate Region Name"),
        ):
            if r[code]:
                areas.append((int(r[code]), None, r[name]))
    assert len(areas) > 240 and not unnamed(areas, lang)


def test_area_names_file_names_every_language() -> None:
    for m49, entry in named_areas().items():
        if "names" in entry:
            assert sorted(entry["names"]) == sorted(OTHERS), m49
            official = entry.get("official")
            assert isinstance(official, list), f"{m49}: list the languages whose name is official"
            assert set(official) <= set(OTHERS), m49
            if official:
                assert entry.get("source") in area_sources(), f"{m49}: name its source"
                assert "https://" in area_sources()[entry["source"]], f"{m49}: give the page"


def test_official_grouping_names_are_their_publishers_own() -> None:
    assert area_name(941, None, "Least developed countries", "ar") == "أقل البلدان نمواً"
    assert area_name(1636, None, "Landlocked developing countries", "ru") == (
        "Развивающиеся страны, не имеющие выхода к морю"
    )
    assert area_name(1637, None, "Small island developing States", "es") == (
        "Pequeños Estados insulares en desarrollo"
    )
    assert area_name(1501, None, "Lower-middle-income countries", "ar") == (
        "الشريحة الدنيا من البلدان متوسطة الدخل"
    )
    official = {m49: e["official"] for m49, e in named_areas().items() if e.get("official")}
    assert official == {
        941: OTHERS,
        1636: OTHERS,
        1637: OTHERS,
        **{m49: ["ar", "fr", "es"] for m49 in (1500, 1501, 1502, 1503)},
        9114: ["es"],
    }
    assert area_name(9114, None, "Heavily indebted poor countries (HIPC)", "es") == (
        "Países pobres muy endeudados (PPME)"
    )


def test_kosovo_is_named_where_the_caller_knows_only_its_code() -> None:
    """The world page, the maps and the corridors name areas by M49 code alone: Kosovo (412,
    not in M49 and not aliased by CLDR) is named from its code, not the caller's ISO code."""
    token = current.set("ru")
    try:
        assert named([{"area": 412, "area_name": "Kosovo"}])[0]["area_name"] == "Косово"
    finally:
        current.reset(token)
    assert area_name(412, None, "Kosovo", "zh") == area_name(412, "XK", "Kosovo", "zh") == "科索沃"
