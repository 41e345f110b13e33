"""The names of the indicators linked to the Compact's objectives, in the current language.

A link is named in English by the tracker's ``objectives.yml`` and the indicators' ``gcm_map.yml``
(``SDG indicator 17.18.1``, ``SDG 10.7.2 / MGI domain D2 Whole-of-government / evidence-based
policies``, ``Statelessness statistics (UNHCR)``). An SDG indicator is named through the gettext
catalogues, with the policy domains of SDG 10.7.2 from ``objective_links.yml``; any other link by
its English name under that file's ``names``. A name found in neither stays English.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from migobs.i18n import current
from migobs.i18n.messages import N_, translations
from migobs.yaml_files import read_yaml

LINKS_FILE = Path(__file__).parent / "objective_links.yml"

DOMAIN = re.compile(r"(D\d) (.+)")
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"SDG indicator (?P<code>[\d.a-z /]+)"), N_("SDG indicator %(code)s")),
    (
        re.compile(r"SDG 10\.7\.2 / MGI domain (?P<domain>D\d .+)"),
        N_("SDG 10.7.2 / MGI domain %(domain)s"),
    ),
    (
        re.compile(r"SDG 10\.7\.2 policy domains: (?P<domains>.+)"),
        N_("SDG 10.7.2 policy domains: %(domains)s"),
    ),
    (re.compile(r"SDG (?P<code>[\d.a-z /]+(?: D\d)?)"), N_("SDG %(code)s")),
]
"""The ways an SDG indicator is named, each with its gettext message (the last also reads the
tracker's codes: ``SDG 10.7.2 D1``)."""


@cache
def kept() -> dict[str, Any]:
    """``objective_links.yml`` as read: ``domains`` (D1-D6 → language → name) and ``names``
    (English name → language → name)."""
    data: dict[str, Any] = read_yaml(LINKS_FILE)
    return data


def _domain(text: str, lang: str) -> str:
    """``D1 Migrant rights`` in ``lang``: the code, then the domain's name."""
    found = DOMAIN.fullmatch(text)
    if found is None:
        return text
    code, english = found.groups()
    return f"{code} {kept()['domains'].get(code, {}).get(lang) or english}"


def _values(lang: str) -> dict[str, Callable[[str], str]]:
    return {
        "code": lambda code: code,
        "domain": lambda domain: _domain(domain, lang),
        "domains": lambda domains: "; ".join(_domain(d, lang) for d in domains.split("; ")),
    }


def link_name(english: str, lang: str | None = None) -> str:
    """The name of a linked indicator in ``lang`` (default: the current language)."""
    lang = lang or current.get()
    if lang == "en":
        return english
    for pattern, message in PATTERNS:
        found = pattern.fullmatch(english)
        if found is not None:
            rule = _values(lang)
            values = {key: rule[key](value) for key, value in found.groupdict().items()}
            return translations(lang).gettext(message) % values
    return str(kept()["names"].get(english, {}).get(lang) or english)
