"""Any identifier of an area: an M49 code, an ISO3 code, a name or a unique part of one.

Both faces (pages, API) and the CLI resolve what a user typed here, so ``484``, ``MEX``,
``mex``, ``Mexico`` and ``mexi`` all name Mexico everywhere, and a name that fits several areas
is refused with the candidates listed.
"""

from __future__ import annotations

import difflib

import duckdb

from migobs.errors import AmbiguousArea, ValueNotFound
from migobs.m49 import m49_number, m49_text
from migobs.warehouse.areas import normalise
from migobs.warehouse.read.groupings import Area, area

LISTING = 'list them with `migobs sql "SELECT m49, iso3, name, kind FROM areas"`'


def find_area(con: duckdb.DuckDBPyConnection, text: str) -> Area:
    """The area named by ``text``: an M49 code, an ISO3 code, a name (any case, accents
    optional) or a part of a name (two letters or more) that fits one area (countries before groupings).

    Raises
    ------
    ValueNotFound
        Nothing matches; the message names the closest names and how to list the areas.
    AmbiguousArea
        A part of a name fits several areas; ``candidates`` lists them.
    """
    typed = text.strip()
    code = m49_number(typed)
    if code is not None:
        return area(con, code if len(typed) <= 6 else -1)
    areas = _areas(con)
    key = normalise(typed)
    exact = [
        a for a in areas if (a.iso3 or "").upper() == typed.upper() or normalise(a.name) == key
    ]
    if exact:
        return _countries_first(exact)[0]
    partial = [a for a in areas if len(key) >= 2 and key in normalise(a.name)]
    countries = [a for a in partial if not a.is_group]
    found = countries or partial
    if len(found) == 1:
        return found[0]
    if found:
        candidates = [label(a) for a in found]
        raise AmbiguousArea(
            f"{typed!r} fits {len(found)} areas; give one of their names, ISO3 or M49 codes: "
            + "; ".join(candidates[:20])
            + (" …" if len(candidates) > 20 else ""),
            candidates,
        )
    raise ValueNotFound(
        f"No area called {typed!r}: give an M49 code (900 = world), an ISO3 code or a name "
        f"(e.g. 484, MEX, Mexico).{did_you_mean(con, typed)} {LISTING}."
    )


def did_you_mean(con: duckdb.DuckDBPyConnection, typed: str) -> str:
    """`` Did you mean Mexico?`` naming the areas spelt closest to ``typed`` (or ``""``)."""
    names = [a.name for a in _areas(con)]
    close = difflib.get_close_matches(typed.strip(), names, n=5, cutoff=0.6)
    return f" Did you mean {', '.join(close)}?" if close else ""


def label(found: Area) -> str:
    """``Name (M49 484, MEX)``, ``Afghanistan (M49 004, AFG)``: an area as a candidate is listed."""
    code = f"M49 {m49_text(found.m49)}" + (f", {found.iso3}" if found.iso3 else "")
    return f"{found.name} ({code})"


def _areas(con: duckdb.DuckDBPyConnection) -> list[Area]:
    rows = con.execute("SELECT m49, iso3, name, kind FROM areas ORDER BY name").fetchall()
    return [Area(int(m49), iso3, str(name), str(kind)) for m49, iso3, name, kind in rows]


def _countries_first(found: list[Area]) -> list[Area]:
    return sorted(found, key=lambda a: (a.is_group, a.kind != "country", a.m49))
