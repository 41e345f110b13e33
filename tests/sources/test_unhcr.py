from __future__ import annotations

from pathlib import Path

import pytest

from migobs.errors import LayoutError
from migobs.sources import unhcr
from tests.support.source_files import write_unhcr


def test_the_table_is_read_with_its_row_numbers(tmp_path: Path) -> None:
    rows = unhcr.read(write_unhcr(tmp_path / "population.rda"), "2025.12.1")
    assert list(rows["row"]) == [1, 2, 3]
    assert rows["year"].dtype == "int64"
    first = rows.iloc[0]
    assert (first.coo_iso, first.coa_iso, first.refugees) == ("BDI", "FRA", 120.0)
    assert rows.iloc[1].coo == "UKN"  # UNHCR's own code comes back as stated
    assert rows["oip"].isna().all()


def test_a_missing_object_is_named(tmp_path: Path) -> None:
    path = write_unhcr(tmp_path / "population.rda", name="refugees")
    with pytest.raises(LayoutError, match="no R object 'population'; it holds \\['refugees'\\]"):
        unhcr.read(path, "2025.12.1")


def test_changed_columns_are_named(tmp_path: Path) -> None:
    frame = unhcr.read(write_unhcr(tmp_path / "a.rda"), "2025.12.1").drop(columns=["row", "hst"])
    path = write_unhcr(tmp_path / "population.rda", frame)
    with pytest.raises(LayoutError, match="the columns changed"):
        unhcr.read(path, "2025.12.1")


def test_truncated_file_is_refused(tmp_path: Path) -> None:
    path = write_unhcr(tmp_path / "population.rda")
    path.write_bytes(path.read_bytes()[:40])
    with pytest.raises(LayoutError, match="population.rda: not a readable R data file"):
        unhcr.read(path, "2025.12.1")
