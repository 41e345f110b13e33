"""Estimated flows as an export table: ``migobs_flows/<edition>/demographic-accounting``.

One table per stock edition with runs of the default method (closed demographic accounting,
Abel & Cohen 2019, both sexes): a row per destination (``area``), origin and period, with the
flow over the period (``value``), its annual average (``value_per_year``), the period's length
(``years``), the 90% interval of the newest flow ensemble (``lower``, ``upper``; empty without
one), and whether the run's fits met their margins (``converged``, ``margins_met``), so a flow
that should not be used travels with its flag.
"""

from __future__ import annotations

import duckdb
import pandas as pd

from migobs.exports.table import SourceRef, TableMeta, TidyTable
from migobs.flows.demographic import AccountingOptions
from migobs.flows.estimate import run_key
from migobs.flows.methods import ACCOUNTING
from migobs.warehouse.read import atlas, flows

SOURCE = "migobs_flows"
COLUMNS = [
    "area",
    "area_name",
    "iso3",
    "origin",
    "origin_name",
    "period",
    "year",
    "value",
    "years",
    "value_per_year",
    "lower",
    "upper",
    "converged",
    "margins_met",
    "estimated",
]


def default_runs(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """The stored runs of the default method and options, both sexes."""
    runs = flows.run_index(con)
    options = run_key("", "", "", AccountingOptions()).rsplit("/", 1)[1]
    chosen = (runs["method"] == ACCOUNTING) & (runs["sex"] == "total")
    return runs[chosen & runs["run_id"].str.endswith("/" + options)]


def flow_table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """``migobs_flows/<edition>/demographic-accounting`` for each edition with default runs."""
    return [
        f"{SOURCE}/{edition}/{ACCOUNTING}" for edition in sorted(set(default_runs(con)["edition"]))
    ]


def flow_table(
    con: duckdb.DuckDBPyConnection,
    edition: str,
    sources: tuple[SourceRef, ...],
    area_sources: tuple[SourceRef, ...] = (),
) -> TidyTable:
    """The default method's flows of ``edition``, every period, with their flags; ``sources``
    are the files of the stocks and demography the runs read, ``area_sources`` those of the
    list of areas."""
    runs = default_runs(con)
    frames = [
        flows.flows(con, filters={"run_id": run_id}, limit=10_000_000).rows
        for run_id in runs.loc[runs["edition"] == edition, "run_id"]
    ]
    found = pd.concat(frames, ignore_index=True)
    iso3 = atlas.areas(con)[["m49", "iso3"]].rename(columns={"m49": "destination"})
    frame = found.merge(iso3, on="destination", how="left").rename(
        columns={
            "destination": "area",
            "destination_name": "area_name",
            "year1": "year",
            "flow": "value",
            "flow_per_year": "value_per_year",
        }
    )
    frame["estimated"] = True  # every flow is modelled
    demography = sorted(set(runs["demography"]))
    meta = TableMeta(
        name=f"{SOURCE}/{edition}/{ACCOUNTING}",
        title=f"Estimated migration flows between countries (UN DESA {edition} stocks)",
        unit="persons",
        description=(
            "Persons estimated to have moved from origin to destination (area) during each "
            "period (year is its last year), by closed demographic accounting (Abel & Cohen "
            f"2019) from the UN DESA {edition} origin x destination stocks and "
            f"{', '.join(demography)}; value_per_year is the period's annual average; "
            "converged is false where a fit missed a margin (docs/methods/flows.md)."
        ),
        sources=sources,
    )
    typed = frame[COLUMNS].astype({"area": "int64", "origin": "int64", "year": "int64"})
    return TidyTable(
        frame=typed,
        meta=meta,
        dimensions=("origin", "period"),
        areas=atlas.areas(con)[["m49", "iso3", "name", "kind"]],
        area_sources=area_sources,
    )
