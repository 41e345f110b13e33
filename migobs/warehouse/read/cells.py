"""One input of a computed figure: a value of the warehouse with the file, sheet and cell it is in."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cache
from typing import Any, TypeVar

from migobs.m49 import m49_text

T = TypeVar("T")


def frozen(kind: type[T], **values: Any) -> T:
    """``kind(**values)`` for a frozen dataclass, in a third of the time: its own ``__init__``
    sets each field through ``object.__setattr__``, which the build pays for millions of times.

    For the hot paths only: ``values`` must name every field and nothing else (no defaults are
    filled in), and ``kind`` needs no ``__post_init__``.

    Raises
    ------
    TypeError
        ``values`` leaves out a field of ``kind`` or names one it does not have.
    """
    shape: Any = kind  # a class is hashable, whatever mypy makes of type[T]
    wanted = field_names(shape)
    if values.keys() != wanted:
        raise TypeError(
            f"{kind.__name__} takes exactly its fields: missing {sorted(wanted - values.keys())},"
            f" unknown {sorted(values.keys() - wanted)}"
        )
    made: T = object.__new__(kind)
    made.__dict__.update(values)
    return made


@cache
def field_names(kind: Any) -> frozenset[str]:
    """The names of dataclass ``kind``'s fields."""
    return frozenset(field.name for field in fields(kind))


@dataclass(frozen=True)
class Cell:
    """A value read from the warehouse, with its provenance.

    Attributes
    ----------
    source, edition: the catalogue name and edition, e.g. ``undesa_stock``, ``2017``.
    variable: what the value is, e.g. ``stock.total``, ``population``, ``remittances_received``.
    area: M49 code of the area the value is about (destination, origin of refugees, receiving
        country, incident country; 900 = world).
    year: reference year.
    value: the number, in the warehouse's unit (persons, current US$, percent); ``None`` when the
        file gives none.
    file, sha256: the official file (name as published) and its checksum.
    sheet: the sheet, ``None`` for CSV and R files.
    cell: A1 cell, or ``row N`` for files read by row (incidents, UNHCR table).
    counterpart: the other end of a corridor (origin of migrants, sending country of
        remittances), ``None`` for values about one area.
    """

    source: str
    edition: str
    variable: str
    area: int
    year: int
    value: float | None
    file: str
    sha256: str
    sheet: str | None
    cell: str
    counterpart: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON), M49 codes as text (``"004"``)."""
        other = None if self.counterpart is None else m49_text(self.counterpart)
        # field by field: ``dataclasses.asdict`` deep-copies, a fifth of `migobs claims --json`
        return {
            "source": self.source,
            "edition": self.edition,
            "variable": self.variable,
            "area": m49_text(self.area),
            "year": self.year,
            "value": self.value,
            "file": self.file,
            "sha256": self.sha256,
            "sheet": self.sheet,
            "cell": self.cell,
            "counterpart": other,
        }

    def where(self) -> str:
        """``file[sheet]!cell``, the address a reader can open."""
        sheet = f"[{self.sheet}]" if self.sheet else ""
        return f"{self.file}{sheet}!{self.cell}"


def in_file_order(table: str) -> str:
    """SQL ordering ``table``'s rows as they stand in their files: file, sheet, then the row of
    the A1 ``cell`` (``F19`` before ``F268``), so that of an area a file states twice (UN DESA's
    Australia and New Zealand, 927, under two headings) the first row read is always the same."""
    row = f"TRY_CAST(regexp_extract({table}.cell, '[0-9]+$') AS INTEGER)"
    return f"{table}.file_id, {table}.sheet, {row}, {table}.cell"


def cells(rows: list[tuple[Any, ...]]) -> list[Cell]:
    """Records of query rows selected in :class:`Cell` field order (NaN sheets become ``None``).

    Rows have the ten fields from ``source`` to ``cell``, optionally followed by ``counterpart``.
    """
    return [_cell(row) for row in rows]


def _cell(row: tuple[Any, ...]) -> Cell:
    source, edition, variable, area, year, value, file, sha256, sheet, cell = row[:10]
    counterpart = row[10] if len(row) > 10 else None
    return frozen(
        Cell,
        source=str(source),
        edition=str(edition),
        variable=str(variable),
        area=int(area),
        year=int(year),
        value=None if value is None or value != value else float(value),
        file=str(file),
        sha256=str(sha256),
        sheet=sheet if isinstance(sheet, str) else None,
        cell=str(cell),
        counterpart=None if counterpart is None else int(counterpart),
    )
