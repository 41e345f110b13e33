"""A real dask.distributed cluster on loopback, started with the ``dask`` command line as an
operator would: one scheduler and a worker of two single-threaded processes."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEDULER, NANNIES, WORKERS = 8771, "8772:8775", "8776:8779"
"""Loopback ports of the scheduler, the nannies and the worker processes."""


@contextmanager
def loopback_cluster(processes: int = 2) -> Iterator[str]:
    """The scheduler's address while the cluster runs, its ``processes`` workers connected;
    both stopped after."""
    dask = Path(sys.executable).parent / "dask"
    address = f"tcp://127.0.0.1:{SCHEDULER}"
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    scheduler = subprocess.Popen(
        [dask, "scheduler", "--host", "127.0.0.1", "--port", str(SCHEDULER)]
        + ["--no-dashboard", "--no-show"],
        **quiet,
    )
    worker = subprocess.Popen(
        [dask, "worker", address, "--nworkers", str(processes), "--nthreads", "1"]
        + ["--host", "127.0.0.1", "--worker-port", WORKERS, "--nanny-port", NANNIES]
        + ["--no-dashboard"],
        **quiet,
    )
    try:
        from distributed import Client

        with Client(address, timeout="60s") as client:
            client.wait_for_workers(processes, timeout=120)
        yield address
    finally:
        for process in (worker, scheduler):
            process.terminate()
            process.wait(timeout=30)
