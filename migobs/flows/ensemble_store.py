"""Storing an ensemble in the warehouse: its settings, seed, draws and timings in
``flow_ensembles``, and per corridor and period the point estimate, interval, median and method
range in ``flow_intervals``, keyed by the default method's run id so that the flow lists can
show intervals beside the stored flows. The same edition, demography, draws and seed replace
their own earlier ensemble."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict
from pathlib import Path

from migobs.flows.ensemble import METHOD_ENSEMBLE
from migobs.flows.ensemble_run import CHUNK_DRAWS, EnsembleResult, EnsembleSettings
from migobs.flows.estimate import run_key
from migobs.warehouse import schema
from migobs.warehouse.amend import amending


def ensemble_id(edition: str, wpp_edition: str, settings: EnsembleSettings) -> str:
    """``ensemble/<edition>/wpp-<wpp>/draws-<N>/seed-<S>``."""
    return f"ensemble/{edition}/wpp-{wpp_edition}/draws-{settings.draws}/seed-{settings.seed}"


def store_ensemble(
    warehouse: Path,
    edition: str,
    wpp_edition: str,
    settings: EnsembleSettings,
    result: EnsembleResult,
) -> str:
    """Write ``result`` into the warehouse (a copy swapped in when complete); return its id."""
    ident = ensemble_id(edition, wpp_edition, settings)
    key = run_key(edition, "total", wpp_edition, settings.options)
    described = {
        "scales": asdict(settings.scales),
        "options": asdict(settings.options),
        "method_ensemble": [variant.name for variant in METHOD_ENSEMBLE],
        "draws_per_task": CHUNK_DRAWS,
        "workers": settings.workers,
        "scheduler": settings.scheduler,
    }
    periods = result.totals.to_dict("records")
    for period in periods:
        period["failed_draws"] = result.failed.get(str(period["period"]), [])[:20]
    corridors = result.corridors.assign(
        ensemble_id=ident,
        run_id=result.corridors["period"].map(lambda label: key.format(period=label)),
        orig=result.corridors["origin"].astype(int),
        dest=result.corridors["destination"].astype(int),
    )
    with amending(warehouse) as con:
        schema.create_missing(con)
        con.execute("DELETE FROM flow_intervals WHERE ensemble_id = ?", [ident])
        con.execute("DELETE FROM flow_ensembles WHERE ensemble_id = ?", [ident])
        con.execute(
            "INSERT INTO flow_ensembles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                ident,
                edition,
                f"wpp/{wpp_edition}",
                settings.seed,
                settings.draws,
                json.dumps(described),
                json.dumps(periods),
                result.ran_on,
                result.seconds,
                dt.datetime.now(dt.UTC).replace(tzinfo=None),
            ],
        )
        con.register("new_intervals", corridors)
        con.execute(
            "INSERT INTO flow_intervals SELECT ensemble_id, run_id, period, orig, dest, flow, "
            "lower, median, upper, method_min, method_max, draws FROM new_intervals"
        )
        con.unregister("new_intervals")
    return ident
