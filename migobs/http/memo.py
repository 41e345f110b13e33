"""Results that take long to compute (a year of an indicator, the claims ledger), kept per build.

The key includes the warehouse's build id (its ETag), so a new build is never served old
results, and the language of the request, since pages' results hold words and numbers written in
it; the store is emptied when it grows past :data:`LIMIT` entries. Each application keeps
its own store on ``app.state.memo`` (:func:`install`), so two apps never share results.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import FastAPI, Request

from migobs.http.caching import current_etag
from migobs.http.deps import settings_of
from migobs.i18n import current

T = TypeVar("T")
LIMIT = 256


@dataclass
class Memo:
    """One application's kept results, and a lock per key so that one request computes."""

    limit: int = LIMIT
    store: dict[tuple[Any, ...], Any] = field(default_factory=dict)
    _locks: dict[tuple[Any, ...], threading.Lock] = field(default_factory=dict)
    _guard: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        """``compute()``, or its result kept under ``key``."""
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:  # one request computes; the others wait for its result
            if key not in self.store:
                result = compute()
                with self._guard:
                    if len(self.store) >= self.limit:
                        self.store.clear()
                        self._locks.clear()
                    self.store[key] = result
            found: T = self.store[key]
        return found


def install(app: FastAPI) -> None:
    """Give ``app`` its own store of kept results."""
    app.state.memo = Memo()


def per_build(request: Request, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept from an earlier request on the same build."""
    build = current_etag(settings_of(request).warehouse)
    if build is None:
        return compute()
    memo: Memo = request.app.state.memo
    return memo.get((build, current.get(), *key), compute)
