"""UNHCR Refugee Population Statistics: the ``population`` table of UNHCR's R package ``refugees``.

The ``.rda`` file holds one R data frame (``population``): a year, the country of origin and of
asylum (name, UNHCR's own code, ISO3), and the counts of refugees under UNHCR's mandate,
asylum-seekers, returnees, IDPs, stateless people, others of concern, other people in need of
international protection and host communities. It is read with pyreadr; the object name and the
columns are the ``layout`` of ``unhcr.yml``. Codes such as ``UKN``/``UNK`` (unknown origin) come
back as the file gives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from migobs.errors import LayoutError
from migobs.sources._layout import layout

SOURCE = "unhcr"


@dataclass(frozen=True)
class ObjectLayout:
    """The R ``object`` to read, its ``columns`` in order and which of them are ``counts``."""

    object: str
    columns: tuple[str, ...]
    counts: tuple[str, ...]


def read(path: Path, edition: str) -> pd.DataFrame:
    """The ``population`` table, one row per year, origin and asylum country, as stated.

    Returns
    -------
    DataFrame
        The file's columns (``year`` as integer, codes and names as text, counts as floats
        with NaN where R has NA) plus ``row``: the 1-based row of the table in the file.

    Raises
    ------
    LayoutError
        The file is not a readable R data file, lacks the object, or a column changed.
    UnknownSource
        The catalogue has no such edition.
    """
    import pyreadr  # type: ignore[import-untyped]  # noqa: PLC0415 - only UNHCR's file needs it

    spec = layout(SOURCE, edition, ObjectLayout)
    try:
        objects = pyreadr.read_r(str(path))
    except Exception as error:  # librdata raises its own errors for broken files
        raise LayoutError(
            f"{path.name}: not a readable R data file ({error}); the file is truncated or "
            f"altered. Obtain it again."
        ) from error
    if spec.object not in objects:
        raise LayoutError(f"{path.name}: no R object {spec.object!r}; it holds {list(objects)}.")
    table = objects[spec.object]
    columns = [str(c) for c in table.columns]
    if columns != list(spec.columns):
        raise LayoutError(
            f"{path.name}, object {spec.object!r}: the columns changed; expected "
            f"{list(spec.columns)}, found {columns}."
        )
    return _typed(path, table, list(spec.counts))


def _typed(path: Path, table: pd.DataFrame, counts: list[str]) -> pd.DataFrame:
    years = table["year"]
    bad = years.isna() | (years % 1 != 0)
    if bad.any():
        row = int(bad.to_numpy().argmax()) + 1
        raise LayoutError(f"{path.name}, row {row} of the table: year {years.iloc[row - 1]!r}.")
    for column in counts:
        numbers = pd.to_numeric(table[column], errors="coerce")
        wrong = numbers.isna() & table[column].notna()
        if wrong.any():
            row = int(wrong.to_numpy().argmax()) + 1
            raise LayoutError(
                f"{path.name}, row {row} of the table: {column} is "
                f"{table[column].iloc[row - 1]!r}, not a number; the file was altered. Obtain it "
                f"again."
            )
    frame = table.astype(dict.fromkeys(counts, "float64"))
    frame["year"] = years.astype("int64")
    for column in ("coo_name", "coo", "coo_iso", "coa_name", "coa", "coa_iso"):
        frame[column] = table[column].astype("string").fillna("")
    frame["row"] = range(1, len(frame) + 1)
    return frame.reset_index(drop=True)
