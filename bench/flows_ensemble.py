"""Benchmark: flow ensembles on the real 2017 edition (232 countries, WPP 2019).

Draws per second on 1 process (this one), 2 local processes (LocalCluster) and a 2-worker
dask.distributed cluster started here with ``dask scheduler`` and ``dask worker`` on loopback;
the scaling efficiency (draws/s on 2 / (2 x draws/s on 1)); peak memory (max RSS of this
process, and of the worker processes where psutil sees them); and the projection for 10,000
draws x 6 periods on 64 cores from the measured per-draw cost and per-task overhead. The
baseline is the one-process run in the same session. Ports 8761-8779 (MIGOBS_DASK_PORTS).
Run: ``MIGOBS_MIRROR=... .venv/bin/python bench/flows_ensemble.py [DRAWS] [PERIOD]``.
Not a test: no assertions.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
from pathlib import Path

import psutil

from migobs.config import Settings
from migobs.flows.ensemble import PeriodData
from migobs.flows.ensemble_inputs import edition_periods
from migobs.flows.ensemble_run import CHUNK_DRAWS, EnsembleSettings, run_ensemble
from migobs.warehouse.build import build

sys.path.insert(0, str(Path(__file__).parents[1]))  # the checkout, for tests.support
from tests.support.dask_cluster import loopback_cluster  # noqa: E402

PORTS = (8761, 8769)


def timed(periods: list[PeriodData], label: str, **how: object) -> float:
    """Draws per second of one ensemble run (method range included), printed with its time."""
    draws = int(how.pop("draws"))  # type: ignore[call-overload]
    result = run_ensemble(periods, EnsembleSettings(draws=draws, seed=1, **how))  # type: ignore[arg-type]
    rate = draws * len(periods) / result.seconds
    total = result.totals.iloc[0]
    print(  # noqa: T201
        f"{label}: {result.seconds:.1f} s for {draws} draws x {len(periods)} period(s), "
        f"{rate:.2f} draws/s; total {total['flow'] / 1e6:.2f} M, 90% "
        f"{total['lower'] / 1e6:.2f}-{total['upper'] / 1e6:.2f} M"
    )
    return rate


def peak_children_mib() -> float:
    """Largest resident memory of this process's descendants now (MiB)."""
    sizes = [c.memory_info().rss for c in psutil.Process().children(recursive=True)]
    return max(sizes, default=0) / 2**20


def main() -> None:
    draws = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    period = sys.argv[2] if len(sys.argv) > 2 else "2010-2015"
    y0, y1 = (int(y) for y in period.split("-"))
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # noqa: T201
    with tempfile.TemporaryDirectory() as home:
        warehouse = build(Settings(home=Path(home), mirror=Path(os.environ["MIGOBS_MIRROR"]))).path
        periods = edition_periods(warehouse, "2017", periods=[(y0, y1)])
    one = timed(periods, "1 process (baseline)", draws=draws)
    two = timed(periods, "2 local processes", draws=draws, workers=2, ports=PORTS)
    with loopback_cluster(2) as address:
        cluster = timed(periods, "2-worker dask cluster", draws=draws, scheduler=address)
        workers_mib = peak_children_mib()
    driver_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(  # noqa: T201
        f"scaling efficiency: 2 local {two / (2 * one):.2f}, dask cluster {cluster / (2 * one):.2f}; "
        f"peak RSS: this process {driver_mib:.0f} MiB, a worker {workers_mib:.0f} MiB"
    )
    per_draw = 1 / one
    tasks = 10_000 * 6 / CHUNK_DRAWS
    hours = (10_000 * 6 * per_draw / 64) / 3600
    print(  # noqa: T201
        f"projection, 10,000 draws x 6 periods on 64 cores: {per_draw:.2f} s a draw -> "
        f"{hours:.2f} h of compute at perfect scaling, {tasks:,.0f} tasks"
    )
    print(f"load average {os.getloadavg()[0]:.1f} at the end")  # noqa: T201


if __name__ == "__main__":
    main()
