"""Benchmark: indicators computed once per build (issue 12, item 2) against computing them per
request, in one run.

1. Build: `migobs build` (loads, checks and stores every indicator) against the same build
   without the indicator step (the baseline), as whole processes from cold, interleaved.
2. First and second request per page kind on a fresh `migobs serve` (one server per URL, so
   each first request is a first), on the warehouse with stored indicators and on the
   baseline's (which has none: the registry computes them live, as before).
3. `migobs export indicator/<code>` (every format) and `migobs claims --json` as whole
   processes on both warehouses.

Medians over ``--runs``; peak memory is each process's maxrss (the server's VmHWM).

Usage: MIGOBS_MIRROR=../shared/data python bench/first.py [--runs 3] [--build-runs 3]
Results: printed as JSON and written to bench/results/first.json.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).parent))
from api import wait_until_up  # noqa: E402

URLS = {
    "map of an indicator": "/world?variable=sdg.10.7.4",
    "map of a share": "/world?variable=stock.share_of_population",
    "country page": "/country/404",
    "country page (another)": "/country/484",
    "indicator values API": "/api/indicators/sdg.10.c.1/values?year=2019",
    "indicator value API": "/api/indicators/sdg.17.3.2/areas/484?year=2020",
    "report page": "/report",
}
EXPORTS = ["sdg.10.7.4", "stock.total", "sdg.10.c.1.quarterly"]

WITHOUT = """
import sys
from pathlib import Path
from migobs.config import Settings
from migobs.warehouse.build import build
build(Settings(home=Path(sys.argv[1]), mirror=Path(sys.argv[2])))
"""


def run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Seconds and peak MiB of one whole process (its own maxrss)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed ({process.returncode})")
    return seconds, usage.ru_maxrss / 1024


def port(ports: range) -> int:
    """The first port of ``ports`` free on loopback."""
    for candidate in ports:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", candidate))
            except OSError:
                continue
            return candidate
    sys.exit(f"no free port in {ports.start}-{ports.stop - 1}")


def summary(samples: list[tuple[float, float]]) -> dict[str, float]:
    """Median seconds, the range, and the largest peak memory."""
    seconds = [s for s, _ in samples]
    return {
        "median_s": round(statistics.median(seconds), 3),
        "min_s": round(min(seconds), 3),
        "max_s": round(max(seconds), 3),
        "peak_mib": round(max(m for _, m in samples), 1),
    }


def builds(runs: int, mirror: str, root: Path) -> tuple[dict[str, object], Path, Path]:
    """Both builds ``runs`` times, interleaved; the last warehouse of each."""
    migobs = str(Path(sys.executable).with_name("migobs"))
    timed: dict[str, list[tuple[float, float]]] = {"with": [], "without": []}
    for i in range(runs):
        for kind in timed:
            home = root / f"{kind}-{i}"
            shutil.rmtree(home, ignore_errors=True)
            env = {**os.environ, "MIGOBS_HOME": str(home), "MIGOBS_MIRROR": mirror}
            env.pop("MIGOBS_WAREHOUSE", None)
            command = (
                [migobs, "build"]
                if kind == "with"
                else [sys.executable, "-c", WITHOUT, str(home), mirror]
            )
            timed[kind].append(run(command, env))
    last = runs - 1
    result: dict[str, object] = {
        "build with stored indicators": summary(timed["with"]),
        "build without (baseline)": summary(timed["without"]),
    }
    return (
        result,
        root / f"with-{last}" / "warehouse.duckdb",
        root / f"without-{last}" / "warehouse.duckdb",
    )


def first_requests(warehouse: Path, url: str, ports: range) -> tuple[float, float, float]:
    """First and second request (ms) to ``url`` on a server started for it; server peak MiB."""
    listen = port(ports)
    log = warehouse.parent / "serve.log"
    env = {**os.environ, "MIGOBS_HOME": str(warehouse.parent), "MIGOBS_WAREHOUSE": str(warehouse)}
    server = subprocess.Popen(
        [sys.executable, "-m", "migobs", "serve", "--port", str(listen)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{listen}"
    try:
        wait_until_up(base, log)
        times = []
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(2):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
        status = Path(f"/proc/{server.pid}/status").read_text()
        peak = int(status.split("VmHWM:")[1].split()[0]) / 1024
    finally:
        server.terminate()
        server.wait(timeout=30)
    return times[0], times[1], peak


def requests(runs: int, warehouses: dict[str, Path], ports: range) -> dict[str, object]:
    found: dict[str, object] = {}
    for name, url in URLS.items():
        per: dict[str, object] = {"url": url}
        for kind, path in warehouses.items():
            samples = [first_requests(path, url, ports) for _ in range(runs)]
            per[kind] = {
                "first_ms": round(statistics.median(s[0] for s in samples), 1),
                "second_ms": round(statistics.median(s[1] for s in samples), 1),
                "server_peak_mib": round(max(s[2] for s in samples), 1),
            }
        found[name] = per
    return found


def commands(runs: int, warehouses: dict[str, Path], root: Path) -> dict[str, object]:
    migobs = str(Path(sys.executable).with_name("migobs"))
    jobs = {f"export indicator/{code}": ["export", f"indicator/{code}"] for code in EXPORTS}
    jobs["claims"] = ["claims", "--json"]
    found: dict[str, object] = {}
    for name, arguments in jobs.items():
        per: dict[str, object] = {}
        for kind, path in warehouses.items():
            env = {**os.environ, "MIGOBS_HOME": str(path.parent), "MIGOBS_WAREHOUSE": str(path)}
            out = root / "export"
            extra = ["--out", str(out)] if arguments[0] == "export" else []
            per[kind] = summary([run([migobs, *arguments, *extra], env) for _ in range(runs)])
        found[name] = per
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement")
    parser.add_argument("--build-runs", type=int, default=3, help="runs of each build")
    parser.add_argument(
        "--ports", default="18100-18199", help="loopback ports the servers may listen on"
    )
    args = parser.parse_args()
    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR (folder of official files).")
    low, high = (int(p) for p in args.ports.split("-"))
    ports = range(low, high + 1)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        built, stored, live = builds(args.build_runs, mirror, root)
        warehouses = {"stored": stored, "computed per request (baseline)": live}
        result = {
            "load_average": os.getloadavg(),
            "builds": built,
            "first requests": requests(args.runs, warehouses, ports),
            "commands": commands(args.runs, warehouses, root),
        }
    text = json.dumps(result, indent=2)
    print(text)
    out = Path(__file__).parent / "results" / "first.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(text + "\n")


if __name__ == "__main__":
    main()
