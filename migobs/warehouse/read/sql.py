"""Ask the warehouse anything, read-only: one SELECT at a time."""

from __future__ import annotations

import threading
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


def query(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    *,
    timeout: float | None = None,
    max_rows: int | None = None,
) -> QueryResult:
    """Run one read-only statement (SELECT, WITH ... SELECT, EXPLAIN) and return its result.

    ``timeout`` (seconds) interrupts a query still running then; ``max_rows`` refuses a result
    longer than that rather than filling the memory with it.

    Raises
    ------
    QueryError
        The text is not one statement, tries to write (INSERT, COPY, ATTACH ...), is
        malformed, runs longer than ``timeout``, needs more than the connection's memory
        limit, or has more than ``max_rows`` rows; the message says why and what to do.
    """
    _check_read_only(con, sql)
    timer = threading.Timer(timeout, con.interrupt) if timeout else None
    if timer:
        timer.start()
    try:
        cursor = con.execute(sql)
        rows = cursor.fetchmany(max_rows + 1) if max_rows else cursor.fetchall()
    except duckdb.InterruptException as error:
        raise QueryError(
            f"The query ran for more than {timeout:g} s and was stopped: narrow it (WHERE, "
            "LIMIT, fewer joins) or allow more time with --timeout."
        ) from error
    except duckdb.OutOfMemoryException as error:
        raise QueryError(
            "The query needs more memory than its limit and was stopped: narrow it (WHERE, "
            f"LIMIT, fewer columns) or allow more with --memory-limit. DuckDB: {_first(error)}"
        ) from error
    except duckdb.Error as error:
        raise QueryError(f"The query failed: {error}") from error
    finally:
        if timer:
            timer.cancel()
    if max_rows and len(rows) > max_rows:
        raise QueryError(
            f"The result has more than {max_rows:,} rows: add a LIMIT or aggregate, or allow "
            "more with --max-rows (every row is held in memory)."
        )
    return QueryResult([d[0] for d in cursor.description or []], rows)


def _check_read_only(con: duckdb.DuckDBPyConnection, sql: str) -> None:
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


def _first(error: Exception) -> str:
    return str(error).splitlines()[0]
