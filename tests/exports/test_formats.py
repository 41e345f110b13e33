from __future__ import annotations

from pathlib import Path

import pytest

from migobs.errors import ExportError
from migobs.exports.formats import FORMATS, export
from migobs.exports.table import TidyTable


def test_unknown_format_lists_the_known_ones(stock_table: TidyTable, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="choose from csv, parquet"):
        export(stock_table, tmp_path, ["xlsx"])


def test_every_format_writes_its_files_once(stock_table: TidyTable, tmp_path: Path) -> None:
    written = export(stock_table, tmp_path, FORMATS)
    names = sorted(p.name for p in written)
    assert len(names) == len(set(names))
    assert "datapackage.json" in names
    assert "undesa-stock-2019-by-destination.structure.xml" in names
    assert all(p.stat().st_size > 0 for p in written)
