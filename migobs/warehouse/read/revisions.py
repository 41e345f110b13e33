"""Values that changed between two editions of a source, with the cell in each edition."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from migobs.m49 import m49_text
from migobs.warehouse.read.missing import incident_years


@dataclass(frozen=True)
class Revision:
    """One value stated by two editions for the same area, year and breakdown.

    Attributes
    ----------
    area: M49 code; year: reference year; key: the breakdown (``total``, ``female``,
        ``from 356``, an IOM region ...).
    old, new: the values. Migrant-stock and series revisions compare only values both editions
        state (a value present in one edition only is left out); Missing Migrants revisions
        give ``None`` for an IOM region one vintage does not name in a year both cover.
    old_where, new_where: ``file[sheet]!cell`` or the rows summed in each edition.
    note: what else explains the change, e.g. that an income group was reclassified.
    """

    area: int
    year: int
    key: str
    old: float | None
    new: float | None
    old_where: str
    new_where: str
    note: str = ""

    @property
    def change(self) -> float:
        """new - old (0 when either is missing)."""
        return (self.new or 0.0) - (self.old or 0.0)

    def as_dict(self) -> dict[str, Any]:
        """The record as a plain dict (for JSON), with the change, the area as M49 text."""
        return {**asdict(self), "area": m49_text(self.area), "change": self.change}


_WHERE = "f.name || coalesce('[' || {t}.sheet || ']', '') || '!' || {t}.cell"


def stock_revisions(
    con: duckdb.DuckDBPyConnection, source: str, old: str, new: str
) -> list[Revision]:
    """Migrant-stock values (same year, destination, origin, sex) that differ, largest first."""
    sql = f"""
    SELECT a.destination, a.year,
           a.sex || CASE WHEN a.origin = 900 THEN '' ELSE ' from ' || lpad(a.origin::VARCHAR, 3, '0') END,
           a.value, b.value, {_WHERE.format(t="a")}, {_WHERE.replace("f.", "g.").format(t="b")}
    FROM migrant_stock a JOIN source_files f ON f.file_id = a.file_id
    JOIN migrant_stock b ON b.source = a.source AND b.year = a.year
         AND b.destination = a.destination AND b.origin = a.origin AND b.sex = a.sex
    JOIN source_files g ON g.file_id = b.file_id
    WHERE a.source = ? AND a.edition = ? AND b.edition = ?
      AND a.value IS DISTINCT FROM b.value
    ORDER BY abs(coalesce(b.value, 0) - coalesce(a.value, 0)) DESC, a.destination, a.year
    """
    return [Revision(*row) for row in con.execute(sql, [source, old, new]).fetchall()]


def series_revisions(
    con: duckdb.DuckDBPyConnection, source: str, old: str, new: str
) -> list[Revision]:
    """Series values (same variable, area, year) that differ between editions, largest first."""
    sql = f"""
    SELECT a.area, a.year, a.variable, a.value, b.value,
           {_WHERE.format(t="a")}, {_WHERE.replace("f.", "g.").format(t="b")}
    FROM series a JOIN source_files f ON f.file_id = a.file_id
    JOIN series b ON b.source = a.source AND b.variable = a.variable AND b.area = a.area
         AND b.year = a.year AND b.period IS NOT DISTINCT FROM a.period
    JOIN source_files g ON g.file_id = b.file_id
    WHERE a.source = ? AND a.edition = ? AND b.edition = ? AND a.value IS DISTINCT FROM b.value
    ORDER BY abs(coalesce(b.value, 0) - coalesce(a.value, 0)) DESC, a.area, a.year
    """
    return [Revision(*row) for row in con.execute(sql, [source, old, new]).fetchall()]


def series_variables(con: duckdb.DuckDBPyConnection, source: str, edition: str) -> list[str]:
    """The variables (``gdp``, ``remittances_received`` ...) an edition of ``source`` holds."""
    rows = con.execute(
        "SELECT DISTINCT variable FROM series WHERE source = ? AND edition = ? ORDER BY 1",
        [source, edition],
    ).fetchall()
    return [str(variable) for (variable,) in rows]


def missing_revisions(con: duckdb.DuckDBPyConnection, old: str, new: str) -> list[Revision]:
    """Dead and missing per year and IOM region of incident that differ between two vintages.

    Only years complete in both vintages (:func:`missing.incident_years`: the year of an export
    is partial). The area is the world (900); ``key`` is the region; each side says how many
    rows it sums and the first and last row numbers.
    """
    both = sorted(set(incident_years(con, old)) & set(incident_years(con, new)))
    sql = """
    WITH t AS (
        SELECT m.edition, m.year, coalesce(m.region, '(not stated)') AS region,
               sum(m.dead_and_missing) AS value,
               any_value(f.name) || '[' || any_value(m.sheet) || ']!rows ' || min(m.row_number)
                   || '..' || max(m.row_number) || ' (' || count(*) || ' rows)' AS rows
        FROM missing_migrants m JOIN source_files f USING (file_id)
        WHERE m.edition IN (?, ?) AND list_contains(?, m.year) GROUP BY ALL)
    SELECT 900, coalesce(a.year, b.year), coalesce(a.region, b.region), a.value, b.value,
           coalesce(a.rows, 'none'), coalesce(b.rows, 'none')
    FROM (SELECT * FROM t WHERE edition = ?) a
    FULL JOIN (SELECT * FROM t WHERE edition = ?) b ON a.year = b.year AND a.region = b.region
    WHERE a.value IS DISTINCT FROM b.value
    ORDER BY abs(coalesce(b.value, 0) - coalesce(a.value, 0)) DESC, 2, 3
    """
    rows = con.execute(sql, [old, new, both, old, new]).fetchall()
    return [Revision(*row) for row in rows]
