"""Licences of exported tables: each source's own, as the catalogue records it, and the one a
table as a whole can claim - its most restrictive source's.

Ranked from the most open: public domain, permissive software licences (ISC, MIT), CC BY 4.0,
CC BY 3.0 IGO, a publisher's own terms of use (IOM, UN), and "All rights reserved" (the UN DESA
2017 workbook says so beside its CC BY 3.0 IGO data). A licence text that names several
(``CC BY 3.0 IGO (... All rights reserved)``) ranks as the most restrictive it names.
"""

from __future__ import annotations

from collections.abc import Iterable

RANKS: tuple[tuple[str, int], ...] = (
    ("all rights reserved", 5),
    ("terms", 4),
    ("cc by 3.0 igo", 3),
    ("cc by 4.0", 2),
    ("isc", 1),
    ("mit", 1),
    ("public domain", 0),
)
"""Phrase in a licence text → how restrictive it is (higher is more restrictive)."""

UNKNOWN = 4
"""Rank of a licence text naming none of :data:`RANKS`: as restrictive as a publisher's terms."""

IDENTIFIERS: tuple[tuple[str, str, str], ...] = (
    ("all rights reserved", "other-closed", ""),
    ("cc by 3.0 igo", "CC-BY-3.0-IGO", "https://creativecommons.org/licenses/by/3.0/igo/"),
    ("cc by 4.0", "CC-BY-4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("public domain", "other-pd", ""),
    ("attribution", "other-at", ""),
)
"""Phrase in a licence text → its Open Definition / SPDX identifier and the licence's URL, most
restrictive first; a text naming none (a publisher's own terms) is ``other-closed``: reuse is
what those terms say, not an open licence."""


def rank(licence: str) -> int:
    """How restrictive ``licence`` is: the highest rank of the phrases it contains."""
    text = licence.lower()
    found = [value for phrase, value in RANKS if phrase in text]
    return max(found) if found else UNKNOWN


def licence_record(text: str) -> dict[str, str]:
    """A Data Package ``licenses`` entry for a licence text: its identifier (``name``), the
    licence's URL (``path``, where it has one) and the text as the catalogue records it."""
    lowered = text.lower()
    name, path = next(
        ((name, path) for phrase, name, path in IDENTIFIERS if phrase in lowered),
        ("other-closed", ""),
    )
    return {"name": name, **({"path": path} if path else {}), "title": text}


def distinct(licences: Iterable[str]) -> list[str]:
    """Each licence text once, in order."""
    return list(dict.fromkeys(text for text in licences if text))


def most_restrictive(licences: Iterable[str]) -> str:
    """The most restrictive of ``licences`` (the first of equals); empty when there is none."""
    found = distinct(licences)
    return max(found, key=rank) if found else ""
