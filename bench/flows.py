"""Benchmark: default demographic accounting, one 200-country period and 7 periods x 3 sexes.

Beside it, a naive baseline of the same method: per-cell Python loops for the rescale IPF sweeps
and the stayer fit (what a straightforward port of migest's loops does). Prints medians (s) and
peak traced memory (MB). Run: ``.venv/bin/python bench/flows.py``. Not a test: no assertions.
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import numpy as np

from migobs.flows.demographic import demographic_accounting

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


def main() -> None:
    """Run the benchmark and print the figures and ratios."""
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
    print(
        f"ratio naive / vectorised (1 period): {naive / fast:.0f}x; R migest 8-10 s: {8 / fast:.0f}-{10 / fast:.0f}x"
    )  # noqa: T201
    print(f"per period in the {PERIODS * SEXES}-run series: {all_runs / (PERIODS * SEXES):.4f} s")  # noqa: T201
    print(f"sweeps {result.diagnostics.fits}; largest OD gap vs naive {gap:.3g} persons")  # noqa: T201


if __name__ == "__main__":
    main()
