"""Fixtures shared by every test: settings in a temporary home, the mirror of official files, and
headless chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from migobs.config import Settings
from tests.support.browser import launch
from tests.support.missing import unavailable

pytest_plugins = ["tests.support.live", "tests.support.mirror", "tests.support.real"]
"""Fixtures shared by several folders: the app served on loopback, a small mirror of files, the
warehouse built from the official files."""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings whose data directory is a fresh temporary folder, with no mirror."""
    return Settings(home=tmp_path / "home")


def mirror_path() -> Path | None:
    """The folder MIGOBS_MIRROR names, if it exists."""
    value = os.environ.get("MIGOBS_MIRROR")
    return Path(value) if value and Path(value).is_dir() else None


@pytest.fixture(scope="session")
def mirror() -> Path:
    """The mirror of official files. Under CI=true a missing mirror fails the test; else it skips."""
    path = mirror_path()
    if path is None:
        message = (
            "real-data test: set MIGOBS_MIRROR to a folder of the official files laid out like"
            " shared/data (`migobs fetch` obtains them; docs/sources.md, 'Obtaining files')"
        )
        unavailable(message)
    return path


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Debian chromium, once per session (Playwright's sync API allows one at a time)."""
    yield from launch()
