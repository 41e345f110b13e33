"""Sums for areas: a country's own cell, or a grouping's published row and its members' sum.

Pure functions over cells already read; the families combine them into indicators.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from migobs.indicators.context import Context
from migobs.indicators.values import Value
from migobs.warehouse.read.cells import Cell, frozen
from migobs.warehouse.read.groupings import Area


@dataclass(frozen=True)
class Total:
    """A summable quantity for one area.

    Attributes
    ----------
    value: the country's cell, or the grouping's published aggregate, else its members' sum.
    inputs: the cells ``value`` came from.
    method: ``stated``, ``published aggregate`` or ``sum of N of M members (scheme)``.
    from_members: for groupings, the sum over member countries; ``None`` for countries.
    published: for a grouping the source publishes only under another code of the same name
        (908 Europe for M49's 150), that row's value, to compare with the members' sum.
    """

    value: float | None
    inputs: tuple[Cell, ...]
    method: str
    from_members: float | None = None
    published: float | None = None


def total(ctx: Context, by_area: dict[int, Cell], area: Area, schemes: list[str]) -> Total:
    """The quantity of ``area`` from the cells of every area (``by_area``).

    A grouping is summed over its countries under the first of ``schemes`` that lists it, as
    the file reports them (a composite such as the Channel Islands in place of its parts). When
    the source publishes the grouping's own row, that row is the value and the sum is kept in
    ``from_members`` for comparison. When it publishes the grouping only under another code of
    the same name (908 Europe for M49's 150), the value is the members' sum and that row is kept
    in ``published``.
    """
    if not area.is_group:
        cell = by_area.get(area.m49)
        if cell is None:
            return _total(None, (), "no value in the file")
        return _total(cell.value, (cell,), "stated")
    scheme, members = ctx.members(area.m49, schemes, present=by_area)
    parts = tuple(by_area[m] for m in members if m in by_area and by_area[m].value is not None)
    summed = sum_of(parts)
    own = by_area.get(area.m49)
    if own is not None and own.value is not None:
        return _total(own.value, (own,), "published aggregate", summed)
    method = f"sum of {len(parts)} of {len(members)} members ({scheme or 'no member list'})"
    for twin in ctx.twins(area.m49):
        row = by_area.get(twin)
        if row is not None and row.value is not None:
            where = f"{row.where()} ({ctx.area(twin).name}, {twin})"
            return _total(summed, parts, f"{method}; published as {where}", summed, row.value)
    return _total(summed, parts, method, summed)


def _total(
    value: float | None,
    inputs: tuple[Cell, ...],
    method: str,
    from_members: float | None = None,
    published: float | None = None,
) -> Total:
    """``Total(...)`` made the fast way (:func:`frozen`): every area of every indicator has one."""
    return frozen(
        Total,
        value=value,
        inputs=inputs,
        method=method,
        from_members=from_members,
        published=published,
    )


def sum_of(cells: Iterable[Cell]) -> float | None:
    """The sum of the cells' values (``None`` when there is none)."""
    values = [cell.value for cell in cells if cell.value is not None]
    return float(sum(values)) if values else None


def divide(numerator: float | None, denominator: float | None, scale: float = 1.0) -> float | None:
    """``numerator / denominator * scale``, ``None`` when either is missing or the divisor is 0."""
    if numerator is None or denominator is None or denominator == 0:
        return None
    return numerator / denominator * scale


def value_of(
    code: str,
    area: Area,
    year: int,
    unit: str,
    edition: str,
    parts: list[Total],
    figure: float | None,
    *,
    method: str,
    from_members: float | None = None,
    published: float | None = None,
    note: str = "",
    period: str = "",
) -> Value:
    """A :class:`Value` whose inputs are every part's cells, in order; ``period`` says the
    period in words when it is not simply ``year`` (see :class:`Value`)."""
    inputs = tuple(cell for part in parts for cell in part.inputs)
    missing = [part.method for part in parts if part.value is None]
    if figure is None and not note:
        note = "not computable: " + ("; ".join(missing) or "an input is missing or zero")
    return frozen(
        Value,
        code=code,
        area=area.m49,
        area_name=area.name,
        year=year,
        value=figure,
        unit=unit,
        edition=edition,
        inputs=inputs,
        method=method,
        from_members=from_members if area.is_group else None,
        published=published,
        counterpart=None,
        label=None,
        note=note,
        period=period,
    )


def corridor_value(
    code: str, cell: Cell, area_name: str, year: int, unit: str, edition: str, method: str
) -> Value:
    """A corridor's figure as one ``cell`` states it: the cell's area is the value's area, its
    counterpart the corridor's other end. Made the fast way (:func:`frozen`): every corridor of
    every year is one."""
    return frozen(
        Value,
        code=code,
        area=cell.area,
        area_name=area_name,
        year=year,
        value=cell.value,
        unit=unit,
        edition=edition,
        inputs=(cell,),
        method=method,
        from_members=None,
        published=None,
        counterpart=cell.counterpart,
        label=None,
        note="",
        period="",
    )
