from __future__ import annotations

import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from migobs.errors import LayoutError, UnknownSource
from migobs.sources import iom_mmp
from tests.support.source_files import MMP_2025_HEADER, mmp_row, write_mmp


def test_rows_are_read_with_typed_fields_and_their_row(tmp_path: Path) -> None:
    rows = iom_mmp.read(write_mmp(tmp_path / "mmp.xlsx"), "2025")
    assert list(rows["row"]) == [2, 3]
    first = rows.iloc[0]
    assert first.incident_id == "2017.MMP001"
    assert first.incident_date == dt.date(2017, 3, 1)
    assert (first.dead, first.missing, first.dead_and_missing) == (3.0, 2.0, 5.0)
    assert (first.latitude, first.longitude) == (35.5, 12.6)
    assert first.country_of_incident == "France"
    assert first.source_quality == "3"
    assert rows.iloc[1].incident_id == "2017.MMP003,2017.MMP002"


def test_2022_points_are_longitude_first() -> None:
    assert iom_mmp._point("POINT (-110.366453 31.650259)") == (31.650259, -110.366453)
    assert iom_mmp._point("31.650259, -110.366453") == (31.650259, -110.366453)
    assert all(math.isnan(v) for v in iom_mmp._point("somewhere"))


def test_a_date_that_is_not_iso_is_kept_as_text(tmp_path: Path) -> None:
    path = write_mmp(tmp_path / "mmp.xlsx", [mmp_row("2020.MMP01343", "0", 1.0)])
    row = iom_mmp.read(path, "2025").iloc[0]
    assert pd.isna(row.incident_date)
    assert row.incident_date_text == "0"


def test_the_2022_header_is_refused_for_the_2025_vintage(tmp_path: Path) -> None:
    header = [*MMP_2025_HEADER]
    header[4] = "Website Date"
    with pytest.raises(
        LayoutError, match=r"sheet 'Worksheet', row 1: the header changed. Column 5"
    ):
        iom_mmp.read(write_mmp(tmp_path / "mmp.xlsx", header=header), "2025")


def test_a_count_that_is_not_a_number_names_the_row(tmp_path: Path) -> None:
    rows = [
        mmp_row("2017.MMP001", "2017-03-01", 3.0),
        mmp_row("2017.MMP002", "2017-03-02", "three"),
    ]
    with pytest.raises(LayoutError, match=r"row 3: dead is 'three', not a number"):
        iom_mmp.read(write_mmp(tmp_path / "mmp.xlsx", rows), "2025")


def test_unknown_vintage_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnknownSource, match="Unknown edition '2030' of iom_mmp"):
        iom_mmp.read(write_mmp(tmp_path / "mmp.xlsx"), "2030")


def test_corrupt_workbook_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "mmp.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(LayoutError, match="mmp.xlsx: cannot be read as an xlsx workbook"):
        iom_mmp.read(path, "2025")
