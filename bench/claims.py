"""Benchmark: `migobs claims` (every claim judged from a built warehouse, with its inputs and the
then-and-now figures) beside a baseline that computes the testable claims' figures straight from
the files with pandas, without provenance.

Each run is a fresh subprocess (cold imports). The warehouse is built once, before timing, in its
own subprocess. Peak memory is the timed subprocess's maxrss.

Usage: MIGOBS_MIRROR=../shared/data python bench/claims.py [--runs 5]
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

CLAIMS = """
import resource, sys
from pathlib import Path
from migobs.claims.check import evaluate
from migobs.warehouse.read import open_warehouse
with open_warehouse(Path(sys.argv[2])) as con:
    results = [r.as_dict() for r in evaluate(con)]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

BASELINE = """
import resource, sys
import pandas as pd
d = sys.argv[1] + "/"
ims = d + "undesa_ims/2017/UN_MigrantStockTotal_2017.xlsx"
t1 = pd.read_excel(ims, sheet_name="Table 1", header=None, skiprows=16, na_values=[".."])
t2 = pd.read_excel(ims, sheet_name="Table 2", header=None, skiprows=16, na_values=[".."])
world, pop = t1[t1[3] == 900].iloc[0], t2[t2[3] == 900].iloc[0]
figures = [world[11], 100 * (world[11] / world[7] - 1), 100 * world[11] / (pop[10] * 1000),
           100 * world[25] / world[11]]
wdi = lambda f: pd.read_csv(d + "wb_wdi/" + f, skiprows=4).set_index("Country Code")["2017"]
rem = wdi("API_BX.TRF.PWKR.CD.DT_DS2_en_csv_v2_38454.csv")
oda = wdi("API_DT.ODA.ALLD.CD_DS2_en_csv_v2_6030.csv")
figures += [rem["WLD"], rem["WLD"] / oda["WLD"], rem["LMY"]]
mmp = pd.read_excel(d + "iom_mmp/2022-vintage/Missing_Migrants_Global_Figures_allData.xlsx")
total = mmp.groupby("Incident year")["Total Number of Dead and Missing"].sum()
figures += [total.loc[2014:2017].sum(), total.loc[2017]]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


BUILD = """
import sys
from pathlib import Path
from migobs.config import Settings
from migobs.warehouse.build import build
from migobs.indicators.materialise import materialise_file
build(Settings(home=Path(sys.argv[2]), mirror=Path(sys.argv[1])), steps=[materialise_file])
"""


def timed(code: str, mirror: str, warehouse: str) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of one cold run of ``code`` in a subprocess."""
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, mirror, warehouse], check=True, capture_output=True, text=True
    )
    return time.perf_counter() - start, int(done.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR to the folder of official files (e.g. ../shared/data).")
    with tempfile.TemporaryDirectory() as home:
        # built in a subprocess: a large parent would lend its peak memory to the timed children
        subprocess.run([sys.executable, "-c", BUILD, mirror, home], check=True)
        warehouse = str(Path(home) / "warehouse.duckdb")
        results: dict[str, dict[str, float]] = {}
        for label, code in (("migobs claims", CLAIMS), ("pandas from the files", BASELINE)):
            runs = [timed(code, mirror, warehouse) for _ in range(args.runs)]
            results[label] = {
                "median_s": round(statistics.median(s for s, _ in runs), 3),
                "min_s": round(min(s for s, _ in runs), 3),
                "peak_mib": round(max(kib for _, kib in runs) / 1024, 1),
            }
    ratio = results["migobs claims"]["median_s"] / results["pandas from the files"]["median_s"]
    print(
        json.dumps({"runs": args.runs, **results, "claims_to_baseline": round(ratio, 3)}, indent=2)
    )


if __name__ == "__main__":
    main()
