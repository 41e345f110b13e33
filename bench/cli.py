"""Benchmark: how fast commands start, and flows estimation as a whole process.

Each command runs as a whole process (interpreter start, imports, work, exit), interleaved with
its baselines in the same run: ``python -c pass`` and ``python -c "import click"`` for
``migobs --version`` and ``--help`` (the target is at most 4x ``import click``); for
``migobs flows estimate --method demographic-accounting`` on the synthetic 200-country world of
bench/flows.py (CSV in, CSV out, default options), ``python -c "import numpy"`` (the floor of
any process that computes with numpy), the computation alone in this process and migest's 7.4 s
for the same case (issue 12; the targets are 20x and 100x). Prints medians, peak
resident memory of each process and the load average, which matters on a shared machine.
Run: ``.venv/bin/python bench/cli.py [--runs 7]``. Not a test: no assertions.
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).parent))
from flows import N, world  # noqa: E402

from migobs.flows.demographic import demographic_accounting  # noqa: E402

MIGEST_SECONDS = 7.4  # migest 2.0.5 in R, same case, whole script (issue 12)
BIN = Path(sys.executable).parent


def run_once(argv: list[str]) -> tuple[float, float]:
    """Wall time (s) and peak resident memory (MiB) of one process.

    The memory comes from GNU time: a child forked from this process would count the parent's
    pages until it execs."""
    with tempfile.NamedTemporaryFile("r") as peak:
        began = time.perf_counter()
        subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *argv],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - began
        return elapsed, int(peak.read().split()[-1]) / 1024


def write_case(folder: Path) -> list[str]:
    """The 200-country case as the command's CSV files; its arguments."""
    start, end, births, deaths = world(N, 0)
    names = [f"c{i}" for i in range(N)]
    for name, table in (("start", start), ("end", end)):
        with (folder / f"{name}.csv").open("w", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(["row", *names])
            writer.writerows([n, *row] for n, row in zip(names, table.tolist(), strict=True))
    for name, vector in (("births", births), ("deaths", deaths)):
        with (folder / f"{name}.csv").open("w", newline="") as file:
            csv.writer(file).writerows(
                [("name", "value"), *zip(names, vector.tolist(), strict=True)]
            )
    return [
        "flows", "estimate", "--method", "demographic-accounting",
        "--stock-start", str(folder / "start.csv"), "--stock-end", str(folder / "end.csv"),
        "--births", str(folder / "births.csv"), "--deaths", str(folder / "deaths.csv"),
        "--out", str(folder / "od.csv"),
    ]  # fmt: skip


def computation_alone(runs: int) -> float:
    """Median of the estimate in this process, from arrays already in memory."""
    case, names = world(N, 0), [f"c{i}" for i in range(N)]
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        demographic_accounting(*case, names)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    python, migobs = str(BIN / "python"), str(BIN / "migobs")
    with tempfile.TemporaryDirectory() as tmp:
        commands = {
            'python -c "pass"': [python, "-c", "pass"],
            'python -c "import click"': [python, "-c", "import click"],
            "migobs --version": [migobs, "--version"],
            "migobs --help": [migobs, "--help"],
            'python -c "import numpy"': [python, "-c", "import numpy"],
            "migobs flows estimate (200 countries)": [migobs, *write_case(Path(tmp))],
        }
        measured: dict[str, list[tuple[float, float]]] = {label: [] for label in commands}
        for _ in range(runs):  # interleaved, so the baselines see the same load
            for label, argv in commands.items():
                measured[label].append(run_once(argv))
    median = {label: statistics.median(t for t, _ in rows) for label, rows in measured.items()}
    print(f"load average {os.getloadavg()[0]:.1f}, {runs} runs each")  # noqa: T201
    click = median['python -c "import click"']
    for label, rows in measured.items():
        peak = max(m for _, m in rows)
        print(
            f"{label:<40} median {median[label]:7.3f} s  {median[label] / click:5.1f}x import click  peak {peak:6.0f} MiB"
        )  # noqa: T201
    whole = median["migobs flows estimate (200 countries)"]
    kernel = computation_alone(runs)
    print(
        f"flows computation alone (in process)     median {kernel:7.3f} s  {np.round(whole / kernel, 1)}x less than the process"
    )  # noqa: T201
    print(
        f"against migest's {MIGEST_SECONDS} s: whole process {MIGEST_SECONDS / whole:.0f}x faster (target 20x), computation {MIGEST_SECONDS / kernel:.0f}x (target 100x)"
    )  # noqa: T201


if __name__ == "__main__":
    main()
