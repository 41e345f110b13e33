"""Write the indicator values a build computed (tables of ``schema/50_indicators.sql``).

The rows come in as plain tuples (the indicators layer turns its values into them), become Arrow
tables per part (:func:`part`: in the process that computed them, possibly a worker) and go into
DuckDB together (:func:`insert`), one insert per table, each cell once over every part. Read them with
:mod:`migobs.warehouse.read.materialised`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import duckdb

from migobs.warehouse.read.cells import Cell

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

YEAR_COLUMNS = {"code": "string", "edition": "string", "newest": "bool", "year": "int32"}
"""The columns of ``indicator_years`` and their Arrow types, in the order of its DDL."""

VALUE_COLUMNS = {
    "code": "string",
    "edition": "string",
    "newest": "bool",
    "year": "int32",
    "position": "int32",
    "computed": "bool",
    "listed": "bool",
    "every_code": "bool",
    "quarter": "int32",
    "area": "int32",
    "area_name": "string",
    "value": "float64",
    "unit": "string",
    "method": "string",
    "from_members": "float64",
    "published": "float64",
    "counterpart": "int32",
    "label": "string",
    "note": "string",
    "period": "string",
}
"""The columns of ``indicator_values`` before ``inputs`` (its last), with their Arrow types."""

CELL_COLUMNS = {
    "source": "string",
    "edition": "string",
    "variable": "string",
    "area": "int32",
    "year": "int32",
    "value": "float64",
    "file": "string",
    "sha256": "string",
    "sheet": "string",
    "cell": "string",
    "counterpart": "int32",
}
"""The fields of :class:`Cell` as columns of ``indicator_cells`` (after ``cell_id``)."""


@dataclass(frozen=True)
class Part:
    """The rows of some indicators as Arrow tables, made where they were computed (a worker
    process sends them whole): ``years`` and ``values`` in the order of :data:`YEAR_COLUMNS` and
    :data:`VALUE_COLUMNS` plus ``inputs`` (ids into this part's ``cells``), and ``cells`` (the
    columns of :data:`CELL_COLUMNS`), numbered 0, 1, 2, ... in the order first used."""

    years: pa.Table
    values: pa.Table
    cells: pa.Table


def part(
    years: Sequence[tuple[Any, ...]],
    values: Sequence[tuple[Any, ...]],
    inputs: tuple[Sequence[int], Sequence[int]],
    cells: Sequence[Cell],
) -> Part:
    """The computed years and values (tuples in the order of :data:`YEAR_COLUMNS` and
    :data:`VALUE_COLUMNS`) and the cells, whose id is their position in ``cells``, as a
    :class:`Part`.

    ``inputs`` is each value's list of cell ids, flattened: the offsets (one more than there are
    values, the first 0) and the ids.
    """
    import pyarrow as pa

    offsets, ids = inputs
    listed = pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(ids, pa.int32()))
    fields = list(map(attrgetter(*CELL_COLUMNS), cells))
    return Part(
        _table(YEAR_COLUMNS, years),
        _table(VALUE_COLUMNS, values).append_column("inputs", listed),
        _table(CELL_COLUMNS, fields),
    )


def insert(con: duckdb.DuckDBPyConnection, parts: Sequence[Part]) -> None:
    """Insert the parts, in order, into the three tables: each cell once (by value, in the order
    first used over every part) and the values' inputs renumbered to match."""
    import pyarrow as pa

    con.from_arrow(pa.concat_tables([p.years for p in parts])).insert_into("indicator_years")
    numbers = _insert_cells(con, pa.concat_tables([p.cells for p in parts]))
    renumbered, start = [], 0
    for found in parts:
        end = start + found.cells.num_rows
        renumbered.append(_renumber(found.values, numbers[start:end]))
        start = end
    con.from_arrow(pa.concat_tables(renumbered)).insert_into("indicator_values")


def _insert_cells(con: duckdb.DuckDBPyConnection, cells: pa.Table) -> npt.NDArray[np.int32]:
    """Insert the distinct cells of ``cells`` with ids 0, 1, 2, ... in the order first seen, and
    return the id of each row of ``cells``."""
    import numpy as np
    import pyarrow as pa

    seen = cells.append_column("seen", pa.array(range(cells.num_rows), pa.int64()))
    con.register("computed_cells", seen)
    try:
        distinct = con.sql(
            f"SELECT {', '.join(CELL_COLUMNS)}, min(seen) AS first_seen, list(seen) AS every_seen "
            "FROM computed_cells GROUP BY ALL ORDER BY first_seen"
        ).to_arrow_table()
    finally:
        con.unregister("computed_cells")
    ids = np.arange(distinct.num_rows, dtype=np.int32)
    con.from_arrow(
        distinct.select(list(CELL_COLUMNS)).add_column(0, "cell_id", pa.array(ids))
    ).insert_into("indicator_cells")
    every = distinct["every_seen"].combine_chunks()
    numbers = np.empty(cells.num_rows, dtype=np.int32)
    numbers[every.flatten().to_numpy()] = np.repeat(ids, every.value_lengths().to_numpy())
    return numbers


def _renumber(values: pa.Table, numbers: npt.NDArray[np.int32]) -> pa.Table:
    """``values`` with each input id ``i`` (a row of its part's cells) replaced by
    ``numbers[i]``."""
    import pyarrow as pa

    inputs = values["inputs"].combine_chunks()
    ids = numbers[inputs.values.to_numpy(zero_copy_only=False)]
    renumbered = pa.ListArray.from_arrays(inputs.offsets, pa.array(ids, pa.int32()))
    return values.set_column(values.schema.get_field_index("inputs"), "inputs", renumbered)


def _table(columns: dict[str, str], rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """The rows as an Arrow table (converted as one array of structs: far faster than a list
    per column)."""
    import pyarrow as pa

    struct = pa.struct([(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
    batch = pa.RecordBatch.from_struct_array(pa.array(rows, type=struct))
    return pa.Table.from_batches([batch])
