"""Benchmark: default demographic accounting, one 200-country period and 7 periods x 3 sexes.

Beside it, a naive baseline of the same method: a Python loop over rows and columns in each
rescale IPF sweep and over birthplaces in the stayer step (what a straightforward port of
migest's loops does). With MIGOBS_MIRROR set, the same on the real 2017 edition (232
countries, WPP 2019; the warehouse is built into a temporary folder first, ~20 s), whose rescale
fits need 2,100-3,700 sweeps against the synthetic world's ~430. Prints medians (s), peak
traced memory (MB) and the machine's load average, which matters on a shared machine.
Run: ``.venv/bin/python bench/flows.py``. Not a test: no assertions.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np

from migobs.config import Settings
from migobs.flows.demographic import demographic_accounting
from migobs.flows.inputs import PeriodInputs, load_periods
from migobs.warehouse.build import build

N = 200
PERIODS = 7
SEXES = 3


def world(n: int, seed: int) -> tuple[np.ndarray, ...]:
    """A synthetic world: sparse foreign-born stocks, large native-born, births and deaths."""
    rng = np.random.default_rng(seed)
    pop = rng.lognormal(15, 1.5, n).round()
    foreign = rng.lognormal(7, 2.5, (n, n)) * (rng.random((n, n)) < 0.4)
    start = foreign.round()
    np.fill_diagonal(start, pop)
    end = (start * rng.lognormal(0.05, 0.2, (n, n))).round()
    births, deaths = (pop * 0.09).round(), (pop * 0.04).round()
    return start, end, births, deaths


def naive_ipf(
    seed: np.ndarray, rows: np.ndarray, cols: np.ndarray, tol: float = 1e-3
) -> np.ndarray:
    """Rows then columns, one Python loop per row and column, mipfp's stopping rule."""
    x = seed.copy()
    for _ in range(100_000):
        before = x.copy()
        for i in range(x.shape[0]):
            total = x[i].sum()
            x[i] *= rows[i] / total if total > 0 and rows[i] > 0 else 0.0
        for j in range(x.shape[1]):
            total = x[:, j].sum()
            x[:, j] *= cols[j] / total if total > 0 and cols[j] > 0 else 0.0
        if np.abs(x - before).max() < tol:
            break
    return x


def naive_default(
    start: np.ndarray, end: np.ndarray, births: np.ndarray, deaths: np.ndarray
) -> np.ndarray:
    """The default method with loops (global balance without rounding, for brevity)."""
    gap = (births.sum() - deaths.sum()) - (end.sum() - start.sum())
    s, e = start.copy(), end.copy()
    idx = np.diag_indices_from(s)
    s[idx] -= gap / 2 * np.diag(s) / np.diag(s).sum()
    e[idx] += gap / 2 * np.diag(e) / np.diag(e).sum()
    s = s - s * deaths / s.sum(axis=0)
    e = e - np.diag(births)
    d = s.sum(axis=1) - e.sum(axis=1)
    s = naive_ipf(s, s.sum(axis=1) - d / 2, s.sum(axis=0))
    e = naive_ipf(e, e.sum(axis=1) + d / 2, e.sum(axis=0))
    n = s.shape[0]
    od = np.zeros((n, n))
    for k in range(n):
        leave = np.maximum(s[k] - e[k], 0.0)
        arrive = np.maximum(e[k] - s[k], 0.0)
        if leave.sum() > 0 and arrive.sum() > 0:
            od += np.outer(leave, arrive / arrive.sum())
    np.fill_diagonal(od, 0.0)
    return od


def measure(label: str, run: Callable[[], object], reps: int) -> float:
    """Print and return the median wall time, with peak traced memory of one run."""
    times = []
    for _ in range(reps):
        began = time.perf_counter()
        run()
        times.append(time.perf_counter() - began)
    tracemalloc.start()
    run()
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    median = statistics.median(times)
    print(
        f"{label:<48} median {median:8.4f} s  (min {min(times):.4f}, reps {reps})  peak {peak:7.1f} MB"
    )  # noqa: T201
    return median


def synthetic() -> None:
    """The 200-country synthetic world: one period, with the array, the series, the baseline."""
    names = [f"c{i}" for i in range(N)]
    worlds = [world(N, seed) for seed in range(PERIODS * SEXES)]
    one = worlds[0]
    fast = measure("vectorised, 1 period, OD only", lambda: demographic_accounting(*one, names), 7)
    measure(
        "vectorised, 1 period, with n^3 array",
        lambda: demographic_accounting(*one, names, want_array=True),
        5,
    )
    all_runs = measure(
        f"vectorised, {PERIODS} periods x {SEXES} sexes",
        lambda: [demographic_accounting(*w, names) for w in worlds],
        3,
    )
    with ThreadPoolExecutor(max_workers=2) as pool:
        measure(
            f"vectorised, {PERIODS} x {SEXES}, 2 threads",
            lambda: list(pool.map(lambda w: demographic_accounting(*w, names), worlds)),
            3,
        )
    naive = measure("naive loops, 1 period", lambda: naive_default(*one), 3)
    result = demographic_accounting(*one, names)
    gap = np.abs(result.od - naive_default(*one)).max()
    sweeps = {name: fit["sweeps"] for name, fit in result.diagnostics.fits.items()}
    print(f"ratio naive / vectorised (1 period): {naive / fast:.0f}x")  # noqa: T201
    print(f"per period in the {PERIODS * SEXES}-run series: {all_runs / (PERIODS * SEXES):.4f} s")  # noqa: T201
    print(f"sweeps {sweeps}; largest OD gap vs naive {gap:.3g} persons")  # noqa: T201
    # methods.md section 12: migest at 200 countries, 2020-24, 472 + 430 rescale sweeps: 5.1 s.
    print(f"R migest, 200 countries, 902 sweeps (closest R run): 5.1 s, {5.1 / fast:.0f}x")  # noqa: T201


def real(mirror: str) -> None:
    """The real 2017 edition: each period, the six-period series, the baseline on 1990-95."""
    with tempfile.TemporaryDirectory() as home:
        warehouse = build(Settings(home=Path(home), mirror=Path(mirror))).path
        periods = load_periods(warehouse, "2017")
    times = [measure_period(period) for period in periods]
    first = periods[0]
    args = (first.start, first.end, first.births, first.deaths)
    names = [str(code) for code in first.codes]
    series = measure(
        f"real, all {len(periods)} periods",
        lambda: [
            demographic_accounting(p.start, p.end, p.births, p.deaths, names) for p in periods
        ],
        3,
    )
    naive = measure("real, naive loops, 1990-1995", lambda: naive_default(*args), 1)
    gap = np.abs(demographic_accounting(*args, names).od - naive_default(*args)).max()
    print(  # noqa: T201
        f"real: per period median {statistics.median(times):.3f} s (range {min(times):.3f}-"
        f"{max(times):.3f}); series {series:.2f} s; naive / vectorised 1990-95 "
        f"{naive / times[0]:.0f}x; largest OD gap vs naive {gap:.3g} persons"
    )
    # methods.md section 12: migest, 230 countries, 1990-95, 2,540 + 1,418 sweeps: 17.5 s.
    print(f"R migest, 230 countries 1990-95 (3,958 sweeps): 17.5 s, {17.5 / times[0]:.0f}x")  # noqa: T201


def measure_period(period: PeriodInputs) -> float:
    """Median time of one real period, labelled with its years, size and sweeps."""
    names = [str(code) for code in period.codes]
    args = (period.start, period.end, period.births, period.deaths, names)
    fits = demographic_accounting(*args).diagnostics.fits
    sweeps = "+".join(str(fit["sweeps"]) for fit in fits.values())
    label = f"real {period.year0}-{period.year1}, n={len(names)}, {sweeps} sweeps"
    return measure(label, lambda: demographic_accounting(*args), 5)


def main() -> None:
    """Run the benchmark and print the figures and ratios, with the load before and after."""
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")  # noqa: T201
    synthetic()
    mirror = os.environ.get("MIGOBS_MIRROR")
    if mirror:
        real(mirror)
    else:
        print("MIGOBS_MIRROR not set: real-data case skipped")  # noqa: T201
    print(f"load average {os.getloadavg()[0]:.1f} at the end")  # noqa: T201


if __name__ == "__main__":
    main()
