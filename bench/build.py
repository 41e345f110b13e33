"""Benchmark: `migobs build` on the mirror from cold, beside a pandas/openpyxl baseline.

Each run is a fresh subprocess (cold imports, empty data directory). The baseline reads the same
sheets of the same files with ``pandas.read_excel(engine="openpyxl")`` (the CSVs with
``pandas.read_csv``, the UNHCR table with pyreadr, the boundaries with ``json``) and does nothing else, so
the ratio says what the whole build (parse, map, load, check, swap) costs against merely
opening the workbooks the usual way. Peak memory is the subprocess's maxrss.

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
from pathlib import Path
from migobs.config import Settings
from migobs.indicators.materialise import materialise_file
from migobs.warehouse.build import build
build(Settings(home=Path(sys.argv[2]), mirror=Path(sys.argv[1])), steps=[materialise_file])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def timed(code: str, mirror: str) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of one cold run of ``code`` in a subprocess."""
    with tempfile.TemporaryDirectory() as home:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", code, mirror, home], check=True, capture_output=True, text=True
        )
        return time.perf_counter() - start, int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR to the folder of official files (e.g. ../shared/data).")
    results: dict[str, dict[str, float]] = {}
    for label, code in (("migobs build", BUILD), ("pandas+openpyxl read", BASELINE)):
        runs = [timed(code, mirror) for _ in range(args.runs)]
        results[label] = {
            "median_s": round(statistics.median(s for s, _ in runs), 3),
            "min_s": round(min(s for s, _ in runs), 3),
            "peak_mib": round(max(kib for _, kib in runs) / 1024, 1),
        }
    ratio = results["migobs build"]["median_s"] / results["pandas+openpyxl read"]["median_s"]
    print(
        json.dumps({"runs": args.runs, **results, "build_to_baseline": round(ratio, 3)}, indent=2)
    )


if __name__ == "__main__":
    main()
