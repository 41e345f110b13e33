"""The Compact's objectives against the indicators: what the data can and cannot measure.

Reads ``gcm_map.yml`` (the objectives' indicator links) and ``definitions.yml`` (what migobs
computes); needs no warehouse.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migobs.indicators.definitions import definitions

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Link:
    """One indicator linked to an objective.

    Attributes
    ----------
    name: the SDG code(s) or the indicator's name as the mapping gives it.
    confidence: textual, official, stakeholder, high, medium or low (see gcm_map.yml).
    measured_by: migobs indicator codes that compute it from the warehouse; empty if none.
    reason: why it cannot be measured here (empty when it can).
    """

    name: str
    confidence: str
    measured_by: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class ObjectiveCoverage:
    """What can and cannot be measured for one objective of the Global Compact (1-23)."""

    objective: int
    measurable: tuple[Link, ...]
    not_measurable: tuple[Link, ...]


def _codes_for(sdg_codes: list[str]) -> tuple[str, ...]:
    wanted = set(sdg_codes)
    return tuple(code for code, d in definitions().items() if d.sdg in wanted)


def _reason(item: dict[str, Any]) -> str:
    if "needs" in item:
        return f"needs {item['needs']}, which no open source held here provides"
    if "10.7.2" in item.get("sdg", []):
        return "a policy assessment (UN Inquiry / IOM MGI answers), not in the open data held"
    if "sdg" in item:
        return f"no open data for SDG {'/'.join(item['sdg'])} in the warehouse (custodian data not held)"
    return "no open dataset for it in the warehouse"


def _link(item: dict[str, Any]) -> Link:
    measured = tuple(item.get("measured_by", ())) or _codes_for(item.get("sdg", []))
    name = item.get("name") or "SDG " + " / ".join(item["sdg"])
    return Link(name, str(item["confidence"]), measured, "" if measured else _reason(item))


@cache
def _mapping() -> list[dict[str, Any]]:
    raw: list[dict[str, Any]] = yaml.safe_load((HERE / "gcm_map.yml").read_text(encoding="utf-8"))[
        "objectives"
    ]
    return raw


def _with_data(link: Link, held: Callable[[str], bool]) -> Link:
    codes = tuple(code for code in link.measured_by if held(code))
    if codes or not link.measured_by:
        return replace(link, measured_by=codes)
    return replace(
        link,
        measured_by=(),
        reason=f"computable by {', '.join(link.measured_by)}, but the warehouse holds no data "
        "for it (is the source in the mirror? run `migobs build`)",
    )


def objective_coverage(held: Callable[[str], bool] | None = None) -> list[ObjectiveCoverage]:
    """For each objective 1-23, the linked indicators that can and cannot be measured.

    Parameters
    ----------
    held: tells whether the warehouse has data for an indicator code (e.g.
        ``lambda code: bool(years(con, code))``); ``None`` judges by the definitions alone.
    """
    result = []
    for entry in _mapping():
        links = [_link(item) for item in entry["indicators"]]
        if held is not None:
            links = [_with_data(link, held) for link in links]
        result.append(
            ObjectiveCoverage(
                objective=int(entry["objective"]),
                measurable=tuple(link for link in links if link.measured_by),
                not_measurable=tuple(link for link in links if not link.measured_by),
            )
        )
    return result
