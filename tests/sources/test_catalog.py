from __future__ import annotations

import pytest

from migobs.errors import UnknownSource
from migobs.sources import catalog


def test_every_edition_file_has_url_and_mirror_path() -> None:
    for source in catalog.catalog().values():
        for edition in source.editions.values():
            for spec in edition.files.values():
                assert spec.url.startswith("http"), spec.dataset
                assert spec.mirror_path, spec.dataset
                assert spec.sha256 is None or len(spec.sha256) == 64, spec.dataset


def test_the_2017_migrant_stock_totals_are_catalogued() -> None:
    spec = catalog.file_spec("undesa_stock", "2017", "totals")
    assert spec.name == "UN_MigrantStockTotal_2017.xlsx"
    assert spec.sha256 == "a54de9ad75e7699224d86ac11cc4f033abf1944d03974cc5b7f6495d0f407153"
    assert spec.dataset == "undesa_stock/2017/totals"
    assert "Rev.2017" in spec.citation


def test_an_edition_not_held_has_no_checksum_yet() -> None:
    assert catalog.file_spec("undesa_stock", "2024", "by_sex_destination").sha256 is None


def test_unknown_edition_lists_the_known_ones() -> None:
    with pytest.raises(UnknownSource, match="Unknown edition '2016' of undesa_stock.*2017, 2019"):
        catalog.edition("undesa_stock", "2016")


def test_unknown_source_lists_the_known_ones() -> None:
    with pytest.raises(UnknownSource, match="Known sources: .*undesa_stock"):
        catalog.source("undesa")
