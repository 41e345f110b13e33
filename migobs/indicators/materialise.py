"""Compute every indicator once per build and store the values in the new warehouse file.

For every indicator of the registry, every edition held and every year it allows: each area
the indicator's table would compute, with default options (the quarterly indicator once per
quarter; corridor indicators as their tables), with every field of :class:`Value` and the
cells it was computed from. The registry's ``compute``, ``table``, ``table_every_code`` and
``years`` then read them (:mod:`migobs.indicators.stored`) instead of computing per request.

One :class:`Context` serves the whole step, so each input is read once for every indicator
that uses it.
"""

from __future__ import annotations

import gc
import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from pathlib import Path
from typing import Any

import duckdb

from migobs.config import available_cores
from migobs.errors import MigobsError
from migobs.indicators.context import Context
from migobs.indicators.family import Indicator
from migobs.indicators.registry import REGISTRY, once
from migobs.indicators.values import Options, Value
from migobs.warehouse import materialised
from migobs.warehouse.read.cells import Cell

Progress = Callable[[str], None]

Row = tuple[Value, int | None, bool, bool, bool]
"""A value with its quarter and whether ``compute`` gives it, ``table`` lists it and
``table_every_code`` lists it."""


def materialise(con: duckdb.DuckDBPyConnection, progress: Progress) -> None:
    """Compute every indicator's values in the warehouse open (writable) on ``con``, in this
    process, and store them; an indicator or edition the warehouse has no data for is left out
    (asking for it computes live, and says what is missing)."""
    ctx = Context(con, every_year=True)
    gc.disable()  # millions of objects live until saved: the collector's passes would only slow
    try:
        parts = _reported(map(partial(_part, ctx), REGISTRY), progress)
    finally:
        gc.enable()
    progress("saving indicator values")
    materialised.insert(con, parts)


def materialise_file(path: Path, progress: Progress, workers: int = 0) -> None:
    """:func:`materialise` on the warehouse file at ``path`` (closed: no process may hold it
    writable meanwhile) with ``workers`` processes (0: one per core this process may use).

    With several, each worker opens the file read-only and computes whole indicators, a batch
    of those reading the same inputs at a time (:data:`BATCHES`), as they come; this process
    then opens it writable and stores what they sent back (as Arrow tables), in the registry's
    order, so the tables are those one process would write. With one, the indicators are
    computed in this process.
    """
    count = workers or available_cores()
    if count == 1:
        with duckdb.connect(str(path)) as con:
            materialise(con, progress)
        return
    # a fresh server process forks the workers: never this one, which has held DuckDB files
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([__name__])
    with ProcessPoolExecutor(count, mp_context=context, initializer=gc.disable) as pool:
        sent = {batch: pool.submit(_parts_in_worker, str(path), batch) for batch in batches()}
        parts = _reported(_in_registry_order(sent), progress)
    progress("saving indicator values")
    with duckdb.connect(str(path)) as con:
        materialised.insert(con, parts)


BATCHES = (
    ("sdg.10.7.4", "refugees.by_origin"),
    ("remittances.received", "remittances.paid", "oda.received", "sdg.17.3.2", "remittances.vs_oda"),
    ("stock.total", "stock.male", "stock.female", "stock.share_of_population",
     "stock.female_share", "stock.change", "stock.change_pct", "stock.emigrants"),
    ("sdg.10.c.1", "sdg.10.c.1.sending", "sdg.10.c.1.quarterly", "sdg.10.c.1.above_5pct",
     "sdg.10.c.1.corridor"),
    ("stock.corridor",),
    ("remittances.corridor", "remittances.bilateral_received"),
    ("sdg.10.7.3",),
)  # fmt: skip
"""Indicators a worker computes together because they read the same inputs (UNHCR refugees by
origin; WDI flows; UN DESA stock and WPP population; RPW corridor costs), each batch's reads
made once instead of once per worker that happens to take one of its indicators; the slowest
batch first (2.2, 2.0, 1.9, 1.1, 0.9, 0.6 and 0.6 CPU-s on the official files), so that none is
left to compute alone at the end."""


def batches() -> list[tuple[str, ...]]:
    """:data:`BATCHES`, then each indicator of the registry they leave out on its own."""
    batched = {code for batch in BATCHES for code in batch}
    return [*BATCHES, *((code,) for code in REGISTRY if code not in batched)]


def _in_registry_order(
    sent: dict[tuple[str, ...], Future[list[materialised.Part]]],
) -> Iterator[materialised.Part]:
    """Each indicator's part, in the registry's order, as the worker computing its batch sends
    it."""
    where = {
        code: (future, place) for batch, future in sent.items() for place, code in enumerate(batch)
    }
    for code in REGISTRY:
        future, place = where[code]
        yield future.result()[place]


def _reported(parts: Iterator[materialised.Part], progress: Progress) -> list[materialised.Part]:
    """Each indicator's part, in the registry's order, saying which is computed (or awaited)."""
    found = []
    for code in REGISTRY:
        progress(f"computing {code}")
        found.append(next(parts))
    return found


_OPENED: dict[str, Context] = {}
"""In a worker process: the warehouse file it reads, opened read-only once."""


def _parts_in_worker(path: str, codes: tuple[str, ...]) -> list[materialised.Part]:
    if path not in _OPENED:
        _OPENED[path] = Context(duckdb.connect(path, read_only=True), every_year=True)
    return [_part(_OPENED[path], code) for code in codes]


def _part(ctx: Context, code: str) -> materialised.Part:
    """Every edition's years and values of indicator ``code``, as Arrow tables."""
    found, store = REGISTRY[code], _Rows()
    for edition, newest in _editions(ctx, found):
        try:
            held = {year: _year(ctx, found, year, edition) for year in found.years(ctx, edition)}
        except MigobsError:
            continue
        store.add(code, edition, newest, held)
    return materialised.part(store.years, store.values, (store.offsets, store.ids), store.cells)


def _editions(ctx: Context, found: Indicator) -> list[tuple[str, bool]]:
    try:
        held = found.editions(ctx)
    except MigobsError:
        return []
    return [(edition, edition == held[-1]) for edition in held]


def _year(ctx: Context, found: Indicator, year: int, edition: str) -> list[Row]:
    """Every value of one year as the registry's ``table`` gives them, then what ``compute``
    gives for each other area of the area model (no value, mostly: a country without data)."""
    if found.tabulate is not None:
        return [(value, None, False, True, True) for value in found.tabulate(ctx, year, edition)]
    periods = found.periods(ctx, year, edition, Options()) if found.periods else [Options()]
    default = periods[-1] if periods else Options()
    tabled = found.areas(ctx, year, edition)
    computed = [
        (found.compute(ctx, ctx.area(area), year, edition, period), period.quarter)
        for area in tabled
        for period in periods
    ]
    with_value = [value for value, _ in computed if value.value is not None]
    listed = {id(value) for value in once(ctx, with_value)}
    rows = [
        (value, quarter, quarter == default.quarter, id(value) in listed, value.value is not None)
        for value, quarter in computed
    ]
    others = sorted(set(ctx.every_area()) - set(tabled))
    return rows + [
        (value, default.quarter, True, False, False)
        for value in _each(ctx, found, others, year, edition, default)
    ]


def _each(
    ctx: Context, found: Indicator, areas: list[int], year: int, edition: str, options: Options
) -> list[Value]:
    """``compute`` for each of ``areas``, leaving out those it refuses (asked for, they are
    computed live, and the refusal says why)."""
    values = []
    for area in areas:
        try:
            values.append(found.compute(ctx, ctx.area(area), year, edition, options))
        except MigobsError:
            continue
    return values


class _Rows:
    """The rows of the three tables, the cells numbered once each."""

    def __init__(self) -> None:
        self.years: list[tuple[Any, ...]] = []
        self.values: list[tuple[Any, ...]] = []
        self.offsets: list[int] = [0]
        self.ids: list[int] = []
        self.cells: list[Cell] = []  # keeps every cell numbered alive, so its id() stays its own
        self._by_id: dict[int, int] = {}

    def add(self, code: str, edition: str, newest: bool, held: dict[int, list[Row]]) -> None:
        """One indicator's edition: its years and every value of each."""
        for year, rows in held.items():
            self.years.append((code, edition, newest, year))
            for position, (value, quarter, computed, listed, every_code) in enumerate(rows):
                self.values.append(
                    (
                        code, edition, newest, value.year, position, computed, listed,
                        every_code, quarter, value.area, value.area_name, value.value,
                        value.unit, value.method, value.from_members, value.published,
                        value.counterpart, value.label, value.note, value.period,
                    )
                )  # fmt: skip
                self._inputs(value.inputs)

    def _inputs(self, inputs: tuple[Cell, ...]) -> None:
        """Each cell's number, by identity (a cell read once is shared by many values).

        Equal cells read twice get two numbers: :func:`materialised.insert` stores each cell
        once by value, numbered in the order first used, so the ids are those numbering by
        value here would give (and comparing cells by value cost a fifth of this step).
        """
        by_id = self._by_id
        ids = list(map(by_id.get, map(id, inputs)))
        if None in ids:
            for cell in inputs:
                if id(cell) not in by_id:
                    by_id[id(cell)] = len(self.cells)
                    self.cells.append(cell)
            ids = list(map(by_id.get, map(id, inputs)))
        self.ids.extend(ids)  # type: ignore[arg-type]
        self.offsets.append(len(self.ids))
