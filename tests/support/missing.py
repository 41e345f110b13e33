"""What a test does when something it needs outside the repository is missing."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def unavailable(message: str) -> NoReturn:
    """Fail under ``CI=true`` (CI has everything: a missing piece is a broken set-up), else skip
    with ``message``, which says how to get what is missing."""
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)
