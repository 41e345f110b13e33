"""Benchmark: `migobs build` on the mirror from cold, beside its baselines, in one run.

Each run is a fresh subprocess (cold imports, empty data directory); the variants are
interleaved, run after run, and the load average is noted before each. The variants:

- ``migobs build``: what the command does: every source, the indicators stored, worker
  processes (one per core) parsing ahead and computing the indicators;
- ``one process (--workers 1)``: the same build in one process (as before issue 12's last step);
- ``without the indicator step``: the build alone, what the indicators cost on top;
- ``pandas+openpyxl read``: the same sheets of the same files read with
  ``pandas.read_excel(engine="openpyxl")`` (the CSVs with ``pandas.read_csv``, the UNHCR table
  with pyreadr, the boundaries with ``json``) and nothing else, so the ratio says what the whole
  build (parse, map, load, check, swap) costs against merely opening the workbooks the usual way.

Peak memory: the subprocess's own maxrss, and the largest sum of the resident memory of it and
its descendants (the worker processes), sampled every 0.1 s.

Usage: MIGOBS_MIRROR=../shared/data python bench/build.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASELINE = """
import resource, sys
import pandas as pd
from migobs.sources import catalog
mirror = sys.argv[1]
for name in ("undesa_stock", "wpp"):
    for edition in catalog.source(name).editions.values():
        for spec in edition.files.values():
            path = f"{mirror}/{spec.mirror_path}"
            try:
                sheets = pd.ExcelFile(path, engine="openpyxl").sheet_names
            except FileNotFoundError:
                continue
            for sheet in sheets:
                if sheet.startswith("Table") or sheet in ("Sheet1", "ESTIMATES", "MEDIUM VARIANT", "ANNEX"):
                    pd.read_excel(path, sheet_name=sheet, header=None, engine="openpyxl")
# the other sources, each read the usual way (pandas/openpyxl, pyreadr, json)
import json, pyreadr
OTHER_SHEETS = {"remittances": "Bilateral_Remittances_2017", "migrant_stocks": "Bilateral_Migration_2017", "incidents": "Worksheet"}
for name in ("wdi", "knomad", "rpw", "iom_mmp", "unhcr", "natural_earth"):
    for edition in catalog.source(name).editions.values():
        for spec in edition.files.values():
            path = f"{mirror}/{spec.mirror_path}"
            if path.endswith(".csv"):
                pd.read_csv(path, skiprows=4 if spec.name.startswith("API_") else 0)
            elif path.endswith(".xlsx"):
                pd.read_excel(path, sheet_name=OTHER_SHEETS[spec.key], header=None, engine="openpyxl")
            elif path.endswith(".rda"):
                pyreadr.read_r(path)
            elif spec.key == "countries":
                json.load(open(path))
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BUILD = """
import resource, sys
from functools import partial
from pathlib import Path
from migobs.config import Settings
from migobs.indicators.materialise import materialise_file
from migobs.warehouse.build import build
workers = int(sys.argv[3])
step = partial(materialise_file, workers=workers)
settings = Settings(home=Path(sys.argv[2]), mirror=Path(sys.argv[1]))
build(settings, steps=[step] if sys.argv[4] == "with" else [], workers=workers)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

VARIANTS = {
    "migobs build": (BUILD, ["0", "with"]),
    "one process (--workers 1)": (BUILD, ["1", "with"]),
    "without the indicator step": (BUILD, ["0", "without"]),
    "pandas+openpyxl read": (BASELINE, []),
}


def timed(code: str, mirror: str, extra: list[str]) -> tuple[float, int, int, float]:
    """Seconds, peak memory (KiB) of the process and of its process tree, and the load average
    before one cold run of ``code`` in a subprocess."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-c", code, mirror, home, *extra], stdout=subprocess.PIPE, text=True
        )
        tree = 0
        while process.poll() is None:
            tree = max(tree, tree_rss(process.pid))
            time.sleep(0.1)
        seconds = time.perf_counter() - start
        out = process.stdout.read() if process.stdout else ""
        if process.returncode:
            sys.exit(f"a run failed ({process.returncode})")
        own = int(out.split()[-1])
        return seconds, own, max(tree, own), load


def tree_rss(root: int) -> int:
    """Resident memory (KiB) of process ``root`` and its descendants, from /proc (0 elsewhere)."""
    parents: dict[int, int] = {}
    resident: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(stat.parent.name)
        parents[pid], resident[pid] = int(fields[1]), int(fields[21]) * PAGE_KIB
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += resident.get(pid, 0)
        stack.extend(child for child, parent in parents.items() if parent == pid)
    return total


PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024 if hasattr(os, "sysconf") else 4


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR to the folder of official files (e.g. ../shared/data).")
    samples: dict[str, list[tuple[float, int, int, float]]] = {name: [] for name in VARIANTS}
    for _ in range(args.runs):
        for name, (code, extra) in VARIANTS.items():
            samples[name].append(timed(code, mirror, extra))
    results = {
        name: {
            "median_s": round(statistics.median(s for s, _, _, _ in runs), 3),
            "min_s": round(min(s for s, _, _, _ in runs), 3),
            "peak_mib": round(max(kib for _, kib, _, _ in runs) / 1024, 1),
            "tree_peak_mib": round(max(kib for _, _, kib, _ in runs) / 1024, 1),
            "load_average": [round(load, 2) for _, _, _, load in runs],
        }
        for name, runs in samples.items()
    }
    medians = {name: statistics.median(s for s, _, _, _ in runs) for name, runs in samples.items()}
    ratios = {
        f"build_to_{key}": round(medians["migobs build"] / medians[name], 3)
        for key, name in (
            ("one_process", "one process (--workers 1)"),
            ("without_indicators", "without the indicator step"),
            ("baseline", "pandas+openpyxl read"),
        )
    }
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(json.dumps({"runs": args.runs, "cores": cores, **results, **ratios}, indent=2))


if __name__ == "__main__":
    main()
