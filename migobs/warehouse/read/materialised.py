"""Indicator values the build computed once (tables ``indicator_years``, ``indicator_values``,
``indicator_cells``; written by :mod:`migobs.warehouse.materialised`).

Every function answers ``None`` when the build did not compute what is asked for (a warehouse
made without them, an edition not held): the caller then computes live.
"""

from __future__ import annotations

from typing import Any, Literal

import duckdb

from migobs.warehouse.read.cells import Cell, cells

Kind = Literal["computed", "listed", "every_code"]
"""Which values of a year: what ``compute`` gives for one area with default options
(``computed``), what ``table`` lists (``listed``), or ``table_every_code``'s (``every_code``)."""

VALUE_FIELDS = (
    "code",
    "area",
    "area_name",
    "year",
    "value",
    "unit",
    "edition",
    "method",
    "from_members",
    "published",
    "counterpart",
    "label",
    "note",
    "period",
    "inputs",
)
"""The columns :func:`values` returns, in order (``inputs``: the cells' ids)."""

FEW = 1000
"""Up to this many cells are asked for by a list of numbers in the query's text."""

_EDITION = "code = ? AND (edition = ? OR (? IS NULL AND newest))"


def years(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> list[int] | None:
    """The years computed for ``code`` in ``edition`` (``None`` = newest), oldest first."""
    rows = _fetch(
        con,
        f"SELECT year FROM indicator_years WHERE {_EDITION} ORDER BY year",
        [code, edition, edition],
    )
    return None if not rows else [int(year) for (year,) in rows if year is not None]


def values(
    con: duckdb.DuckDBPyConnection,
    code: str,
    edition: str | None,
    year: int | None,
    kind: Kind,
    area: int | None = None,
) -> list[tuple[Any, ...]] | None:
    """The computed values of ``code`` in one edition and year (every year, oldest first, when
    ``year`` is ``None``; of one ``area`` when given), in table order, as rows of
    :data:`VALUE_FIELDS`."""
    where = f"{_EDITION} AND {kind}"
    params: list[Any] = [code, edition, edition]
    for column, wanted in (("year", year), ("area", area)):
        if wanted is not None:
            where += f" AND {column} = ?"
            params.append(wanted)
    return _fetch(
        con,
        f"SELECT {', '.join(VALUE_FIELDS)} FROM indicator_values WHERE {where} "
        "ORDER BY year, position",
        params,
    )


def area_values(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None, area: int
) -> list[tuple[Any, ...]] | None:
    """What ``compute`` gives for one area in every year computed, oldest first, as rows of
    :data:`VALUE_FIELDS`."""
    return _fetch(
        con,
        f"SELECT {', '.join(VALUE_FIELDS)} FROM indicator_values "
        f"WHERE {_EDITION} AND area = ? AND computed ORDER BY year",
        [code, edition, edition, area],
    )


def listed_per_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None, world: int
) -> list[tuple[int, int, str]] | None:
    """For each year with a value: how many areas ``table`` lists (values about one area, not
    corridors) and the period of the ``world``'s last listed value (empty when none)."""
    rows = _fetch(
        con,
        "SELECT year, count(DISTINCT area) FILTER (WHERE counterpart IS NULL), "
        "arg_max(period, position) FILTER (WHERE area = ? AND counterpart IS NULL) "
        f"FROM indicator_values WHERE {_EDITION} AND listed GROUP BY year ORDER BY year",
        [world, code, edition, edition],
    )
    if not rows or rows is None:
        return None if rows is None else []
    return [(int(year), int(count), period or "") for year, count, period in rows if count]


_OF_VALUES = "v.code = ? AND (v.edition = ? OR (? IS NULL AND v.newest)) AND v.listed"


def outline(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None
) -> list[tuple[Any, ...]] | None:
    """What :func:`values` gives for every year's listed values, oldest first, without their
    cells: the fields of :data:`VALUE_FIELDS` up to ``period``, then the number of inputs and
    the first input's value."""
    fields = ", ".join(f"v.{field}" for field in VALUE_FIELDS[:-1])
    return _fetch(
        con,
        f"SELECT {fields}, len(v.inputs), c.value FROM indicator_values v "
        "LEFT JOIN indicator_cells c ON c.cell_id = v.inputs[1] "
        f"WHERE {_OF_VALUES} ORDER BY v.year, v.position",
        [code, edition, edition],
    )


def input_editions(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None
) -> list[tuple[str, str, str]]:
    """Source, variable and edition of every input of :func:`outline`'s values, once each, in
    the order first read (value by value, each value's cells in order)."""
    rows = con.execute(
        "WITH used AS (SELECT v.year, v.position, UNNEST(v.inputs) AS cell_id, "
        f"UNNEST(range(len(v.inputs))) AS i FROM indicator_values v WHERE {_OF_VALUES}), "
        "read AS (SELECT cell_id, row_number() OVER (ORDER BY year, position, i) AS n FROM used) "
        "SELECT c.source, c.variable, c.edition FROM read JOIN indicator_cells c USING (cell_id) "
        "GROUP BY c.source, c.variable, c.edition ORDER BY min(read.n)",
        [code, edition, edition],
    ).fetchall()
    return [(str(source), str(variable), str(held)) for source, variable, held in rows]


def input_files(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> set[str]:
    """The sha256 of every file :func:`outline`'s values were computed from."""
    rows = con.execute(
        "SELECT DISTINCT c.sha256 FROM (SELECT UNNEST(v.inputs) AS cell_id FROM "
        f"indicator_values v WHERE {_OF_VALUES}) JOIN indicator_cells c USING (cell_id)",
        [code, edition, edition],
    ).fetchall()
    return {str(sha256) for (sha256,) in rows}


def input_cells(con: duckdb.DuckDBPyConnection, ids: list[int]) -> dict[int, Cell]:
    """The cells with these ids, by id."""
    if not ids:
        return {}
    columns = "cell_id, source, edition, variable, area, year, value, file, sha256, sheet, cell"
    if len(ids) <= FEW:
        # a list of numbers in the text lets DuckDB skip the blocks outside their range; as a
        # parameter it joins against the whole table (ten times slower for a few cells)
        listed = ", ".join(str(int(cell_id)) for cell_id in ids)
        rows = con.execute(
            f"SELECT {columns}, counterpart FROM indicator_cells WHERE cell_id IN ({listed})"
        ).fetchall()
    else:
        rows = con.execute(
            f"SELECT {columns}, counterpart FROM indicator_cells "
            "WHERE cell_id IN (SELECT UNNEST(?::INTEGER[]))",
            [ids],
        ).fetchall()
    return dict(zip((int(row[0]) for row in rows), cells([row[1:] for row in rows]), strict=True))


def _fetch(
    con: duckdb.DuckDBPyConnection, sql: str, params: list[Any]
) -> list[tuple[Any, ...]] | None:
    try:
        return con.execute(sql, params).fetchall()
    except duckdb.CatalogException:  # a warehouse built before values were computed at build
        return None
