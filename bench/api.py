"""Benchmark: the API and dashboard under load (wrk on loopback), and each page's weight.

Builds the warehouse from the mirror into a temporary home (or uses MIGOBS_WAREHOUSE), starts
`migobs serve` (one uvicorn process) on a free port, and runs Debian's `wrk` (2 threads, 16
connections) against each endpoint: throughput and p50/p99 latency. Each endpoint is requested once
before (warm: what is computed once per build is then kept). The baseline is a static
file served by the same process: the ratio says what an endpoint costs beyond the framework's
floor. Page weight is the bytes of each page plus the static files it loads. The server's peak
memory is its VmHWM.

Usage: MIGOBS_MIRROR=../shared/data python bench/api.py [--seconds 10]
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
    "static baseline": "/static/site.css",
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


def wrk(url: str, seconds: int) -> dict[str, float]:
    """Requests per second and p50/p99 latency (ms) of ``url`` under wrk -t2 -c16."""
    out = subprocess.run(
        ["wrk", "-t2", "-c16", f"-d{seconds}s", "--latency", url],
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
    from migobs.warehouse.build import build

    mirror = os.environ.get("MIGOBS_MIRROR")
    if not mirror:
        sys.exit("Set MIGOBS_MIRROR (folder of official files) or MIGOBS_WAREHOUSE.")
    return build(Settings(home=home, mirror=Path(mirror))).path


def peak_mib(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return round(int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024, 1)  # type: ignore[union-attr]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=10, help="duration of each wrk run")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        path = warehouse(home)
        port = free_port()
        env = {
            **os.environ,
            "MIGOBS_HOME": str(home),
            "MIGOBS_WAREHOUSE": str(path),
            "MIGOBS_PORT": str(port),
        }
        server = subprocess.Popen(
            [sys.executable, "-m", "migobs", "serve"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    httpx.get(f"{base}/static/site.css", timeout=1)
                    break
                except httpx.TransportError:
                    time.sleep(0.2)
            for url in ENDPOINTS.values():  # first requests compute what is kept per build
                httpx.get(base + url, timeout=120)
            load = {name: wrk(base + url, args.seconds) for name, url in ENDPOINTS.items()}
            floor = load["static baseline"]["requests_per_s"]
            for result in load.values():
                result["throughput_to_baseline"] = round(result["requests_per_s"] / floor, 3)
            weights = {page: page_weight(base, page) for page in PAGES}
            memory = peak_mib(server.pid)
        finally:
            server.terminate()
            server.wait(timeout=10)
    report = {
        "cores": os.cpu_count(),
        "wrk": "2 threads, 16 connections",
        "seconds": args.seconds,
        "load": load,
        "page_weight": weights,
        "server_peak_mib": memory,
    }
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "api.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
