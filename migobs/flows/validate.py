"""Checks every flow method runs on its stock tables first: shape, NaN and negative cells.

A stock table counts persons by birthplace (rows) and residence (columns). A cell that is NaN,
infinite or negative cannot be estimated from, so it is an error naming the table, the cell and
its value, before any arithmetic. The one exception is a negative native-born cell (diagonal;
national population minus foreign-born can come out below 0): demographic accounting has a
documented rule for it (Abel 2013; methods.md §2, step 1), and stock differencing without the
native-born and the migration-rate method do not use the diagonal. Those methods accept it and
record it in the diagnostics; the others refuse it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import NDArray

from migobs.errors import EstimationError
from migobs.flows.ipf import FloatArray
from migobs.numbers import plain


def check_stock(
    label: str,
    table: FloatArray,
    names: list[str] | None = None,
    *,
    negative_native_born: bool = False,
) -> None:
    """Raise :class:`EstimationError` unless ``table`` is a square table of persons.

    Parameters
    ----------
    label : str
        What the table is, for the message (e.g. ``"start stock"`` or a file name).
    table : ndarray, shape (n, n)
        Birthplace x residence stock (persons).
    names : list of str, optional
        Region names of the rows and columns; positions are reported without them.
    negative_native_born : bool
        Allow negative cells on the diagonal (demographic accounting handles them).

    Raises
    ------
    EstimationError
        Not square, names of another length, or a NaN, infinite or negative cell: the message
        names the first such cell (birthplace, residence), its value and how many there are.
    """
    if table.ndim != 2 or table.shape[0] != table.shape[1]:
        raise EstimationError(
            f"{label} must be a square matrix (birthplace x residence), got shape {table.shape}"
        )
    if names is not None and len(names) != table.shape[0]:
        raise EstimationError(f"{label} has {table.shape[0]} rows but {len(names)} names")
    finite = np.isfinite(table)
    if not finite.all():
        raise EstimationError(
            f"{label}: {_cells('NaN or infinite', ~finite, table, names)}: stocks count persons, so fill the "
            "cells (0 where nobody lives) or drop the region from every table"
        )
    negative = table < 0
    if negative_native_born:
        np.fill_diagonal(negative, False)
    if negative.any():
        allowed = (
            ""
            if negative_native_born
            else " (negative native-born cells are only accepted by methods that handle or "
            "set aside the diagonal: demographic-accounting, migration-rate, and "
            "stock-difference without the native-born)"
        )
        raise EstimationError(
            f"{label}: {_cells('negative', negative, table, names)}: stocks count persons and cannot be "
            f"negative; correct the source table{allowed}"
        )


def check_stock_pair(
    start: FloatArray,
    end: FloatArray,
    names: list[str] | None = None,
    *,
    negative_native_born: bool = False,
) -> None:
    """Check both stock tables (as :func:`check_stock`) and that their shapes agree."""
    check_stock("start stock", start, names, negative_native_born=negative_native_born)
    if end.shape != start.shape:
        raise EstimationError(f"end stock has shape {end.shape}, start stock {start.shape}")
    check_stock("end stock", end, names, negative_native_born=negative_native_born)


def _cells(kind: str, bad: NDArray[np.bool_], table: FloatArray, names: list[str] | None) -> str:
    """``"2 negative cells, first (birthplace B, residence A) = -5"``, in row order."""
    k, j = (int(i) for i in np.argwhere(bad)[0])
    where = (
        f"(birthplace {names[k]}, residence {names[j]})"
        if names is not None
        else f"(row {k}, column {j})"
    )
    count = int(bad.sum())
    cells = "cell" if count == 1 else "cells, first"
    return f"{count} {kind} {cells} {where} = {plain(table[k, j])}"


def negative_native_born(table: FloatArray, names: list[str] | None) -> list[str]:
    """Names (or positions) of the residences whose native-born (diagonal) cell is negative."""
    where = np.flatnonzero(np.diag(table) < 0)
    return [names[i] if names is not None else str(i) for i in where]


def check_inputs(
    start: FloatArray,
    end: FloatArray,
    births: FloatArray,
    deaths: FloatArray,
    names: list[str],
) -> None:
    """Raise :class:`EstimationError` for malformed stocks, births or deaths.

    Stocks must be square tables of one shape without NaN or negative cells, except negative
    native-born (diagonal) cells, which the negative-native-born rule handles; births and
    deaths one finite, non-negative value per region.
    """
    check_stock_pair(start, end, names, negative_native_born=True)
    n = start.shape[0]
    for name, values in (("births", births), ("deaths", deaths)):
        if values.shape != (n,):
            raise EstimationError(
                f"{name} must have one value per region ({n}), got {values.shape}"
            )
        if not np.all(np.isfinite(values)):
            first = names[int(np.flatnonzero(~np.isfinite(values))[0])]
            raise EstimationError(f"{name} holds NaN or infinite values (first at {first})")
        if np.any(values < 0):
            at = int(np.flatnonzero(values < 0)[0])
            raise EstimationError(
                f"{name} has negative values (first {names[at]} = {plain(values[at])}): "
                "births and deaths must be >= 0"
            )
