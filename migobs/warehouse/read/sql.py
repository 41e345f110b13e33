"""Ask the warehouse anything, read-only: one SELECT at a time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import duckdb

from migobs.errors import QueryError

ALLOWED = {duckdb.StatementType.SELECT, duckdb.StatementType.EXPLAIN}


@dataclass(frozen=True)
class QueryResult:
    """Column names and rows of a query."""

    columns: list[str]
    rows: list[tuple[Any, ...]]

    def records(self) -> list[dict[str, Any]]:
        """Rows as dicts by column name."""
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


def query(con: duckdb.DuckDBPyConnection, sql: str) -> QueryResult:
    """Run one read-only statement (SELECT, WITH ... SELECT, EXPLAIN) and return its result.

    Raises
    ------
    QueryError
        The text is not one statement, tries to write (INSERT, COPY, ATTACH ...), or is
        malformed; the message says why.
    """
    try:
        statements = con.extract_statements(sql)
    except duckdb.Error as error:
        raise QueryError(f"Cannot parse the query: {error}") from error
    if len(statements) != 1:
        raise QueryError(f"Give exactly one statement; found {len(statements)}.")
    kind = statements[0].type
    if kind not in ALLOWED:
        raise QueryError(
            f"Only SELECT queries are allowed: the warehouse is read-only (found {kind.name}). "
            f"Rebuild it with `migobs build` to change it."
        )
    try:
        cursor = con.execute(sql)
        rows = cursor.fetchall()
    except duckdb.Error as error:
        raise QueryError(f"The query failed: {error}") from error
    return QueryResult([d[0] for d in cursor.description or []], rows)
