"""The Compact's reference data carried by the package: objectives, principles, M49 States.

``objectives.yml`` and ``states.yml`` sit beside this module (regenerate them with
``scripts/gcm_reference.py``); they name the source they were compiled from.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class IndicatorLink:
    """An indicator that measures (part of) an objective; ``code`` is None for proxies."""

    code: str | None
    name: str
    kind: str
    confidence: str


@dataclass(frozen=True)
class Objective:
    """One of the 23 objectives of the Compact (A/RES/73/195, paragraphs 17-39)."""

    number: int
    title: str
    short_label: str
    summary: str
    indicators: tuple[IndicatorLink, ...]


@dataclass(frozen=True)
class Principle:
    """One of the 10 guiding principles (paragraph 15 (a)-(j))."""

    letter: str
    name: str
    summary: str


@dataclass(frozen=True)
class State:
    """A country or area by its M49 code."""

    m49: str
    name: str
    iso3: str


def _load(name: str) -> dict[str, Any]:
    data: dict[str, Any] = read_yaml(HERE / name)
    return data


@cache
def objectives() -> tuple[Objective, ...]:
    """The 23 objectives, in order, with their indicator links."""
    return tuple(
        Objective(
            number=int(o["number"]),
            title=o["title"],
            short_label=o["short_label"],
            summary=o["summary"],
            indicators=tuple(IndicatorLink(**link) for link in o["indicators"]),
        )
        for o in _load("objectives.yml")["objectives"]
    )


@cache
def principles() -> tuple[Principle, ...]:
    """The 10 guiding principles, (a) to (j)."""
    return tuple(Principle(**p) for p in _load("objectives.yml")["principles"])


@cache
def states() -> tuple[State, ...]:
    """Countries and areas of the M49 standard, by code."""
    return tuple(
        State(m49=str(s["m49"]), name=s["name"], iso3=s["iso3"])
        for s in _load("states.yml")["states"]
    )


def source() -> dict[str, Any]:
    """Where ``objectives.yml`` was compiled from."""
    return dict(_load("objectives.yml")["source"])
