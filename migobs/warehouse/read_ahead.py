"""Parse the official files in worker processes while the loaders run.

Parsing (``migobs.sources``) is most of a build's load time, and each file's parse depends on
nothing but the file. A loader module may say which parser calls it will make for a held file
(``ahead(spec, path)``, a list of :data:`Read`); the build starts them all at once in worker
processes, and the loader, when it gets there, takes the parsed result
(:meth:`ReadAhead.result`, through ``LoadContext.parsed``) instead of parsing it itself. The
loaders still map, load and check in their order, in the build's process, so the warehouse is
the one a build without workers makes.

A read that failed in a worker is made again in the build's process, so that its error (naming
the file, sheet and row) is raised there, as without workers.

The workers start in a thread: the first one waits for the fork server to import pandas and
the parsers (some 0.5 s), which the build's process spends loading instead.
"""

from __future__ import annotations

import multiprocessing
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")

Read = tuple[Callable[..., Any], tuple[Any, ...]]
"""A parser call a loader will make: a module-level function of ``migobs.sources`` and its
arguments (both picklable), e.g. ``(undesa_stock.read, (path, "2017", "totals"))``."""


class ReadAhead:
    """Parser calls started in worker processes, their results kept until a loader asks."""

    def __init__(self, reads: Sequence[Read] = (), workers: int = 1) -> None:
        """Start ``reads`` on ``workers`` processes, in order; with one worker (or no reads)
        nothing starts and every read is made when asked for."""
        self._pool: ProcessPoolExecutor | None = None
        self._started: dict[Read, Future[Any]] = {}
        self._failed: BaseException | None = None
        self._starting: threading.Thread | None = None
        if workers < 2 or not reads:
            return
        self._starting = threading.Thread(target=self._start, args=(list(reads), workers))
        self._starting.start()

    def _start(self, reads: list[Read], workers: int) -> None:
        try:
            # a fresh server process forks the workers: never this one, which holds a DuckDB file
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(sorted({read.__module__ for read, _ in reads}))
            self._pool = ProcessPoolExecutor(workers, mp_context=context)
            self._started = {(read, args): self._pool.submit(read, *args) for read, args in reads}
        except BaseException as error:  # noqa: BLE001 - raised in the build's thread by _ready
            self._failed = error

    def _ready(self) -> None:
        """Wait until the workers are started; raise what stopped them."""
        if self._starting is not None:
            self._starting.join()
            self._starting = None
        if self._failed is not None:
            failed, self._failed = self._failed, None
            raise failed

    def result(self, read: Callable[..., T], *args: Any) -> T:
        """``read(*args)``: parsed ahead if it was started, else parsed now."""
        self._ready()
        started = self._started.pop((read, args), None)
        if started is not None:
            try:
                found: T = started.result()
            except Exception:  # noqa: BLE001, S110 - parsed again below, to raise its error here
                pass
            else:
                return found
        return read(*args)

    def close(self) -> None:
        """Stop the workers, dropping reads nobody asked for."""
        try:
            self._ready()
        finally:
            if self._pool is not None:
                self._pool.shutdown(cancel_futures=True)
                self._pool = None
            self._started.clear()
