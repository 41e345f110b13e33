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


def rank(licence: str) -> int:
    """How restrictive ``licence`` is: the highest rank of the phrases it contains."""
    text = licence.lower()
    found = [value for phrase, value in RANKS if phrase in text]
    return max(found) if found else UNKNOWN


def distinct(licences: Iterable[str]) -> list[str]:
    """Each licence text once, in order."""
    return list(dict.fromkeys(text for text in licences if text))


def most_restrictive(licences: Iterable[str]) -> str:
    """The most restrictive of ``licences`` (the first of equals); empty when there is none."""
    found = distinct(licences)
    return max(found, key=rank) if found else ""
