"""The one harmonised model of countries, areas and their groupings, and the name resolver.

Two pieces of data drive it:

- ``areas.yml`` beside this module: the areas the M49 overview file lacks (Kosovo, Channel
  Islands as one area, Taiwan Province of China, the "Other North"/"Other South" residuals) and
  the groupings the UN DESA Population Division files code themselves (900 World, 901/902
  development groups, 1500-1503/1517 income groups, 947 Sub-Saharan Africa, 903 Africa ...).
- ``area_names/<source>.yml``: how each source spells or codes an area when the M49 name, the
  M49 code or the ISO3 code does not find it, each hand-made entry with a reason. Every file in
  that folder is read; its ``source`` key (default: the file's stem) says whose spellings it holds::

      source: undesa_stock
      names:
        "Bolivia (Plurinational State of)": 68
        "Other North": {m49: 9901, reason: "unknown-origin residual, not a country"}
      codes:
        "XKX": {m49: 412, reason: "World Bank code for Kosovo"}

:class:`AreaResolver` answers ``by_code``, ``by_name`` and ``by_iso3`` with an M49 integer or
``None``, and remembers every spelling or code it was asked about; :meth:`AreaResolver.write`
stores them in ``area_names`` (``m49`` NULL when unmapped) and returns an ``unmapped-area``
finding for each one that did not map. Nothing a source says is silently dropped.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from migobs.errors import WarehouseError
from migobs.warehouse.findings import Finding
from migobs.warehouse.frames import append
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent
NAMES_DIR = HERE / "area_names"
EXTRA_AREAS = HERE / "areas.yml"


@dataclass(frozen=True)
class Mapping:
    """One hand-made entry of a names file: the M49 code (``None``: known not to map) and why."""

    m49: int | None
    reason: str


@dataclass(frozen=True)
class NameMap:
    """A source's own spellings and codes, as its ``area_names/<source>.yml`` gives them."""

    source: str
    names: dict[str, Mapping]
    codes: dict[str, Mapping]


@dataclass(frozen=True)
class ExtraArea:
    """An area or grouping of ``areas.yml``."""

    m49: int
    name: str
    kind: str
    iso3: str | None
    iso2: str | None
    reason: str


def normalise(name: str) -> str:
    """A spelling reduced for comparison: accents, case, punctuation spacing and ``*`` dropped."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char))
    text = text.replace("*", "").replace("’", "'").casefold()
    return re.sub(r"\s+", " ", text).strip()


def load_name_maps(folder: Path = NAMES_DIR) -> dict[str, NameMap]:
    """Every ``*.yml`` in ``folder`` as a :class:`NameMap` by source (files of one source merge)."""
    maps: dict[str, NameMap] = {}
    for path in sorted(folder.glob("*.yml")):
        data: dict[str, Any] = read_yaml(path) or {}
        source = str(data.get("source", path.stem))
        names = _entries(path, data.get("names"))
        codes = _entries(path, data.get("codes"))
        if source in maps:
            names = {**maps[source].names, **names}
            codes = {**maps[source].codes, **codes}
        maps[source] = NameMap(source, names, codes)
    return maps


def _entries(path: Path, raw: Any) -> dict[str, Mapping]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise WarehouseError(
            f"{path}: `names` and `codes` must be mappings of text to an M49 code."
        )
    return {str(key): _entry(path, key, value) for key, value in raw.items()}


def _entry(path: Path, key: Any, value: Any) -> Mapping:
    if value is None or isinstance(value, int):
        return Mapping(value, "")
    if isinstance(value, dict) and "m49" in value:
        m49 = value["m49"]
        return Mapping(None if m49 is None else int(m49), str(value.get("reason", "")))
    raise WarehouseError(
        f"{path}: entry {key!r} must be an M49 integer, null, or {{m49: ..., reason: ...}}; "
        f"found {value!r}."
    )


@cache
def extra_areas() -> tuple[tuple[ExtraArea, ...], dict[int, tuple[int, ...]]]:
    """The areas of ``areas.yml`` and its SDG regions (code → M49 groupings they unite)."""
    data: dict[str, Any] = read_yaml(EXTRA_AREAS)
    areas = tuple(
        ExtraArea(
            m49=int(item["m49"]),
            name=str(item["name"]),
            kind=str(item["kind"]),
            iso3=item.get("iso3"),
            iso2=item.get("iso2"),
            reason=str(item.get("reason", "")),
        )
        for item in data["areas"]
    )
    sdg = {
        int(code): tuple(int(part) for part in parts) for code, parts in data["sdg_regions"].items()
    }
    return areas, sdg


@cache
def stand_in_pairs() -> tuple[tuple[int, int, str], ...]:
    """The composites and areas beside a country of ``areas.yml`` as ``area_groups`` rows.

    ``(830, 831, "composite")``: 830 stands for 831 (and its other parts) where a file gives it;
    ``(158, 156, "beside")``: a file may give 158 beside 156, and it belongs where 156 belongs.
    """
    data: dict[str, Any] = read_yaml(EXTRA_AREAS)
    pairs = [
        (int(code), int(part), "composite")
        for code, entry in data["composites"].items()
        for part in entry["parts"]
    ]
    pairs += [(int(code), int(entry["of"]), "beside") for code, entry in data["beside"].items()]
    return tuple(pairs)


@dataclass
class _Seen:
    source: str
    name: str | None
    code: str | None
    m49: int | None
    how: str
    reason: str


class AreaResolver:
    """Map a source's area names and codes to the warehouse's M49 integers, remembering each.

    Lookups are answered from the source's names file first, then from the areas the warehouse
    holds (M49 code, ISO3 code, M49 or UN DESA name, compared after :func:`normalise`).
    """

    def __init__(self, name_maps: dict[str, NameMap] | None = None) -> None:
        self._maps = load_name_maps() if name_maps is None else name_maps
        self._codes: set[int] = set()
        self._iso3: dict[str, int] = {}
        self._names: dict[str, int] = {}
        self._seen: dict[tuple[str, str | None, str | None], _Seen] = {}
        self._rows: dict[tuple[str, str | None, str | None], int] = {}

    def refresh(self, con: duckdb.DuckDBPyConnection) -> None:
        """Read the known areas, their codes and names from the warehouse's ``areas`` table."""
        areas = con.execute(
            "SELECT m49, iso3, name FROM areas ORDER BY kind = 'country', m49"
        ).fetchall()
        self._codes = {int(m49) for m49, _, _ in areas}
        self._iso3 = {str(iso3).upper(): int(m49) for m49, iso3, _ in areas if iso3}
        self._names = {normalise(str(name)): int(m49) for m49, _, name in areas}

    def by_code(self, source: str, code: str | int) -> int | None:
        """The M49 integer for ``source``'s own ``code`` (e.g. ``"004"``, ``830``, ``"XKX"``)."""
        text = _code_text(code)
        key = (source, None, text)
        if key in self._seen:
            return self._seen[key].m49
        hand = self._hand(source, "codes", text)
        if hand is not None:
            return self._remember(key, hand.m49, "names_table", hand.reason)
        m49 = (
            int(text)
            if text.isdigit() and int(text) in self._codes
            else self._iso3.get(text.upper())
        )
        return self._remember(key, m49, "code", "")

    def by_iso3(self, iso3: str, source: str = "iso3") -> int | None:
        """The M49 integer for an ISO 3166 alpha-3 code, as ``source`` writes it."""
        return self.by_code(source, iso3.strip().upper())

    def by_name(self, source: str, name: str) -> int | None:
        """The M49 integer for ``source``'s spelling ``name`` (leading/trailing spaces ignored)."""
        text = name.strip()
        key = (source, text, None)
        if key in self._seen:
            return self._seen[key].m49
        hand = self._hand(source, "names", text)
        if hand is not None:
            return self._remember(key, hand.m49, "names_table", hand.reason)
        return self._remember(key, self._names.get(normalise(text)), "name", "")

    def note(self, source: str, name: str | None, code: str | None, m49: int | None) -> None:
        """Record a spelling/code a loader resolved itself (e.g. a file's own name beside a code)."""
        key = (source, name, code)
        if key not in self._seen:
            self._remember(key, m49, "code" if code is not None else "name", "")

    def tally(self, source: str, name: str | None, code: str | int | None, rows: int) -> None:
        """Count ``rows`` source rows as carrying the spelling ``name`` or the code ``code``."""
        key = (source, None if name is None else name.strip(), _text_or_none(code))
        self._rows[key] = self._rows.get(key, 0) + rows

    def unmapped(self) -> list[tuple[str, str | None, str | None]]:
        """Every (source, name, code) asked about that did not map, in the order seen."""
        return [key for key, seen in self._seen.items() if seen.m49 is None]

    def write(self, con: duckdb.DuckDBPyConnection) -> list[Finding]:
        """Store every spelling and code seen in ``area_names``; return the unmapped as findings."""
        seen = list(self._seen.values())
        frame = pd.DataFrame(
            {
                "source": [s.source for s in seen],
                "name": [s.name for s in seen],
                "code": [s.code for s in seen],
                "m49": pd.array([s.m49 for s in seen], dtype="Int64"),
                "how": [s.how for s in seen],
            }
        )
        append(con, "area_names", frame)
        return [_unmapped_finding(s, rows) for s, rows in self._unmapped_areas()]

    def _unmapped_areas(self) -> list[tuple[_Seen, int | None]]:
        """Each unmapped area once, with the rows that carried it (``None``: not counted).

        A code and a name recorded for the same area (a feature's code and its name) are one
        area: the entry holding both stands for the entries holding only one of them.
        """
        unmapped = [s for s in self._seen.values() if s.m49 is None]
        both = [s for s in unmapped if s.name is not None and s.code is not None]
        found: list[tuple[_Seen, int | None]] = []
        for s in unmapped:
            if s.name is None or s.code is None:
                if any(_same_area(s, b) for b in both):
                    continue
            parts = [s, *(o for o in unmapped if o is not s and _same_area(o, s))]
            counts = [self._rows[k] for k in map(_key, parts) if k in self._rows]
            found.append((s, max(counts) if counts else None))
        return found

    def _hand(self, source: str, kind: str, text: str) -> Mapping | None:
        name_map = self._maps.get(source)
        if name_map is None:
            return None
        table = name_map.names if kind == "names" else name_map.codes
        return table.get(text)

    def _remember(
        self, key: tuple[str, str | None, str | None], m49: int | None, how: str, reason: str
    ) -> int | None:
        self._seen[key] = _Seen(key[0], key[1], key[2], m49, how, reason)
        return m49


def _code_text(code: str | int | float) -> str:
    if isinstance(code, float) and code.is_integer():
        return str(int(code))
    text = str(code).strip()
    return str(int(text)) if text.isdigit() else text


def _text_or_none(code: str | int | None) -> str | None:
    return None if code is None else _code_text(code)


def _key(seen: _Seen) -> tuple[str, str | None, str | None]:
    return (seen.source, seen.name, seen.code)


def _same_area(part: _Seen, whole: _Seen) -> bool:
    """Whether ``part`` (a name or a code alone) is one of ``whole``'s name and code."""
    if part.source != whole.source or part is whole:
        return False
    return (part.name is None and part.code == whole.code) or (
        part.code is None and part.name == whole.name
    )


def _unmapped_finding(seen: _Seen, rows: int | None) -> Finding:
    label = seen.name if seen.name is not None else seen.code
    why = f" ({seen.reason})" if seen.reason else ""
    also = f" (code {seen.code})" if seen.name is not None and seen.code is not None else ""
    carried = "" if rows is None else f"{rows:,} row(s) of {seen.source} carry it; "
    return Finding(
        type="unmapped-area",
        title=f"{seen.source}: area {label!r} has no M49 code",
        message=(
            f"{seen.source} names an area {label!r}{also} that maps to no area of the "
            f"warehouse{why}. {carried}their values are kept out of the fact tables. Add it to "
            f"migobs/warehouse/area_names/{seen.source}.yml with its M49 code and a reason."
        ),
        source=seen.source,
        observed=None if rows is None else float(rows),
        rows=[{"name": seen.name, "code": seen.code, "rows": rows}],
    )
