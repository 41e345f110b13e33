"""Running an ensemble: in this process (one worker), on local worker processes (a
``dask.distributed`` LocalCluster), or on an existing Dask cluster (``scheduler``).

The tasks are the method range of each period and the period's draws in chunks; at most a few
tasks per worker are in flight, and each finished chunk goes straight to the
:class:`~migobs.flows.ensemble_reduce.DrawSink`, so memory stays bounded however many draws are
asked for. Results do not depend on where a draw runs (:mod:`migobs.flows.ensemble`). Dask is
imported only when a cluster is used.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from migobs.flows.demographic import AccountingOptions, demographic_accounting
from migobs.flows.ensemble import PeriodData, method_range, run_draws
from migobs.flows.ensemble_reduce import DrawSink
from migobs.flows.perturb import NoiseScales

CHUNK_DRAWS = 10
IN_FLIGHT_PER_WORKER = 2

Progress = Callable[[str, int], None]
"""Called with a period's label and the number of draws just done."""


@dataclass(frozen=True)
class EnsembleSettings:
    """How an ensemble runs: ``draws`` per period from one ``seed``; the default method's
    ``options``; noise ``scales``; ``workers`` local processes (1: this process) or an existing
    cluster at ``scheduler`` (``tcp://host:port``); ``ports`` (first, last) for a local cluster
    (``None``: any free port)."""

    draws: int
    seed: int
    scales: NoiseScales = field(default_factory=NoiseScales)
    options: AccountingOptions = field(default_factory=AccountingOptions)
    workers: int = 1
    scheduler: str | None = None
    ports: tuple[int, int] | None = None


@dataclass(frozen=True)
class EnsembleResult:
    """Per corridor and period (``corridors``: ``period, origin, destination, flow, lower,
    upper, median, method_min, method_max, draws``), per period (``totals``: the same for the
    world total, plus ``failed`` draws), the wall-clock ``seconds`` and what ran it."""

    corridors: pd.DataFrame
    totals: pd.DataFrame
    seconds: float
    ran_on: str
    failed: dict[str, list[str]]


def run_ensemble(
    periods: list[PeriodData], settings: EnsembleSettings, progress: Progress | None = None
) -> EnsembleResult:
    """Point estimate, method range and draws of every period, reduced to quantiles."""
    began = time.perf_counter()
    tasks = _tasks(periods, settings)
    ranges: dict[int, tuple[np.ndarray, np.ndarray, list[float]]] = {}
    with tempfile.TemporaryDirectory(prefix="migobs-ensemble-") as tmp:
        sink = DrawSink(Path(tmp))
        with _runner(settings) as (run, ran_on):
            for kind, period, result in run(periods, tasks):
                if kind == "range":
                    ranges[period] = result[:3]
                    continue
                sink.add(period, result)
                if progress is not None:
                    progress(periods[period].label, len(result))
        quantiles = sink.quantiles()
    seconds = time.perf_counter() - began
    corridors, totals = _assemble(periods, settings, ranges, sink, quantiles)
    failed = {periods[p].label: reasons for p, reasons in sink.failed.items()}
    return EnsembleResult(corridors, totals, seconds, ran_on, failed)


Task = tuple[str, int, list[int]]


def _tasks(periods: list[PeriodData], settings: EnsembleSettings) -> list[Task]:
    """The method range of each period first, then its draws in chunks."""
    tasks: list[Task] = [("range", p, []) for p in range(len(periods))]
    for p in range(len(periods)):
        for first in range(0, settings.draws, CHUNK_DRAWS):
            tasks.append(("draws", p, list(range(first, min(first + CHUNK_DRAWS, settings.draws)))))
    return tasks


def _run_task(data: PeriodData, settings: EnsembleSettings, task: Task) -> Any:
    kind, period, draws = task
    if kind == "range":
        return method_range(data)
    return run_draws(data, settings.scales, settings.options, settings.seed, period, draws)


Runner = Callable[[list[PeriodData], list[Task]], Iterator[tuple[str, int, Any]]]


class _runner:
    """Context manager giving a task runner and a description of where it runs."""

    def __init__(self, settings: EnsembleSettings) -> None:
        self.settings = settings
        self.client: Any = None
        self._close: list[Any] = []

    def __enter__(self) -> tuple[Runner, str]:
        settings = self.settings
        if settings.scheduler is None and settings.workers == 1:
            return self._in_process, "this process"
        import distributed

        dask: Any = distributed  # untyped
        if settings.scheduler is not None:
            client = dask.Client(settings.scheduler, timeout="30s")
            ran_on = f"the Dask cluster at {settings.scheduler}"
        else:
            cluster = dask.LocalCluster(**_local_cluster(settings.workers, settings.ports))
            self._close.append(cluster)
            client = dask.Client(cluster)
            ran_on = f"{settings.workers} local processes"
        self._close.insert(0, client)
        self.client = client
        return self._on_dask, ran_on

    def __exit__(self, *exc: object) -> None:
        for closable in self._close:
            closable.close()

    def _in_process(
        self, periods: list[PeriodData], tasks: list[Task]
    ) -> Iterator[tuple[str, int, Any]]:
        for task in tasks:
            yield task[0], task[1], _run_task(periods[task[1]], self.settings, task)

    def _on_dask(
        self, periods: list[PeriodData], tasks: list[Task]
    ) -> Iterator[tuple[str, int, Any]]:
        from distributed import as_completed

        client: Any = self.client
        data = client.scatter(periods, broadcast=True)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        pending = iter(tasks)
        keys: dict[Any, Task] = {}

        def submit() -> Any:
            task = next(pending, None)
            if task is None:
                return None
            future = client.submit(_run_task, data[task[1]], self.settings, task, pure=False)
            keys[future.key] = task
            return future

        first = [f for f in (submit() for _ in range(workers * IN_FLIGHT_PER_WORKER)) if f]
        completed: Any = as_completed
        queue = completed(first)
        for future in queue:
            task = keys.pop(future.key)
            result = future.result()
            future.release()
            following = submit()
            if following is not None:
                queue.add(following)
            yield task[0], task[1], result


def _local_cluster(workers: int, ports: tuple[int, int] | None) -> dict[str, Any]:
    """LocalCluster arguments: loopback, one thread a worker, no dashboard, ports in range."""
    options: dict[str, Any] = {
        "n_workers": workers,
        "threads_per_worker": 1,
        "processes": True,
        "host": "127.0.0.1",
        "dashboard_address": None,
        "scheduler_port": 0,
    }
    if ports is not None:
        first, last = ports
        middle = first + 1 + (last - first) // 2
        options |= {
            "scheduler_port": first,
            "port": f"{first + 1}:{middle - 1}",
            "worker_port": f"{middle}:{last}",
        }
    return options


def _assemble(
    periods: list[PeriodData],
    settings: EnsembleSettings,
    ranges: dict[int, tuple[np.ndarray, np.ndarray, list[float]]],
    sink: DrawSink,
    quantiles: pd.DataFrame,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Join point estimates, method ranges and quantiles per corridor, and sum per period."""
    frames, totals = [], []
    for p, data in enumerate(periods):
        point = demographic_accounting(
            data.start, data.end, data.births, data.deaths, data.names, settings.options
        ).od
        low, high, method_totals = ranges[p]
        mine = quantiles[quantiles["period"] == p].set_index(["orig", "dest"])
        cells = set(zip(*np.nonzero(point + low + high), strict=True)) | set(mine.index)
        orig, dest = np.array(sorted(cells), dtype=np.int64).reshape(-1, 2).T
        q = mine.reindex(pd.MultiIndex.from_arrays([orig, dest]), fill_value=0.0)
        names = np.array(data.names, dtype=object)
        draws = sink.done.get(p, 0)
        flow = point[orig, dest]
        lower, upper = centred(flow, q["lower"].to_numpy(), q["median"].to_numpy(), q["upper"])
        frames.append(
            pd.DataFrame(
                {
                    "period": data.label,
                    "origin": names[orig],
                    "destination": names[dest],
                    "flow": flow,
                    "lower": lower,
                    "upper": upper,
                    "median": q["median"].to_numpy(),
                    "method_min": low[orig, dest],
                    "method_max": high[orig, dest],
                    "draws": draws,
                }
            )
        )
        totals.append(_total(data.label, float(point.sum()), sink, p, method_totals))
    return pd.concat(frames, ignore_index=True), pd.DataFrame(totals)


def centred(
    point: np.ndarray, low: np.ndarray, median: np.ndarray, high: Any
) -> tuple[np.ndarray, np.ndarray]:
    """The 90% interval from the draws' 5th and 95th percentiles, corrected for bias.

    Noisy inputs add spurious moves to a minimum-migration estimate, so the estimate from the
    observed inputs sits above the truth by about as much as the draws' median sits above it
    (``bias = median - point``). The draws' percentiles are moved down by twice that bias (once
    for the draws' own, once for the estimate's) and the interval is widened to hold the point
    estimate, floored at 0 (docs/methods/flows.md, "Uncertainty")."""
    bias = median - point
    lower = np.maximum(low - 2 * bias, 0.0)
    upper = np.asarray(high, dtype=np.float64) - 2 * bias
    return np.minimum(lower, point), np.maximum(upper, point)


def _total(
    label: str, point: float, sink: DrawSink, p: int, method_totals: list[float]
) -> dict[str, Any]:
    """The world total's interval over the period's draws (one number a draw)."""
    sums = np.array(sink.totals.get(p, [np.nan]))
    q05, q50, q95 = (float(np.quantile(sums, q)) for q in (0.05, 0.5, 0.95))
    lower, upper = centred(np.array([point]), np.array([q05]), np.array([q50]), np.array([q95]))
    return {
        "period": label,
        "flow": point,
        "lower": float(lower[0]),
        "upper": float(upper[0]),
        "median": q50,
        "method_min": min(method_totals),
        "method_max": max(method_totals),
        "draws": sink.done.get(p, 0),
        "failed": len(sink.failed.get(p, [])),
    }
