"""Fixtures of the warehouse tests: a mirror holding files the tests wrote, known to the catalogue."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from migobs.sources import catalog
from migobs.sources._download import sha256_of

Adopt = Callable[[str, str, str, Path], None]


@pytest.fixture
def adopt(monkeypatch: pytest.MonkeyPatch) -> Adopt:
    """Make the catalogue expect a file the test wrote (its sha256) for one edition's file key."""

    def _adopt(source: str, edition: str, key: str, path: Path) -> None:
        files = catalog.edition(source, edition).files
        monkeypatch.setitem(files, key, replace(files[key], sha256=sha256_of(path)))

    return _adopt


@pytest.fixture
def only_sources(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Restrict the catalogue to some sources' editions (the others vanish for the test)."""

    def _only(**editions: list[str]) -> None:
        for name, source in catalog.catalog().items():
            keep = editions.get(name, [])
            trimmed = {k: v for k, v in source.editions.items() if k in keep}
            monkeypatch.setitem(catalog.catalog(), name, replace(source, editions=trimmed))

    return _only
