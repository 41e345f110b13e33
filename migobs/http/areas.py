"""An area parameter of a page or an API route, given as an M49 code, an ISO3 code or a name.

:func:`area_param` resolves what was typed (a whole name in the page's language, then
:func:`migobs.warehouse.read.identify.find_area`, then part of a name in the page's language) and
turns a miss into an error naming the parameter: 404 listing what it accepts, or 400 listing the
candidates of an ambiguous name.
"""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import Path, Query

from migobs.errors import AmbiguousArea, ValueNotFound
from migobs.http.errors import ApiError
from migobs.i18n import current
from migobs.i18n.areas import area_name
from migobs.warehouse.areas import normalise
from migobs.warehouse.read.identify import did_you_mean, find_area

ACCEPTED = [
    "an M49 code, with or without its leading zeros: 004 or 4 (every code at /api/areas)",
    "an ISO3 code, e.g. MEX",
    "a country's name, e.g. Mexico",
    "every country at /country",
]
"""What an area parameter accepts, as the error page and the API's errors list it."""


def area_param(con: duckdb.DuckDBPyConnection, parameter: str, typed: str) -> int:
    """The M49 code of the area ``typed`` names, for the parameter ``parameter``.

    Raises
    ------
    ApiError
        404 (``not-found``) when nothing matches, 400 (``ambiguous-area``) with the candidates
        when a name fits several areas.
    """
    local = by_local_name(con, typed, partial=False)
    if local is not None:
        return local
    try:
        return find_area(con, typed).m49
    except AmbiguousArea as error:
        message = f"{parameter}={typed}: {error}"
        raise ApiError(
            400, "ambiguous-area", message, parameter=parameter, accepted=error.candidates
        ) from error
    except ValueNotFound as error:
        local = by_local_name(con, typed)
        if local is not None:
            return local
        message = (
            f"{parameter}={typed}: no area has this M49 code, ISO3 code or name."
            f"{did_you_mean(con, typed)} GET /api/areas lists the areas."
        )
        raise ApiError(404, "not-found", message, parameter=parameter, accepted=ACCEPTED) from error


def area_filter(con: duckdb.DuckDBPyConnection, parameter: str, typed: str | None) -> int | None:
    """:func:`area_param` of an optional query parameter (``None`` when not given)."""
    return None if typed is None else area_param(con, parameter, typed)


def by_local_name(
    con: duckdb.DuckDBPyConnection, typed: str, *, partial: bool = True
) -> int | None:
    """The M49 code of the one area whose name in the current language is ``typed`` or, failing
    that (and when ``partial``), contains it (accents and case ignored; countries before
    groupings): ``Mexique`` on a French page; else ``None``."""
    if current.get() == "en":
        return None
    wanted = normalise(typed)
    rows = con.execute("SELECT m49, iso2, name, kind FROM areas").fetchall()
    names = [
        (int(m), normalise(area_name(int(m), iso2, name)), kind) for m, iso2, name, kind in rows
    ]
    exact = [(m49, kind) for m49, name, kind in names if name == wanted]
    parts = [(m49, kind) for m49, name, kind in names if partial and wanted and wanted in name]
    found = exact or parts
    countries = [m49 for m49, kind in found if kind == "country"]
    chosen = countries or [m49 for m49, _ in found]
    return chosen[0] if len(chosen) == 1 else None


def is_m49(typed: str) -> bool:
    """Whether ``typed`` is already written as an M49 code is (digits, no leading zero)."""
    return typed.isdigit() and str(int(typed)) == typed


AREA = "M49 code with or without leading zeros, ISO3 code or name (004, 4, AFG, Afghanistan)"

AreaPath = Annotated[str, Path(max_length=200, description=f"the area: {AREA}")]
"""An area in an API path; the route resolves it with :func:`area_param`."""

AreaQuery = Annotated[str, Query(max_length=200, description=f"an area: {AREA}")]
"""An area in an API query; the route resolves it with :func:`area_filter`."""
