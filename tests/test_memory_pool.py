"""Arrow allocates with the C library's allocator in every migobs process (see migobs/__init__.py)."""

from __future__ import annotations

import os
import subprocess
import sys

POOL = "import migobs, pyarrow; print(pyarrow.default_memory_pool().backend_name)"


def _pool(environ: dict[str, str]) -> str:
    done = subprocess.run(
        [sys.executable, "-c", POOL], env=environ, capture_output=True, text=True, check=True
    )
    return done.stdout.strip()


def test_migobs_makes_arrow_use_the_system_allocator() -> None:
    environ = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    assert _pool(environ) == "system"


def test_an_allocator_chosen_in_the_environment_is_kept() -> None:
    assert _pool({**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}) == "jemalloc"
