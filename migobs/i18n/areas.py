"""Area names in the six languages.

Countries and areas take their name from CLDR through Babel, by ISO 3166 alpha-2 code (or the
alpha-2 code CLDR maps their M49 code to); the M49
regions CLDR names (``002`` Africa, ``419`` Latin America and the Caribbean …) by their three
digits. Groupings CLDR lacks (SDG regions, development and income groups, residual areas) come from
``area_names.yml``: their publisher's names in the languages listed under ``official:`` (with
their ``source:``), else the project's translations after UNSD's M49 names. English is always the
warehouse's own name (the M49 English name).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.core import get_global

from migobs.i18n import current
from migobs.m49 import m49_text
from migobs.yaml_files import read_yaml

NAMES_FILE = Path(__file__).parent / "area_names.yml"


@cache
def territories(lang: str) -> Mapping[str, str]:
    """CLDR's names of territories in ``lang``, by alpha-2 code or three-digit region code."""
    return Locale.parse(lang).territories


@cache
def named_areas() -> dict[int, dict[str, Any]]:
    """The entries of ``area_names.yml`` by M49 code: ``{"cldr": "002"}`` or ``{"names": …}``."""
    data: dict[str, Any] = read_yaml(NAMES_FILE)
    return {int(code): dict(entry) for code, entry in data["areas"].items()}


@cache
def area_sources() -> dict[str, str]:
    """``area_names.yml``'s ``sources:``: where its official names were checked, by key."""
    data: dict[str, Any] = read_yaml(NAMES_FILE)
    return {str(key): str(text) for key, text in data.get("sources", {}).items()}


def cldr_name(m49: int, iso2: str | None, lang: str) -> str | None:
    """CLDR's name of the area in ``lang``, or ``None`` when CLDR has none.

    Found by alpha-2 code; else by the M49 code, which CLDR maps to one alpha-2 code for a
    country (``484`` → ``MX``) or names itself for a region (``002`` Africa); else by the M49
    region ``area_names.yml`` says a UN DESA code stands for (``903`` → ``002``).
    """
    names = territories(lang)
    code = m49_text(m49)
    alias = named_areas().get(m49, {}).get("cldr")
    for key in (iso2 if isinstance(iso2, str) else None, *country_alias(code), code, alias):
        if key and str(key).upper() in names:
            return names[str(key).upper()]
    return None


def country_alias(code: str) -> tuple[str, ...]:
    """The alpha-2 code CLDR gives M49 code ``code`` when it stands for one country."""
    aliases: list[str] = get_global("territory_aliases").get(code, [])
    return tuple(aliases) if len(aliases) == 1 else ()


def area_name(m49: int, iso2: str | None, english: str, lang: str | None = None) -> str:
    """The name of area ``m49`` in ``lang`` (default: the current language).

    English keeps the warehouse's M49 name; other languages take CLDR's, then
    ``area_names.yml``'s; an area named by neither keeps its English name (a test checks that
    no area of the warehouse does).
    """
    lang = lang or current.get()
    if lang == "en":
        return english
    listed = named_areas().get(m49, {}).get("names", {})
    return cldr_name(m49, iso2, lang) or listed.get(lang) or english


def localised(area: Mapping[str, Any], lang: str | None = None) -> str:
    """:func:`area_name` of an area record with ``m49``, ``iso2`` (optional) and ``name``."""
    return area_name(int(area["m49"]), area.get("iso2"), str(area["name"]), lang)
