from __future__ import annotations

from pathlib import Path

import pytest

from migobs.errors import LayoutError
from migobs.sources import m49
from tests.support.writers import M49_HEADER, write_m49


def test_codes_stay_zero_padded_text(tmp_path: Path) -> None:
    frame = m49.read(write_m49(tmp_path / "m49.csv"), "2021")
    algeria = frame[frame["name"] == "Algeria"].iloc[0]
    assert (algeria["m49"], algeria["region_code"], algeria["iso3"], algeria["row"]) == (
        "012",
        "002",
        "DZA",
        4,
    )
    sark = frame[frame["m49"] == "680"].iloc[0]
    assert sark["iso3"] == "" and sark["intermediate_code"] == "830"


def test_file_without_the_development_column(tmp_path: Path) -> None:
    path = write_m49(
        tmp_path / "m49.csv",
        rows=[
            [
                "001",
                "World",
                "002",
                "Africa",
                "015",
                "Northern Africa",
                "",
                "",
                "Egypt",
                "818",
                "EG",
                "EGY",
                "",
                "",
                "",
            ]
        ],
        header=M49_HEADER[:-1],
    )
    frame = m49.read(path, "2021")
    assert frame["development"].tolist() == [""]


def test_wrong_header_names_what_is_missing(tmp_path: Path) -> None:
    path = write_m49(tmp_path / "m49.csv", header=["Country", *M49_HEADER[1:]])
    with pytest.raises(
        LayoutError, match="row 1 should hold the M49 overview header; missing 'Global Code'"
    ):
        m49.read(path, "2021")
