"""Post-build checks: one module per family, each ``check(con) -> list[Finding]``.

To add a family, write ``migobs/warehouse/checks/<family>.py`` with::

    def check(con: duckdb.DuckDBPyConnection) -> list[Finding]:
        ...  # SQL over the built warehouse; return findings, never raise for bad data

:data:`CHECKS` finds every module in this package (name order). The build runs them after all
loaders and corrections, and writes what they return to the ``findings`` table. A check reads the
warehouse read-write connection of the build but must not change fact tables.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import duckdb

from migobs.errors import WarehouseError
from migobs.warehouse.findings import Finding

Check = Callable[[duckdb.DuckDBPyConnection], list[Finding]]
"""A check family: the build's connection in, findings out."""


def discover() -> dict[str, Check]:
    """Every check module of this package by family name, in name order."""
    found: dict[str, Check] = {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        check = getattr(module, "check", None)
        if not callable(check):
            raise WarehouseError(f"{module.__name__} has no `check(con)` function.")
        found[info.name] = check
    return found


CHECKS: dict[str, Check] = discover()
"""Every check family by name."""


def run_all(
    con: duckdb.DuckDBPyConnection, checks: dict[str, Check] | None = None
) -> list[Finding]:
    """Run every check family on ``con`` and return their findings, in family order."""
    findings: list[Finding] = []
    for check in (CHECKS if checks is None else checks).values():
        findings.extend(check(con))
    return findings
