"""Known upstream problems as data: ``corrections/<source>.yml``, applied by the build.

Each file lists corrections of one source's rows after its loader ran::

    source: undesa_stock
    corrections:
      - what: 2017 O-D table, aggregate 934 differs from the totals workbook by 41,039
        where: {table: migrant_stock, edition: "2017", year: 2017, destination: 934}
        action: set            # set | delete | keep (a known problem left as the file has it)
        value: 97330919        # set: `value` of `column` (default `value`), or
                               # `values: {column: value, ...}` for several columns
        expect: 97289880       # guard: what the rows hold today (a value of the set column, or
                               # `{column: value, ...}`; null is a value). When the rows no
                               # longer hold it the source was fixed: nothing is changed and
                               # the finding is `correction-stale`
        reason: the origin-destination copy was pasted from an older release
        provider: UN DESA Population Division
        status: open           # open | reported | fixed-upstream

``where`` names the table and equality conditions on its columns (``source`` is added from the
file). Each applied correction leaves a ``correction-applied`` finding, each ``keep`` a
``known-problem`` finding; one that matches no rows leaves ``correction-unmatched``, one whose
guard fails ``correction-stale``. Nothing is corrected silently. Numbers in a guard compare with a
relative tolerance of 1e-9 (the files' decimals read as binary floats).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from migobs.errors import WarehouseError
from migobs.warehouse.findings import Finding
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent
ACTIONS = ("set", "delete", "keep")
IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyz_0123456789")
REL_TOLERANCE = 1e-9
"""Relative difference under which a number in a guard counts as the value the rows hold."""


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file.

    ``values`` are the columns a ``set`` writes (empty for ``delete`` and ``keep``); ``expect``
    the columns and values the guard requires of every matched row (``None``: no guard).
    """

    source: str
    what: str
    table: str
    where: dict[str, Any]
    action: str
    values: dict[str, Any]
    expect: dict[str, Any] | None
    reason: str
    provider: str
    status: str
    file: str


def load(folder: Path = HERE) -> list[Correction]:
    """Every correction of every ``*.yml`` in ``folder``, in file order."""
    corrections: list[Correction] = []
    for path in sorted(folder.glob("*.yml")):
        data: dict[str, Any] = read_yaml(path) or {}
        source = str(data.get("source", path.stem))
        corrections += [_parse(path, source, item) for item in data.get("corrections") or []]
    return corrections


def _parse(path: Path, source: str, item: dict[str, Any]) -> Correction:
    where = dict(item.get("where") or {})
    table = str(where.pop("table", ""))
    action = str(item.get("action", ""))
    column = str(item.get("column", "value"))
    values = dict(item["values"]) if "values" in item else {column: item.get("value")}
    expect = _expect(item, column)
    names = [table, *values, *where, *(expect or {})]
    if action not in ACTIONS or not table or not all(set(n) <= IDENTIFIER for n in names):
        raise WarehouseError(
            f"{path}: correction {item.get('what')!r} needs `where.table`, plain column names "
            f"and an action among {', '.join(ACTIONS)}; found {item!r}."
        )
    if not item.get("reason"):
        raise WarehouseError(f"{path}: correction {item.get('what')!r} has no `reason`.")
    return Correction(
        source=source,
        what=str(item.get("what", "")),
        table=table,
        where={"source": source, **where},
        action=action,
        values=values if action == "set" else {},
        expect=expect,
        reason=str(item["reason"]),
        provider=str(item.get("provider", "")),
        status=str(item.get("status", "open")),
        file=path.name,
    )


def _expect(item: dict[str, Any], column: str) -> dict[str, Any] | None:
    if "expect" not in item:
        return None
    expect = item["expect"]
    return dict(expect) if isinstance(expect, dict) else {column: expect}


def apply(
    con: duckdb.DuckDBPyConnection, corrections: list[Correction], sources: set[str] | None = None
) -> list[Finding]:
    """Apply ``corrections`` (those of ``sources`` when given); return what happened as findings."""
    return [_apply_one(con, c) for c in corrections if sources is None or c.source in sources]


def _apply_one(con: duckdb.DuckDBPyConnection, c: Correction) -> Finding:
    condition = " AND ".join(f'"{column}" = ?' for column in c.where)
    params = list(c.where.values())
    guarded = list(c.expect or c.values or {"source": None})
    select = ", ".join(f'"{column}"' for column in guarded)
    current = con.execute(f'SELECT {select} FROM "{c.table}" WHERE {condition}', params).fetchall()
    if not current:
        return _finding(c, "correction-unmatched", "matches no rows; nothing was changed")
    held = [dict(zip(guarded, row, strict=True)) for row in current]
    if c.expect is not None and not all(_holds(row, c.expect) for row in held):
        return _finding(
            c,
            "correction-stale",
            f"expected {c.expect!r} but the rows hold {_distinct(held)!r}: the source may have "
            "been fixed; the correction was not applied. Review "
            f"migobs/warehouse/corrections/{c.file}.",
        )
    if c.action == "keep":
        return _finding(c, "known-problem", f"left as the file has it on {len(current)} row(s)")
    if c.action == "delete":
        con.execute(f'DELETE FROM "{c.table}" WHERE {condition}', params)
    else:
        assignments = ", ".join(f'"{column}" = ?' for column in c.values)
        con.execute(
            f'UPDATE "{c.table}" SET {assignments} WHERE {condition}',
            [*c.values.values(), *params],
        )
    return _finding(c, "correction-applied", f"{c.action} on {len(current)} row(s)")


def _holds(row: dict[str, Any], expect: dict[str, Any]) -> bool:
    return all(_same(row[column], value) for column, value in expect.items())


def _same(held: Any, expected: Any) -> bool:
    if held is None or expected is None:
        return held is None and expected is None
    numbers = (int, float)
    if isinstance(held, numbers) and isinstance(expected, numbers):
        return math.isclose(held, expected, rel_tol=REL_TOLERANCE)
    return bool(held == expected)


def _distinct(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: list[dict[str, Any]] = []
    for row in rows:
        if row not in seen:
            seen.append(row)
    return seen


def _finding(c: Correction, type_: str, outcome: str) -> Finding:
    (expected,) = c.values.values() if len(c.values) == 1 else (None,)
    (observed,) = (c.expect or {}).values() if len(c.expect or {}) == 1 else (None,)
    return Finding(
        type=type_,
        title=f"{c.source}: {c.what}",
        message=f"Correction {c.what!r} ({c.reason}; provider {c.provider or 'n/a'}, status "
        f"{c.status}): {outcome}.",
        source=c.source,
        edition=str(c.where.get("edition")) if "edition" in c.where else None,
        observed=observed if isinstance(observed, int | float) else None,
        expected=expected if isinstance(expected, int | float) else None,
        rows=[{"table": c.table, **c.where, **({"set": c.values} if c.values else {})}],
    )
