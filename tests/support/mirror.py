"""Fixtures of the warehouse and CLI tests: a mirror holding files the tests wrote, known to the
catalogue (registered for every test by ``tests/conftest.py``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from migobs.config import Settings
from migobs.sources import catalog
from migobs.sources._download import sha256_of
from tests.support import writers

Adopt = Callable[[str, str, str, Path], None]


@pytest.fixture
def adopt(monkeypatch: pytest.MonkeyPatch) -> Adopt:
    """Make the catalogue expect a file the test wrote for one edition's file key.

    The catalogue then records that file's sha256 (for a download too) and no row counts (those
    of the real file do not apply; a test that checks them sets ``rows`` itself).
    """

    def _adopt(source: str, edition: str, key: str, path: Path) -> None:
        files = catalog.edition(source, edition).files
        sha256 = sha256_of(path)
        adopted = replace(files[key], sha256=sha256, official_sha256=sha256, rows={})
        monkeypatch.setitem(files, key, adopted)

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


@pytest.fixture
def small_mirror(tmp_path: Path, adopt: Adopt, only_sources: Callable[..., None]) -> Settings:
    """Settings reading a mirror of small files laid out like every held edition (M49, stock, WPP)."""
    only_sources(m49=["2021"], undesa_stock=["2017", "2019", "2020"], wpp=["2019"])
    mirror = tmp_path / "mirror"
    files = {
        ("m49", "2021", "overview"): lambda p: writers.write_m49(p),
        ("undesa_stock", "2017", "totals"): lambda p: writers.write_stock_totals(p, 2017),
        ("undesa_stock", "2017", "origin_destination"): writers.write_origin_destination,
        ("undesa_stock", "2019", "totals"): lambda p: writers.write_stock_totals(p, 2019),
        ("undesa_stock", "2020", "by_sex_destination"): writers.write_stock_2020,
        ("wpp", "2019", "population"): lambda p: writers.write_wpp(p, ["2019", "2020"]),
        ("wpp", "2019", "net_migrants"): lambda p: writers.write_wpp(
            p, ["2010-2015", "2015-2020"], ("ESTIMATES", "MEDIUM VARIANT")
        ),
        ("wpp", "2019", "deaths"): lambda p: writers.write_wpp(
            p, ["2015-2020"], ("ESTIMATES", "MEDIUM VARIANT")
        ),
    }
    for (source, edition, key), write in files.items():
        spec = catalog.file_spec(source, edition, key)
        adopt(source, edition, key, write(mirror / spec.mirror_path))
    return Settings(home=tmp_path / "home", mirror=mirror)
