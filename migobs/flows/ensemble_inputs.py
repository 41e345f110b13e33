"""What an ensemble reads: the periods of a stock edition from the warehouse (with UN DESA's
type of data per destination), or a user's own files (``flows estimate``'s formats, with an
optional ``area,code`` file of types), so intervals never depend on our warehouse."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from migobs.errors import EstimationError
from migobs.flows.ensemble import PeriodData
from migobs.flows.files import read_matrix, read_vector
from migobs.flows.inputs import load_periods
from migobs.m49 import m49_text
from migobs.warehouse.read import open_warehouse
from migobs.warehouse.read.flows import type_of_data


def edition_periods(
    warehouse: Path,
    edition: str,
    wpp_edition: str = "2019",
    periods: list[tuple[int, int]] | None = None,
) -> list[PeriodData]:
    """Each period of ``edition`` (both sexes), names = M49 codes as text."""
    with open_warehouse(warehouse) as con:
        types = type_of_data(con, edition)
    return [
        PeriodData(
            label=f"{p.year0}-{p.year1}",
            names=[m49_text(code) for code in p.codes],
            start=p.start,
            end=p.end,
            births=p.births,
            deaths=p.deaths,
            types=[types.get(code) for code in p.codes],
        )
        for p in load_periods(warehouse, edition, "total", wpp_edition, periods)
    ]


def file_period(
    label: str,
    stock_start: Path,
    stock_end: Path,
    births: Path,
    deaths: Path,
    types_file: Path | None = None,
) -> PeriodData:
    """One period from a user's files; region names as the start stock's rows.

    Raises
    ------
    EstimationError
        A file that cannot be read as ``flows estimate`` reads it, or a types file that is not
        ``area,code`` or names a region the stocks do not have.
    """
    start, names = read_matrix(stock_start, negative_native_born=True)
    end, _ = read_matrix(stock_end, names, negative_native_born=True)
    return PeriodData(
        label=label,
        names=names,
        start=start,
        end=end,
        births=read_vector(births, names),
        deaths=read_vector(deaths, names),
        types=_types(types_file, names),
    )


def _types(path: Path | None, names: list[str]) -> list[str | None]:
    if path is None:
        return [None] * len(names)
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(table.columns) != ["area", "code"]:
        raise EstimationError(f"{path}: expected columns area,code, got {list(table.columns)}")
    stated = dict(zip(table["area"], table["code"], strict=True))
    unknown = sorted(set(stated) - set(names))
    if unknown:
        raise EstimationError(
            f"{path}: area(s) {', '.join(unknown[:5])} are not in the stock tables; use the "
            "names of the stock files' rows"
        )
    return [stated.get(name) or None for name in names]
