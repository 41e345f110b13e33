from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from migobs.errors import SourceError, UnknownSource
from migobs.sources import catalog


def test_every_edition_file_has_url_and_mirror_path() -> None:
    for source in catalog.catalog().values():
        for edition in source.editions.values():
            for spec in edition.files.values():
                assert spec.url.startswith(("https://", "http://")), spec.dataset
                assert " " not in spec.url, spec.dataset
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


def test_files_migobs_cannot_download_say_why() -> None:
    od = catalog.file_spec("undesa_stock", "2017", "origin_destination")
    assert (od.obtain, od.official_differs) == ("mirror-only", False)
    assert "DERIVED" in od.note
    overview = catalog.file_spec("m49", "2021", "overview")
    assert overview.obtain == "manual" and "CSV" in overview.note


def test_publisher_downloads_that_differ_from_the_mirror_copy_are_marked() -> None:
    differ = {
        spec.dataset
        for source in catalog.catalog().values()
        for edition in source.editions.values()
        for spec in edition.files.values()
        if spec.official_differs
    }
    assert {
        "undesa_stock/2017/totals",
        "undesa_stock/2020/by_sex_destination",
        "m49/2021/overview",
    } <= differ
    assert "undesa_stock/2019/totals" not in differ
    totals = catalog.file_spec("undesa_stock", "2017", "totals")
    assert totals.expected_sha256(from_mirror=True) == totals.sha256
    assert totals.expected_sha256(from_mirror=False) is None


def test_the_wpp_urls_are_files() -> None:
    for spec in catalog.edition("wpp", "2019").files.values():
        assert spec.url.endswith("/" + spec.name), spec.url


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"url": "https://example.org/ (see the archive)"}, "is not a URL"),
        ({"obtain": "ask-a-friend"}, "obtain 'ask-a-friend' is not one of"),
        ({"obtain": "manual"}, "needs a `note`"),
        ({"obtain": "mirror-only", "note": "x", "official_sha256": None}, "no official download"),
    ],
)
def test_a_bad_catalogue_entry_is_refused(
    tmp_path: Path, change: dict[str, object], complaint: str
) -> None:
    spec = {"name": "t.csv", "mirror": "demo/t.csv", "url": "https://example.org/t.csv"}
    body = {"citation": "Demo.", "licence": "CC0", "files": {"t": {**spec, **change}}}
    path = tmp_path / "demo.yml"
    path.write_text(
        yaml.safe_dump(
            {"source": "demo", "title": "Demo", "producer": "Demo", "editions": {"1": body}}
        )
    )
    with pytest.raises(SourceError, match=re.escape(complaint)):
        catalog.read_source(path)
