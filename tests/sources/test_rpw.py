from __future__ import annotations

import math
from pathlib import Path

import pytest

from migobs.errors import LayoutError
from migobs.sources import rpw
from tests.support.source_files import write_rpw


def test_every_corridor_and_quarter_is_read_with_its_cell(tmp_path: Path) -> None:
    values = rpw.read(write_rpw(tmp_path / "rpw.csv"), "2020-12-07")
    assert len(values) == 6  # 2 corridors x 3 quarters; blank lines and footer are structural
    row = values[(values.receiving_code == "DZA") & (values.period == "2017Q1")].iloc[0]
    assert (row.sending_code, row.series_code, row.year, row.quarter) == (
        "FRA",
        "ATCR.CORR",
        2017,
        1,
    )
    assert row.value == 7.5
    assert row.cell == "H2"
    gap = values[(values.receiving_code == "DZA") & (values.period == "2016Q4")]
    assert math.isnan(gap["value"].iloc[0])


def test_another_vintage_is_refused(tmp_path: Path) -> None:
    path = write_rpw(tmp_path / "rpw.csv", footer="Last Updated: 03/01/2021")
    with pytest.raises(LayoutError, match="rpw.csv, last lines: expected the footer line"):
        rpw.read(path, "2020-12-07")


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    path = write_rpw(tmp_path / "rpw.csv")
    path.write_text("\n".join(path.read_text(encoding="utf-8-sig").splitlines()[:3]))
    with pytest.raises(LayoutError, match="expected the footer line"):
        rpw.read(path, "2020-12-07")


def test_altered_value_names_its_cell(tmp_path: Path) -> None:
    path = write_rpw(tmp_path / "rpw.csv")
    path.write_text(path.read_text(encoding="utf-8-sig").replace('"7.5"', '"7,5%"'))
    with pytest.raises(LayoutError, match=r"cell H2: '7,5%' is neither a number nor '..'"):
        rpw.read(path, "2020-12-07")
