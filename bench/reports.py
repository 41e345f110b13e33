"""Benchmark: a country report as a PDF (WeasyPrint) beside the same report as Markdown, in
three scripts (English, Arabic, Chinese), and the API's PDF first and then kept.

Reads the warehouse at MIGOBS_WAREHOUSE (or builds one from MIGOBS_MIRROR into a temporary
home). For Mexico (484): the report's computation once (``country_report``), then each
rendering ``--runs`` times interleaved, Markdown (the baseline: the same report without layout)
and PDF; medians, the ratio, the PDF's size and this process's peak memory. Then the app served
on loopback: the first ``GET /api/reports/484.pdf?lang=zh`` (computed) and the next ones
(answered from the response store, migobs/http/caching.py).

Usage: MIGOBS_WAREHOUSE=path/to/warehouse.duckdb python bench/reports.py [--runs 5]
Not a test: no assertions.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parents[1]))
from migobs.config import Settings  # noqa: E402
from migobs.i18n import speaking  # noqa: E402
from migobs.reports import country_report, markdown, pdf  # noqa: E402
from migobs.warehouse.build import build  # noqa: E402
from migobs.warehouse.read import open_warehouse  # noqa: E402
from tests.support.live import serve_in_thread  # noqa: E402

AREA = 484


def warehouse() -> Path:
    """The warehouse to read: MIGOBS_WAREHOUSE, or one built from MIGOBS_MIRROR."""
    if "MIGOBS_WAREHOUSE" in os.environ:
        return Path(os.environ["MIGOBS_WAREHOUSE"])
    home = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    return build(Settings(home=home, mirror=Path(os.environ["MIGOBS_MIRROR"]))).path


def seconds(work: Callable[[], object]) -> float:
    """Wall time of one call of ``work``."""
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def renderings(path: Path, runs: int) -> dict[str, dict[str, float]]:
    """Median seconds of Markdown and PDF in each language, the ratio and the PDF's size."""
    con = open_warehouse(path)
    started = time.perf_counter()
    report = country_report(con, AREA)
    computed = time.perf_counter() - started
    pdf(report)  # WeasyPrint's imports and fontconfig's first look at the fonts
    results: dict[str, dict[str, float]] = {"report computed": {"seconds": round(computed, 3)}}
    for lang in ("en", "ar", "zh"):
        with speaking(lang):
            times: dict[str, list[float]] = {"markdown": [], "pdf": []}
            for _ in range(runs):
                times["markdown"].append(seconds(lambda: markdown(report)))
                times["pdf"].append(seconds(lambda: pdf(report)))
            size = len(pdf(report))
        medians = {kind: statistics.median(values) for kind, values in times.items()}
        results[lang] = {
            "markdown s": round(medians["markdown"], 4),
            "pdf s": round(medians["pdf"], 3),
            "ratio": round(medians["pdf"] / medians["markdown"]),
            "pdf kB": size // 1024,
        }
    results["peak memory MiB"] = {
        "this process": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    }
    return results


def served(path: Path, runs: int) -> dict[str, float]:
    """The API's PDF: the first request (computed) and the median of the next (kept)."""
    settings = Settings(home=path.parent, warehouse_path=path)
    url = f"/api/reports/{AREA}.pdf?lang=zh"
    for base in serve_in_thread(settings):
        with httpx.Client(base_url=base, timeout=120) as client:
            first = seconds(lambda: client.get(url).raise_for_status())
            kept = statistics.median(
                seconds(lambda: client.get(url).raise_for_status()) for _ in range(runs)
            )
    return {"first s": round(first, 3), "kept s": round(kept, 4), "ratio": round(first / kept)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    path = warehouse()
    results = {"render": renderings(path, runs), "api": served(path, runs)}
    results["load average"] = {"1 min": round(os.getloadavg()[0], 2)}
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
