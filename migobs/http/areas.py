"""An area parameter of a page or an API route, given as an M49 code, an ISO3 code or a name.

:func:`area_param` resolves what was typed (:func:`migobs.warehouse.read.identify.find_area`)
and turns a miss into an error naming the parameter: 404 listing what it accepts, or 400
listing the candidates of an ambiguous name.
"""

from __future__ import annotations

from typing import Annotated

import duckdb
from fastapi import Path

from migobs.errors import AmbiguousArea, ValueNotFound
from migobs.http.errors import ApiError
from migobs.warehouse.read.identify import did_you_mean, find_area

ACCEPTED = [
    "an M49 code: a whole number, e.g. 484 (every code at /api/areas)",
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
    try:
        return find_area(con, typed).m49
    except AmbiguousArea as error:
        message = f"{parameter}={typed}: {error}"
        raise ApiError(
            400, "ambiguous-area", message, parameter=parameter, accepted=error.candidates
        ) from error
    except ValueNotFound as error:
        message = (
            f"{parameter}={typed}: no area has this M49 code, ISO3 code or name."
            f"{did_you_mean(con, typed)} GET /api/areas lists the areas."
        )
        raise ApiError(404, "not-found", message, parameter=parameter, accepted=ACCEPTED) from error


def is_m49(typed: str) -> bool:
    """Whether ``typed`` is already written as an M49 code is (digits, no leading zero)."""
    return typed.isdigit() and str(int(typed)) == typed


AreaPath = Annotated[
    str,
    Path(max_length=200, description="the area: M49 code, ISO3 code or name (484, MEX, Mexico)"),
]
"""An area in an API path; the route resolves it with :func:`area_param`."""
