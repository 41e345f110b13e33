"""The definitions of the indicators, read from ``definitions.yml`` beside this module."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Definition:
    """What an indicator is.

    Attributes
    ----------
    code: e.g. ``sdg.10.7.3``.
    title: its title (the SDG indicator's title when it implements one).
    unit: ``persons``, ``percent``, ``current_usd``, ``per_100000`` or ``ratio``.
    formula: the computation in words.
    period: what time the figure is about (mid-year, calendar year, the quarters of a year, a
        change from a base year).
    weighting: how a figure over several units (countries, corridors, quarters) weighs them;
        empty where nothing is averaged or divided.
    sources: catalogue names of the sources it reads.
    caveats: what a reader should know before using it.
    sdg: the SDG indicator it implements (e.g. ``10.c.1``), else ``None``.
    decimals: the decimals its values are stated to in CSV files and printed tables (full
        precision stays in Parquet, JSON and the warehouse); ``definitions.yml`` says why.
    """

    code: str
    title: str
    unit: str
    formula: str
    sources: tuple[str, ...]
    caveats: str
    period: str
    weighting: str = ""
    sdg: str | None = None
    decimals: int = 2


@cache
def definitions() -> dict[str, Definition]:
    """Every indicator's definition, by code, in the order of ``definitions.yml``."""
    raw = read_yaml(HERE / "definitions.yml")
    return {
        code: Definition(
            code=code,
            title=entry["title"],
            unit=entry["unit"],
            formula=entry["formula"],
            sources=tuple(entry["sources"]),
            caveats=entry.get("caveats", ""),
            period=entry["period"],
            weighting=entry.get("weighting", ""),
            sdg=str(entry["sdg"]) if "sdg" in entry else None,
            decimals=int(entry["decimals"]),
        )
        for code, entry in raw["indicators"].items()
    }
