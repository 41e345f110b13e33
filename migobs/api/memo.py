"""Results that take long to compute (a year of an indicator, the claims ledger), kept per build.

The key includes the warehouse's build id (its ETag), so a new build is never served old
results; the store is emptied when it grows past :data:`LIMIT` entries.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from fastapi import Request

from migobs.api.caching import current_etag
from migobs.api.deps import settings_of

T = TypeVar("T")
LIMIT = 256
STORE: dict[tuple[Any, ...], Any] = {}
_LOCKS: dict[tuple[Any, ...], threading.Lock] = {}
_GUARD = threading.Lock()


def per_build(request: Request, key: tuple[Hashable, ...], compute: Callable[[], T]) -> T:
    """``compute()``, or its result kept from an earlier request on the same build."""
    build = current_etag(settings_of(request).warehouse)
    if build is None:
        return compute()
    full = (build, *key)
    with _GUARD:
        lock = _LOCKS.setdefault(full, threading.Lock())
    with lock:  # one request computes; the others wait for its result
        if full not in STORE:
            result = compute()
            with _GUARD:
                if len(STORE) >= LIMIT:
                    STORE.clear()
                    _LOCKS.clear()
                STORE[full] = result
        found: T = STORE[full]
    return found
