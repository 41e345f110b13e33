"""Search takes an area's name in the page's language, groupings as well as countries: the
areas of areas.yml (the warehouse's groupings) with Mexico, in a real DuckDB."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest

from migobs.http.areas import area_param
from migobs.http.errors import ApiError
from migobs.i18n import speaking
from migobs.warehouse.areas import extra_areas


@pytest.fixture(scope="module")
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect()
    connection.execute(
        "CREATE TABLE areas (m49 INTEGER, iso2 TEXT, iso3 TEXT, name TEXT, kind TEXT)"
    )
    rows = [(a.m49, a.iso2, a.iso3, a.name, a.kind) for a in extra_areas()[0]]
    rows += [
        (484, "MX", "MEX", "Mexico", "country"),
        (356, "IN", "IND", "India", "country"),
        (9114, None, None, "Heavily indebted poor countries (HIPC)", "wb_aggregate"),
        (583, "FM", "FSM", "Micronesia (Federated States of)", "country"),
        (57, None, None, "Micronesia", "subregion"),
    ]
    connection.executemany("INSERT INTO areas VALUES (?, ?, ?, ?, ?)", rows)
    yield connection
    connection.close()


@pytest.mark.parametrize(
    ("lang", "typed", "m49"),
    [
        ("fr", "Pays les moins avancés", 941),
        ("fr", "pays les moins avances", 941),
        ("es", "Países en desarrollo sin litoral", 1636),
        ("ru", "Малые островные развивающиеся государства", 1637),
        ("zh", "北非和西亚", 1833),
        ("ar", "البلدان مرتفعة الدخل", 1503),
        ("fr", "Régions moins développées", 902),
        ("es", "México", 484),
    ],
)
def test_grouping_found_by_its_name_in_the_language(
    con: duckdb.DuckDBPyConnection, lang: str, typed: str, m49: int
) -> None:
    with speaking(lang):
        assert area_param(con, "q", typed) == m49


def test_names_of_other_languages_are_not_taken_in_english(con: duckdb.DuckDBPyConnection) -> None:
    with speaking("en"), pytest.raises(ApiError) as raised:
        area_param(con, "q", "Pays les moins avancés")
    assert raised.value.status == 404


@pytest.mark.parametrize(
    ("lang", "typed", "m49"),
    [("fr", "Inde", 356), ("es", "Micronesia", 583), ("fr", "Micronésie", 583)],
)
def test_a_whole_name_in_the_language_beats_a_part_or_a_grouping_in_english(
    con: duckdb.DuckDBPyConnection, lang: str, typed: str, m49: int
) -> None:
    """The names the country pickers offer: "Inde" is India, not the English "Heavily
    indebted ..." it is part of; Spanish "Micronesia" is the country, not the subregion."""
    with speaking(lang):
        assert area_param(con, "q", typed) == m49
