"""Indicator values as the build stored them (:mod:`migobs.indicators.materialise`), read back
as :class:`Value` records identical to those computed live.

Each function answers ``None`` when the warehouse holds no stored values for what is asked (a
warehouse made without them, an edition not held, a year or area the build did not compute):
the registry then computes live.
"""

from __future__ import annotations

from typing import Any

import duckdb

from migobs.indicators.outline import Outline, published
from migobs.indicators.values import InputEdition, Value
from migobs.warehouse.read import materialised
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.materialised import Kind


def years(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> list[int] | None:
    """The years stored for ``code`` in ``edition`` (``None`` = newest), oldest first."""
    return materialised.years(con, code, edition)


def table(
    con: duckdb.DuckDBPyConnection, code: str, year: int, edition: str | None, kind: Kind
) -> list[Value] | None:
    """The stored values of one year: ``listed`` as ``table`` gives them, ``every_code`` as
    ``table_every_code`` does."""
    held = materialised.years(con, code, edition)
    if held is None or year not in held:
        return None
    rows = materialised.values(con, code, edition, year, kind)
    return None if rows is None else _values(con, rows)


def every_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None
) -> list[Value] | None:
    """The stored tables of every year, oldest first (what ``table`` lists)."""
    if materialised.years(con, code, edition) is None:
        return None
    rows = materialised.values(con, code, edition, None, "listed")
    return None if rows is None else _values(con, rows)


def outline(con: duckdb.DuckDBPyConnection, code: str, edition: str | None) -> Outline | None:
    """What :func:`every_year` stores, without building each value's input cells."""
    if materialised.years(con, code, edition) is None:
        return None
    rows = materialised.outline(con, code, edition)
    if rows is None:
        return None
    values = [_value((*row[:-2], ()), {}) for row in rows]
    return Outline(
        values,
        [published(int(row[-2]), row[-1], found) for row, found in zip(rows, values, strict=True)],
        tuple(InputEdition(*found) for found in materialised.input_editions(con, code, edition)),
        frozenset(materialised.input_files(con, code, edition)),
    )


def value(
    con: duckdb.DuckDBPyConnection, code: str, area: int, year: int, edition: str | None
) -> Value | None:
    """The stored value ``compute`` gives for one area and year with default options."""
    rows = materialised.values(con, code, edition, year, "computed", area)
    return _values(con, rows)[0] if rows else None


def series(
    con: duckdb.DuckDBPyConnection, code: str, area: int, edition: str | None
) -> dict[int, Value] | None:
    """The stored values ``compute`` gives for one area, by year (every year stored)."""
    rows = materialised.area_values(con, code, edition, area)
    return None if rows is None else {value.year: value for value in _values(con, rows)}


def listed_per_year(
    con: duckdb.DuckDBPyConnection, code: str, edition: str | None, world: int
) -> list[tuple[int, int, str]] | None:
    """For each year: the number of areas ``table`` lists and the world's period."""
    if materialised.years(con, code, edition) is None:
        return None
    return materialised.listed_per_year(con, code, edition, world)


def _values(con: duckdb.DuckDBPyConnection, rows: list[tuple[Any, ...]]) -> list[Value]:
    ids = sorted({cell_id for row in rows for cell_id in row[-1]})
    cells = materialised.input_cells(con, ids)
    return [_value(row, cells) for row in rows]


def _value(row: tuple[Any, ...], cells: dict[int, Cell]) -> Value:
    (code, area, area_name, year, figure, unit, edition, method, from_members, published,
     counterpart, label, note, period, inputs) = row  # fmt: skip
    return Value(
        code=code,
        area=int(area),
        area_name=area_name,
        year=int(year),
        value=figure,
        unit=unit,
        edition=edition,
        inputs=tuple(cells[cell_id] for cell_id in inputs),
        method=method,
        from_members=from_members,
        published=published,
        counterpart=counterpart,
        label=label,
        note=note,
        period=period,
    )
