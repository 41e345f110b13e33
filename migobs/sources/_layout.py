"""Layouts as data: the ``layout`` an edition of a source states in its ``<source>.yml``.

A source's YAML may hold a top-level ``layout`` (every edition) and an edition may hold its own
``layout``, whose keys replace the top-level ones. Parsers read header rows, sheet names and
column labels from here instead of hard-coding them.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migobs.sources import catalog

HERE = Path(__file__).parent


@cache
def _raw(source: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((HERE / f"{source}.yml").read_text(encoding="utf-8"))
    return data


def layout(source: str, edition: str) -> dict[str, Any]:
    """The layout of ``edition`` of ``source``: the top-level one updated by the edition's own.

    Raises
    ------
    UnknownSource
        The catalogue lists no such source or edition (an unknown vintage).
    """
    catalog.edition(source, edition)
    data = _raw(source)
    own = data["editions"][_edition_key(data, edition)].get("layout") or {}
    return {**(data.get("layout") or {}), **own}


def _edition_key(data: dict[str, Any], edition: str) -> Any:
    return next(key for key in data["editions"] if str(key) == edition)
