"""Expected row counts: does each file give the warehouse as many data rows as the catalogue says?

A file's ``rows`` in ``migobs/sources/<source>.yml`` records how many data rows of each sheet
reach the warehouse (``{sheet: count}``, or one count for every sheet together, ``*``). The rows
are counted from the provenance of the loaded values: the distinct rows of each file and sheet
named by a fact table's ``cell`` (A1) or ``row_number``. A file that lost rows (a truncated copy,
a re-issued file, areas that no longer map) gives other counts, and the build fails before the
swap.
"""

from __future__ import annotations

import duckdb

from migobs.sources import catalog
from migobs.sources.catalog import ALL_SHEETS
from migobs.warehouse.read.tables import fact_columns


def mismatches(con: duckdb.DuckDBPyConnection) -> list[str]:
    """One line per (file, sheet) whose data rows differ from the catalogue's ``rows``."""
    found = _counts(con)
    problems = []
    files = con.execute(
        "SELECT file_id, source, edition, file_key, name FROM source_files ORDER BY file_id"
    ).fetchall()
    for file_id, source, edition, key, name in files:
        spec = catalog.file_spec(str(source), str(edition), str(key))
        counts = found.get(int(file_id), {})
        for sheet, expected in spec.rows.items():
            loaded = sum(counts.values()) if sheet == ALL_SHEETS else counts.get(sheet, 0)
            if loaded != expected:
                problems.append(
                    f"{name} [{sheet}]: {loaded} data rows loaded, {expected} expected "
                    f"({spec.dataset} in migobs/sources/{source}.yml)"
                )
    return problems


def _counts(con: duckdb.DuckDBPyConnection) -> dict[int, dict[str, int]]:
    parts = [f'SELECT file_id, sheet, {row} AS row FROM "{table}"' for table, row in _tables(con)]
    if not parts:
        return {}
    rows = con.execute(
        f"SELECT file_id, coalesce(sheet, ''), count(DISTINCT row) FROM ({' UNION ALL '.join(parts)}) "
        "GROUP BY ALL"
    ).fetchall()
    counts: dict[int, dict[str, int]] = {}
    for file_id, sheet, count in rows:
        counts.setdefault(int(file_id), {})[str(sheet)] = int(count)
    return counts


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """Fact tables with a ``sheet``, and how each names a value's row."""
    found = []
    for table, names in fact_columns(con).items():
        if "sheet" not in names:
            continue
        if "cell" in names:
            found.append((table, "regexp_extract(cell, '[0-9]+$')"))
        elif "row_number" in names:
            found.append((table, "row_number"))
    return found
