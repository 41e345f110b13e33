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

from migobs.i18n.messages import N_, Said
from migobs.indicators.definitions import definitions
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent

NEEDS = {
    "disaggregation by migratory status": N_("disaggregation by migratory status"),
    "disaggregation by migratory status of child or parents": N_(
        "disaggregation by migratory status of child or parents"
    ),
}
"""The ``needs`` of gcm_map.yml, marked for translation (a reason names them in the reader's
language); tests/i18n/test_links.py fails on one missing here."""


@dataclass(frozen=True)
class Link:
    """One indicator linked to an objective.

    Attributes
    ----------
    name: the SDG code(s) or the indicator's name as the mapping gives it.
    confidence: textual, official, stakeholder, high, medium or low (see gcm_map.yml).
    measured_by: migobs indicator codes that compute it from the warehouse; empty if none.
    reason: why it cannot be measured here (empty when it can): English text that a page says
        in its language (:class:`~migobs.i18n.messages.Said`).
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
        need = NEEDS.get(item["needs"], item["needs"])
        return Said(N_("needs %(what)s, which no open source held here provides"), what=Said(need))
    if "10.7.2" in item.get("sdg", []):
        return Said(
            N_("a policy assessment (UN Inquiry / IOM MGI answers), not in the open data held")
        )
    if "sdg" in item:
        return Said(
            N_("no open data for SDG %(code)s in the warehouse (custodian data not held)"),
            code="/".join(item["sdg"]),
        )
    return Said(N_("no open dataset for it in the warehouse"))


def _link(item: dict[str, Any]) -> Link:
    measured = tuple(item.get("measured_by", ())) or _codes_for(item.get("sdg", []))
    name = item.get("name") or "SDG " + " / ".join(item["sdg"])
    return Link(name, str(item["confidence"]), measured, "" if measured else _reason(item))


@cache
def _mapping() -> list[dict[str, Any]]:
    raw: list[dict[str, Any]] = read_yaml(HERE / "gcm_map.yml")["objectives"]
    return raw


def _with_data(link: Link, held: Callable[[str], bool]) -> Link:
    codes = tuple(code for code in link.measured_by if held(code))
    if codes or not link.measured_by:
        return replace(link, measured_by=codes)
    return replace(
        link,
        measured_by=(),
        reason=Said(
            N_(
                "computable by %(codes)s, but the warehouse holds no data for it (is the source "
                "in the mirror? run `migobs build`)"
            ),
            codes=", ".join(link.measured_by),
        ),
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
