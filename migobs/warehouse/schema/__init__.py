"""The warehouse's DDL: one SQL file per family of tables, applied in name order."""

from __future__ import annotations

from pathlib import Path

import duckdb

HERE = Path(__file__).parent


def statements() -> list[str]:
    """The DDL files' text, in the order they are applied."""
    return [path.read_text(encoding="utf-8") for path in sorted(HERE.glob("*.sql"))]


def apply(con: duckdb.DuckDBPyConnection) -> None:
    """Create every table of the warehouse in an empty database."""
    for sql in statements():
        con.execute(sql)


def create_missing(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables that a warehouse built by an earlier version lacks: those whose DDL
    says ``CREATE TABLE IF NOT EXISTS``."""
    for sql in statements():
        for statement in sql.split(";"):
            if "CREATE TABLE IF NOT EXISTS" in statement:
                con.execute(statement[statement.index("CREATE TABLE IF NOT EXISTS") :])
