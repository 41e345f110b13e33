"""Results kept per build: computed once per key, one store per application, emptied when full."""

from __future__ import annotations

import threading
from pathlib import Path

from migobs.app import create_app
from migobs.config import Settings
from migobs.http.memo import Memo


def test_a_key_is_computed_once() -> None:
    memo = Memo()
    calls: list[int] = []

    def compute() -> int:
        calls.append(1)
        return 42

    assert [memo.get(("build", "k"), compute) for _ in range(3)] == [42, 42, 42]
    assert len(calls) == 1
    assert memo.get(("other build", "k"), compute) == 42
    assert len(calls) == 2


def test_concurrent_requests_wait_for_one_computation() -> None:
    memo = Memo()
    started, release = threading.Event(), threading.Event()
    calls: list[int] = []

    def slow() -> str:
        calls.append(1)
        started.set()
        release.wait(10)
        return "done"

    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(memo.get(("k",), slow)))]
    threads[0].start()
    started.wait(10)
    threads += [threading.Thread(target=lambda: results.append(memo.get(("k",), slow)))]
    threads[1].start()
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == ["done", "done"] and len(calls) == 1


def test_the_store_is_emptied_past_its_limit() -> None:
    memo = Memo(limit=2)
    for key in ("a", "b", "c"):
        memo.get((key,), lambda: 0)
    assert list(memo.store) == [("c",)]


def test_each_application_keeps_its_own_results(tmp_path: Path) -> None:
    first = create_app(Settings(home=tmp_path / "one"))
    second = create_app(Settings(home=tmp_path / "two"))
    first.state.memo.get(("build", "claims"), lambda: ["kept by the first app"])
    assert first.state.memo.store == {("build", "claims"): ["kept by the first app"]}
    assert second.state.memo.store == {}
