"""Which tables of the warehouse hold facts: the base tables whose rows point at a source file."""

from __future__ import annotations

import duckdb


def fact_columns(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """Base tables with a ``file_id`` column (no views, not ``source_files``) and their columns."""
    columns: dict[str, set[str]] = {}
    for table, column in con.execute(
        "SELECT c.table_name, c.column_name FROM information_schema.columns c "
        "JOIN information_schema.tables t USING (table_schema, table_name) "
        "WHERE t.table_type = 'BASE TABLE' AND c.table_name <> 'source_files' "
        "ORDER BY c.table_name"
    ).fetchall():
        columns.setdefault(str(table), set()).add(str(column))
    return {table: names for table, names in columns.items() if "file_id" in names}


def tables_of(con: duckdb.DuckDBPyConnection, source: str) -> list[str]:
    """The fact tables holding rows from ``source``'s files, by name."""
    return [
        table
        for table in fact_columns(con)
        if con.execute(
            f'SELECT 1 FROM "{table}" JOIN source_files f USING (file_id) WHERE f.source = ? LIMIT 1',
            [source],
        ).fetchone()
    ]
