"""Reading stock tables and vectors from CSV files and writing flow tables (the CLI's I/O)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray
from migobs.flows.validate import check_stock
from migobs.spreadsheet import inert_frame


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
    table = pd.read_csv(path, index_col=0)
    rows = [str(name) for name in table.index]
    table.index, table.columns = rows, [str(name) for name in table.columns]
    if set(rows) != set(table.columns) or len(rows) != len(table.columns):
        raise EstimationError(
            f"{path}: not a square matrix with the same names in rows and columns "
            f"({len(rows)} rows, {len(table.columns)} columns)"
        )
    order = rows if names is None else names
    _same_names(path, set(rows), order)
    try:
        values = table.loc[order, order].to_numpy(dtype=np.float64)
    except ValueError as error:
        raise EstimationError(f"{path}: a cell is not a number ({error})") from error
    check_stock(str(path), values, order, negative_native_born=negative_native_born)
    return values, order


def read_vector(path: Path, names: list[str]) -> FloatArray:
    """Read a ``name,value`` CSV into a vector in the order of ``names``."""
    table = pd.read_csv(path)
    if list(table.columns) != ["name", "value"]:
        raise EstimationError(f"{path}: expected columns name,value, got {list(table.columns)}")
    series = pd.Series(table["value"].to_numpy(), index=table["name"].astype(str))
    _same_names(path, set(series.index), names)
    try:
        return series.loc[names].to_numpy(dtype=np.float64)
    except ValueError as error:
        raise EstimationError(f"{path}: a value is not a number ({error})") from error


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
    labels = np.array(names, dtype=object)
    frame = pd.DataFrame({"orig": labels[orig], "dest": labels[dest], "flow": od[orig, dest]})
    inert_frame(frame).to_csv(path, index=False)


def write_array(path: Path, array: FloatArray, names: list[str]) -> None:
    """Write the ``[orig, dest, pob]`` flow array as ``orig,dest,pob,flow``."""
    labels = np.array(names, dtype=object)
    orig, dest, pob = (axis.ravel() for axis in np.indices(array.shape))
    frame = pd.DataFrame(
        {"orig": labels[orig], "dest": labels[dest], "pob": labels[pob], "flow": array.ravel()}
    )
    inert_frame(frame).to_csv(path, index=False)
