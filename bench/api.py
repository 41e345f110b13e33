"""Benchmark: the API and dashboard under load (wrk on loopback), and each page's weight.

Builds the warehouse from the mirror into a temporary home (or uses MIGOBS_WAREHOUSE), starts
`migobs serve --workers N` on a free port for each N of ``--workers`` (default 1 and 2), and runs
Debian's `wrk` (2 threads, 16 connections) against each endpoint: throughput and p50/p99 latency, two ways side by side. "kept":
the same URL again and again, answered from the responses kept per warehouse version
(migobs/http/caching.py) after one first request; "computed", the baseline: every request carries a
query parameter of its own (``fresh=N``, which the routes ignore), so none is kept and each one is
routed and computed (what is computed once per build and shared between URLs, such as an
indicator's year, stays warm). The ratio is kept over computed throughput. A static file served by
the same process is measured too. Page weight is the bytes of each page plus the static files
it loads. The server's peak memory is the VmHWM of its processes, summed.

Usage: MIGOBS_MIRROR=../shared/data python bench/api.py [--seconds 10] [--workers 1,2]
Needs `wrk` (apt-get install wrk). Results: printed as JSON and written to bench/results/api.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ENDPOINTS = {
    "country profile page": "/country/484",
    "country stock API": "/api/stock/destinations/484?year=2020&sex=total",
    "corridor API": "/api/stock/corridors/484/840",
    "indicator values API": "/api/indicators/stock.share_of_population/values?year=2020",
    "indicator value API": "/api/indicators/sdg.10.c.1/areas/484?year=2020",
    "areas API": "/api/areas?kind=country&limit=100",
    "world page": "/world",
    "report page": "/report",
}
PAGES = [
    "/world",
    "/country/484",
    "/corridor?origin=484&destination=840",
    "/corridor",
    "/country",
    "/report",
]
UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


FRESH = """
local n = 0
local ids = 0
function setup(thread) ids = ids + 1; thread:set("tid", ids) end
function request()
  n = n + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "fresh=" .. tid .. "-" .. n)
end
"""
"""A wrk script giving every request a query of its own, so that no response is kept."""


def wrk(url: str, seconds: int, script: Path | None = None) -> dict[str, float]:
    """Requests per second and p50/p99 latency (ms) of ``url`` under wrk -t2 -c16."""
    scripted = ["-s", str(script)] if script else []
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", *scripted, url],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))  # type: ignore[union-attr]
    latency = {
        p: float(v) * UNITS[u] for p, v, u in re.findall(r"\s(50|99)%\s+([\d.]+)(us|ms|s)\b", out)
    }
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {
        "requests_per_s": round(rps, 1),
        "p50_ms": round(latency["50"], 2),
        "p99_ms": round(latency["99"], 2),
        "non_2xx": int(errors.group(1)) if errors else 0,
    }


def first_ms(url: str) -> float:
    """Milliseconds of the first request of ``url`` after the server started (nothing kept)."""
    start = time.perf_counter()
    httpx.get(url, timeout=120).raise_for_status()
    return round((time.perf_counter() - start) * 1000, 1)


def page_weight(base: str, path: str) -> dict[str, int]:
    """Bytes of a page and of the static files it references."""
    with httpx.Client(base_url=base, timeout=30) as client:
        html = client.get(path).content
        assets = sorted(set(re.findall(rb'(?:href|src)="(/static/[^"]+)"', html)))
        asset_bytes = sum(len(client.get(a.decode()).content) for a in assets)
    return {
        "html_bytes": len(html),
        "static_bytes": asset_bytes,
        "total_bytes": len(html) + asset_bytes,
    }


def warehouse(home: Path) -> Path:
    """The warehouse to serve: MIGOBS_WAREHOUSE, or one built from the mirror now."""
    if os.environ.get("MIGOBS_WAREHOUSE"):
        return Path(os.environ["MIGOBS_WAREHOUSE"])
    from migobs.config import Settings
    from migobs.indicators.materialise import materialise_file
    from migobs.warehouse.build import build

    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR (folder of official files) or MIGOBS_WAREHOUSE.")
    return build(Settings(home=home, mirror=Path(mirror)), steps=[materialise_file]).path


def peak_mib(pid: int) -> float:
    """Peak resident memory (VmHWM) of the server and of its worker processes, summed."""
    pids = [pid, *map(int, Path(f"/proc/{pid}/task/{pid}/children").read_text().split())]
    total = 0
    for each in pids:
        status = Path(f"/proc/{each}/status").read_text()
        total += int(re.search(r"VmHWM:\s+(\d+)", status).group(1))  # type: ignore[union-attr]
    return round(total / 1024, 1)


def wait_until_up(base: str, log: Path) -> None:
    for _ in range(300):
        try:
            httpx.get(f"{base}/static/site.css", timeout=1)
            return
        except httpx.TransportError:
            time.sleep(0.2)
    sys.exit(f"the server at {base} did not start:\n{log.read_text()[-2000:]}")


def measure(env: dict[str, str], workers: int, seconds: int, fresh: Path) -> dict[str, object]:
    """Start `migobs serve --workers N` on a free port and load each endpoint, kept and computed."""
    port = free_port()
    log = Path(env["MIGOBS_HOME"]) / f"serve-{workers}.log"
    server = subprocess.Popen(
        [sys.executable, "-m", "migobs", "serve", "--workers", str(workers)],
        env={**env, "MIGOBS_PORT": str(port)},
        stdout=subprocess.DEVNULL,
        stderr=log.open("w"),
    )
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(base, log)
        first = {name: first_ms(base + url) for name, url in ENDPOINTS.items()}
        load: dict[str, object] = {"static file": wrk(f"{base}/static/site.css", seconds)}
        for name, url in ENDPOINTS.items():
            kept = wrk(base + url, seconds)
            computed = wrk(base + url, seconds, fresh)
            ratio = round(kept["requests_per_s"] / computed["requests_per_s"], 1)
            load[name] = {
                "first_request_ms": first[name],
                "kept": kept,
                "computed": computed,
                "kept_to_computed": ratio,
            }
        weights = {page: page_weight(base, page) for page in PAGES} if workers == 1 else None
        memory = peak_mib(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=30)
    return {"load": load, "page_weight": weights, "server_peak_mib": memory}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    parser.add_argument(
        "--workers", default="1,2", help="worker counts to compare (migobs serve --workers)"
    )
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        path = warehouse(home)
        env = {**os.environ, "MIGOBS_HOME": str(home), "MIGOBS_WAREHOUSE": str(path)}
        fresh = home / "fresh.lua"
        fresh.write_text(FRESH)
        runs = {
            f"{n} worker{'s' if int(n) > 1 else ''}": measure(env, int(n), args.seconds, fresh)
            for n in args.workers.split(",")
        }
    report = {
        "cores": os.cpu_count(),
        "load_average": round(os.getloadavg()[0], 1),
        "wrk": "2 threads, 16 connections",
        "seconds": args.seconds,
        "runs": runs,
    }
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "api.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
