"""Bad input of every other source at build level: the build stops with an error naming the file
and the row, line or cell, and the warehouse that existed stays byte for byte as it was.

Cases per source, where they apply: an altered or truncated file the catalogue's checksum does
not know (every source); an altered value, a changed header and an unknown vintage in a file the
catalogue was told to expect (``adopt``), so the parser has to catch them. UNHCR and Natural Earth
files carry no vintage mark: another vintage of them is caught by the checksum.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, LayoutError
from migobs.sources import catalog
from migobs.sources._download import sha256_of
from migobs.warehouse.build import build
from tests.support import source_files as files
from tests.support.mirror import Adopt
from tests.warehouse.test_other_sources import EDITIONS, small_mirror  # noqa: F401 (fixture)


def csv_edit(old: str, new: str, encoding: str = "utf-8-sig") -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        text = path.read_text(encoding=encoding)
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding=encoding)

    return edit


def xlsx_edit(cell: str, value: object) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        book = load_workbook(path)
        book.active[cell] = value  # type: ignore[index]
        book.save(path)

    return edit


def unhcr_refugees(value: object) -> Callable[[Path], None]:
    def edit(path: Path) -> None:
        frame = pd.DataFrame(
            [[2017.0, "Burundi", "BDI", "BDI", "France", "FRA", "FRA", value, *[0] * 8]],
            columns=files.UNHCR_COLUMNS,
        )
        files.write_unhcr(path, frame)

    return edit


def geojson_edit(old: str, new: str) -> Callable[[Path], None]:
    return csv_edit(old, new, encoding="utf-8")


# (source, file key, edit of the good file, what the error must say after the file name)
ADOPTED: dict[str, tuple[str, str, Callable[[Path], None], str]] = {
    "wdi-value": ("wdi", "BX.TRF.PWKR.CD.DT", csv_edit('"5"', '"five"'), r"cell E6"),
    "wdi-header": ("wdi", "BX.TRF.PWKR.CD.DT", csv_edit("Country Code", "Code"), r"line 5"),
    "wdi-vintage": ("wdi", "BX.TRF.PWKR.CD.DT", csv_edit("2025-07-01", "2026-01-01"), r"line 3"),
    "knomad-value": ("knomad", "remittances", xlsx_edit("C3", "abc"), r"C3"),
    "knomad-header": ("knomad", "remittances", xlsx_edit("A2", "sending"), r"A2"),
    "knomad-vintage": ("knomad", "remittances", xlsx_edit("A1", "Bilateral Remittances 2018"), r"A1"),
    "rpw-value": ("rpw", "corridors", csv_edit('"7.5"', '"7,5%"'), r"H2"),
    "rpw-header": ("rpw", "corridors", csv_edit("Series Code", "Series"), r"line 1"),
    "rpw-vintage": ("rpw", "corridors", csv_edit("12/07/2020", "1/1/2021"), r"last lines"),
    "iom_mmp-value": ("iom_mmp", "incidents", xlsx_edit("H3", "three"), r"row 3"),
    "iom_mmp-header": ("iom_mmp", "incidents", xlsx_edit("E1", "Website Date"), r"row 1"),
    "unhcr-value": ("unhcr", "population", unhcr_refugees("many"), r"row 1 of the table"),
    "unhcr-header": ("unhcr", "population", lambda p: files.write_unhcr(p, name="refugees"), r"object"),
    "natural_earth-header": ("natural_earth", "countries", geojson_edit('"ISO_N3"', '"ISO_N"'), r"feature 0"),
}  # fmt: skip


def mirror_file(settings: Settings, source: str, key: str) -> Path:
    assert settings.mirror is not None
    return settings.mirror / catalog.file_spec(source, EDITIONS[source], key).mirror_path


@pytest.mark.parametrize("case", sorted(ADOPTED))
def test_bad_content_names_file_and_place_and_keeps_the_warehouse(
    small_mirror: Settings,  # noqa: F811
    adopt: Adopt,
    case: str,
) -> None:
    first = build(small_mirror).path
    before = sha256_of(first)
    source, key, edit, place = ADOPTED[case]
    path = mirror_file(small_mirror, source, key)
    edit(path)
    adopt(source, EDITIONS[source], key, path)
    with pytest.raises(LayoutError, match=rf"{re.escape(path.name)}.*{place}"):
        build(small_mirror)
    assert sha256_of(first) == before
    assert not list(first.parent.glob("*.new-*"))


@pytest.mark.parametrize("source", sorted(set(EDITIONS) - {"m49"}))
def test_a_truncated_file_fails_its_checksum_and_keeps_the_warehouse(
    small_mirror: Settings,  # noqa: F811
    source: str,
) -> None:
    first = build(small_mirror).path
    before = sha256_of(first)
    key = next(iter(catalog.edition(source, EDITIONS[source]).files))
    path = mirror_file(small_mirror, source, key)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(ChecksumMismatch, match=re.escape(path.name)):
        build(small_mirror)
    assert sha256_of(first) == before
