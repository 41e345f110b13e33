"""Benchmark: writing the largest export of the real warehouse (UN DESA 2017 origin x
destination, about 120,000 rows) as CSV and as SDMX-CSV 2.0, beside a baseline that writes the
same frame with ``pandas.DataFrame.to_csv`` alone (no codes as text, no formula escaping, no SDMX
coding).

The warehouse (UN DESA only) is built once before timing (``MIGOBS_MIRROR``); each format is
timed in this process beside the baseline, and the medians, their ratio and the process's peak
memory (maxrss) printed.

Usage: MIGOBS_MIRROR=../shared/data python bench/exports.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from migobs.config import Settings
from migobs.exports.datasets import dataset
from migobs.exports.sdmx.csv import write_sdmx_csv2
from migobs.exports.table import TidyTable
from migobs.exports.tabular import write_csv
from migobs.warehouse.build import build
from migobs.warehouse.read import open_warehouse

TABLE = "undesa_stock/2017/by_destination_origin"


def timed(write: Callable[[Path], object], runs: int) -> float:
    """The median seconds of ``runs`` runs of ``write``, each into a fresh folder."""
    seconds = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            start = time.perf_counter()
            write(Path(folder))
            seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def baseline(table: TidyTable) -> Callable[[Path], object]:
    """The same rows written by pandas alone."""
    return lambda folder: table.frame.to_csv(folder / "plain.csv", index=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    mirror = Path(os.environ["MIGOBS_MIRROR"])
    with tempfile.TemporaryDirectory() as home:
        path = build(Settings(home=Path(home), mirror=mirror), only=("undesa_stock",)).path
        with open_warehouse(path) as con:
            table = dataset(con, TABLE)
    print(f"{TABLE}: {len(table.frame):,} rows, {runs} runs each")
    for name, writer in (("csv", write_csv), ("sdmx-csv-2", write_sdmx_csv2)):
        base = timed(baseline(table), runs)
        mine = timed(lambda folder, w=writer: w(table, folder), runs)  # type: ignore[misc]
        print(
            f"{name:11} median {mine:.3f} s, baseline (pandas to_csv) {base:.3f} s, "
            f"ratio {mine / base:.2f}"
        )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process {peak:.0f} MiB")


if __name__ == "__main__":
    main()
