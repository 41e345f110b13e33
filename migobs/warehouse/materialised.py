"""Write the indicator values a build computed (tables of ``schema/50_indicators.sql``).

The rows come in as plain tuples (the indicators layer turns its values into them) and go into
DuckDB through Arrow, one insert per table. Read them with
:mod:`migobs.warehouse.read.materialised`.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter
from typing import TYPE_CHECKING, Any

import duckdb

from migobs.warehouse.read.cells import Cell

if TYPE_CHECKING:
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


def write(
    con: duckdb.DuckDBPyConnection,
    years: Sequence[tuple[Any, ...]],
    values: Sequence[tuple[Any, ...]],
    inputs: tuple[Sequence[int], Sequence[int]],
    cells: Sequence[Cell],
) -> None:
    """Insert the computed years and values (tuples in the order of :data:`YEAR_COLUMNS` and
    :data:`VALUE_COLUMNS`) and the cells, whose id is their position in ``cells``.

    ``inputs`` is each value's list of cell ids, flattened: the offsets (one more than there are
    values, the first 0) and the ids.
    """
    import pyarrow as pa

    con.from_arrow(_table(YEAR_COLUMNS, years)).insert_into("indicator_years")
    offsets, ids = inputs
    table = _table(VALUE_COLUMNS, values).append_column(
        "inputs",
        pa.ListArray.from_arrays(pa.array(offsets, pa.int32()), pa.array(ids, pa.int32())),
    )
    con.from_arrow(table).insert_into("indicator_values")
    fields = [attrgetter(*CELL_COLUMNS)(cell) for cell in cells]
    cell_table = _table(CELL_COLUMNS, fields).add_column(
        0, "cell_id", pa.array(range(len(cells)), pa.int32())
    )
    con.from_arrow(cell_table).insert_into("indicator_cells")


def _table(columns: dict[str, str], rows: Sequence[tuple[Any, ...]]) -> pa.Table:
    """The rows as an Arrow table (converted as one array of structs: far faster than a list
    per column)."""
    import pyarrow as pa

    struct = pa.struct([(name, pa.type_for_alias(kind)) for name, kind in columns.items()])
    batch = pa.RecordBatch.from_struct_array(pa.array(rows, type=struct))
    return pa.Table.from_batches([batch])
