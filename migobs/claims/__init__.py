"""Domain: the ledger of published claims, checked against the warehouse. Imports: core, warehouse.read, indicators.

Public API::

    check.evaluate(con) -> list[ClaimResult]          every claim judged (``.as_dict()`` = JSON)
    findings.aggregate_findings(con, code, year=None, edition=None) -> list[ValueFinding]
    diff.diff(con, source, old, new, limit=None) -> list[Revision]
    ledger.ledger() -> tuple[Claim, ...]
"""
