"""Reading stock tables and vectors from CSV files and writing flow tables (the CLI's I/O)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray
from migobs.flows.validate import check_stock
from migobs.spreadsheet import inert

# Read with the csv module, not pandas: the command must start in a fraction of a second, and
# importing pandas alone takes longer than estimating 200 countries.


def read_matrix(
    path: Path, names: list[str] | None = None, *, negative_native_born: bool = False
) -> tuple[FloatArray, list[str]]:
    """Read a wide matrix CSV (first column: place of birth; header: place of residence).

    Rows and columns are put in the order of ``names`` (default: the file's row order).
    Cells are checked as :func:`migobs.flows.validate.check_stock` does, naming the file.

    Raises
    ------
    EstimationError
        Non-square, names differing between rows and columns or from ``names``, non-numbers,
        NaN or negative cells (negative diagonal cells only if
        ``negative_native_born``).
    """
    header, *body = _rows(path)
    columns = header[1:]
    rows = [row[0] for row in body]
    if set(rows) != set(columns) or len(rows) != len(columns) or len(set(rows)) != len(rows):
        raise EstimationError(
            f"{path}: not a square matrix with the same names in rows and columns "
            f"({len(rows)} rows, {len(columns)} columns)"
        )
    order = rows if names is None else names
    _same_names(path, set(rows), order)
    table = _numbers(path, [row[1:] for row in body], len(columns))
    at_row, at_column = _positions(rows, order), _positions(columns, order)
    values: FloatArray = np.ascontiguousarray(table[np.ix_(at_row, at_column)])
    check_stock(str(path), values, order, negative_native_born=negative_native_born)
    return values, order


def read_vector(path: Path, names: list[str]) -> FloatArray:
    """Read a ``name,value`` CSV into a vector in the order of ``names``."""
    header, *body = _rows(path)
    if header != ["name", "value"]:
        raise EstimationError(f"{path}: expected columns name,value, got {header}")
    found = [row[0] for row in body]
    _same_names(path, set(found), names)
    values = _numbers(path, [row[1:] for row in body], 1)[:, 0]
    vector: FloatArray = values[_positions(found, names)]
    return vector


def _rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8-sig") as file:
        rows = [row for row in csv.reader(file) if row]
    if not rows:
        raise EstimationError(f"{path}: the file is empty")
    return rows


def _numbers(path: Path, cells: list[list[str]], width: int) -> FloatArray:
    """The cells as floats (an empty cell is NaN, which the checks report)."""
    for number, row in enumerate(cells, start=2):
        if len(row) != width:
            raise EstimationError(f"{path}: line {number} has {len(row)} values, expected {width}")
    try:
        return np.array([[float(c) if c.strip() else np.nan for c in row] for row in cells])
    except ValueError as error:
        raise EstimationError(f"{path}: a cell is not a number ({error})") from error


def _positions(found: list[str], order: list[str]) -> list[int]:
    index = {name: i for i, name in enumerate(found)}
    return [index[name] for name in order]


def _same_names(path: Path, found: set[str], expected: list[str]) -> None:
    unknown, missing = sorted(found - set(expected)), sorted(set(expected) - found)
    if unknown or missing:
        raise EstimationError(
            f"{path}: names differ from the start stock: unknown {unknown[:10]}, "
            f"missing {missing[:10]}; use the same region names in every file"
        )


def write_od(path: Path, od: FloatArray, names: list[str]) -> None:
    """Write the off-diagonal origin-destination flows as ``orig,dest,flow``."""
    orig, dest = np.nonzero(~np.eye(len(names), dtype=bool))
    flows = od[orig, dest].tolist()
    _write(
        path,
        ["orig", "dest", "flow"],
        zip(_labels(names, orig), _labels(names, dest), flows, strict=True),
    )


def write_array(path: Path, array: FloatArray, names: list[str]) -> None:
    """Write the ``[orig, dest, pob]`` flow array as ``orig,dest,pob,flow``."""
    orig, dest, pob = (axis.ravel() for axis in np.indices(array.shape))
    labels = (_labels(names, axis) for axis in (orig, dest, pob))
    _write(path, ["orig", "dest", "pob", "flow"], zip(*labels, array.ravel().tolist(), strict=True))


def _labels(names: list[str], positions: np.ndarray) -> list[str]:
    """The names at ``positions``, inert in a spreadsheet (:mod:`migobs.spreadsheet`)."""
    return [inert(names[i]) for i in positions.tolist()]


def _write(path: Path, header: list[str], rows: Iterable[tuple[object, ...]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
