"""Known upstream problems as data: ``corrections/<source>.yml``, applied by the build.

Each file lists corrections of one source's rows after its loader ran::

    source: undesa_stock
    corrections:
      - what: 2017 O-D table, aggregate 934 differs from the totals workbook by 41,039
        where: {table: migrant_stock, edition: "2017", year: 2017, destination: 934}
        action: set            # set (needs `value`, optional `column`, default value) | delete
        value: 97330919
        expect: 97289880       # optional guard: the value the file has today; when the rows
                               # no longer hold it the source was fixed, and the correction is
                               # not applied (finding `correction-stale`)
        reason: the origin-destination copy was pasted from an older release
        provider: UN DESA Population Division
        status: open           # open | reported | fixed-upstream

``where`` names the table and equality conditions on its columns (``source`` is added from the
file). Each applied correction leaves a ``correction-applied`` finding; one that matches no rows
leaves ``correction-unmatched``. Nothing is corrected silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import yaml

from migobs.errors import WarehouseError
from migobs.warehouse.findings import Finding

HERE = Path(__file__).parent
ACTIONS = ("set", "delete")
IDENTIFIER = frozenset("abcdefghijklmnopqrstuvwxyz_0123456789")


@dataclass(frozen=True)
class Correction:
    """One entry of a corrections file."""

    source: str
    what: str
    table: str
    where: dict[str, Any]
    action: str
    column: str
    value: Any
    expect: Any
    reason: str
    provider: str
    status: str
    file: str


def load(folder: Path = HERE) -> list[Correction]:
    """Every correction of every ``*.yml`` in ``folder``, in file order."""
    corrections: list[Correction] = []
    for path in sorted(folder.glob("*.yml")):
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        source = str(data.get("source", path.stem))
        corrections += [_parse(path, source, item) for item in data.get("corrections") or []]
    return corrections


def _parse(path: Path, source: str, item: dict[str, Any]) -> Correction:
    where = dict(item.get("where") or {})
    table = str(where.pop("table", ""))
    action = str(item.get("action", ""))
    column = str(item.get("column", "value"))
    names = [table, column, *where]
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
        column=column,
        value=item.get("value"),
        expect=item.get("expect"),
        reason=str(item["reason"]),
        provider=str(item.get("provider", "")),
        status=str(item.get("status", "open")),
        file=path.name,
    )


def apply(
    con: duckdb.DuckDBPyConnection, corrections: list[Correction], sources: set[str] | None = None
) -> list[Finding]:
    """Apply ``corrections`` (those of ``sources`` when given); return what happened as findings."""
    return [_apply_one(con, c) for c in corrections if sources is None or c.source in sources]


def _apply_one(con: duckdb.DuckDBPyConnection, c: Correction) -> Finding:
    condition = " AND ".join(f'"{column}" = ?' for column in c.where)
    params = list(c.where.values())
    current = con.execute(
        f'SELECT "{c.column}" FROM "{c.table}" WHERE {condition}', params
    ).fetchall()
    if not current:
        return _finding(c, "correction-unmatched", "matches no rows; nothing was changed")
    if c.expect is not None and any(row[0] != c.expect for row in current):
        found = sorted({row[0] for row in current}, key=str)
        return _finding(
            c,
            "correction-stale",
            f"expected {c.expect!r} but the rows hold {found!r}: the "
            "source may have been fixed; the correction was not applied. Review "
            f"migobs/warehouse/corrections/{c.file}.",
        )
    if c.action == "delete":
        con.execute(f'DELETE FROM "{c.table}" WHERE {condition}', params)
    else:
        con.execute(
            f'UPDATE "{c.table}" SET "{c.column}" = ? WHERE {condition}', [c.value, *params]
        )
    return _finding(c, "correction-applied", f"{c.action} on {len(current)} row(s)")


def _finding(c: Correction, type_: str, outcome: str) -> Finding:
    return Finding(
        type=type_,
        title=f"{c.source}: {c.what}",
        message=f"Correction {c.what!r} ({c.reason}; provider {c.provider or 'n/a'}, status "
        f"{c.status}): {outcome}.",
        source=c.source,
        edition=str(c.where.get("edition")) if "edition" in c.where else None,
        observed=c.expect if isinstance(c.expect, int | float) else None,
        expected=c.value if isinstance(c.value, int | float) else None,
        rows=[{"table": c.table, **c.where}],
    )
