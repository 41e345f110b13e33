"""Validation of SDMX-ML messages against the official SDMX-ML 2.1 schemas (tests/data/sdmx)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lxml import etree

SCHEMA = Path(__file__).parent / "data" / "sdmx" / "sdmx-ml-2.1" / "SDMXMessage.xsd"


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def schema_errors(message: bytes) -> list[str]:
    """The schema's complaints about ``message`` (empty when it is valid)."""
    schema = _schema()
    schema.validate(etree.fromstring(message))
    return [f"line {e.line}: {e.message}" for e in schema.error_log]
