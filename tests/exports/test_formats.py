from __future__ import annotations

import csv
from pathlib import Path

import pytest

from migobs.errors import ExportError
from migobs.exports.formats import export
from migobs.exports.table import TidyTable


def test_unknown_format_lists_the_known_ones(stock_table: TidyTable, tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="choose from csv, parquet"):
        export(stock_table, tmp_path, ["xlsx"])


def test_every_format_writes_its_files_once(stock_table: TidyTable, tmp_path: Path) -> None:
    exported = export(stock_table, tmp_path)
    names = [p.name for p in exported.files]
    assert len(names) == len(set(names))
    assert "datapackage.json" in names
    assert "undesa-stock-2019-by-destination.structure.xml" in names
    assert all(p.stat().st_size > 0 for p in exported.files)


def test_one_readme_lists_every_file_written(stock_table: TidyTable, tmp_path: Path) -> None:
    exported = export(stock_table, tmp_path)
    assert exported.files[-1].name == "README.md"
    text = exported.files[-1].read_text()
    files = next(line for line in text.splitlines() if line.startswith("- Files: "))
    assert files.removeprefix("- Files: ").split(", ") == [p.name for p in exported.files[:-1]]
    assert "undesa-stock-2019-by-destination.sdmx1.csv" in files and "datapackage.json" in files
    assert "UN DESA International Migrant Stock 2019" in text
    assert "Cite as: United Nations" in text


def test_every_format_writes_a_dimensioned_table(by_sex_table: TidyTable, tmp_path: Path) -> None:
    names = {p.name for p in export(by_sex_table, tmp_path).files}
    assert {
        "undesa-stock-2019-by-sex.sdmx2.csv",
        "datapackage.json",
        "undesa-stock-2019-by-sex.grapher.csv",
    } <= names


@pytest.mark.attack
def test_no_csv_written_holds_a_live_formula(stock_table: TidyTable, tmp_path: Path) -> None:
    named = stock_table.frame["area_name"].replace("France", "=cmd|'/C calc'!A0")
    table = TidyTable(frame=stock_table.frame.assign(area_name=named), meta=stock_table.meta)
    written = [p for p in export(table, tmp_path).files if p.suffix == ".csv"]
    assert len(written) == 5  # plain (the data package's too), areas, grapher, SDMX-CSV 2 and 1
    for path in written:
        cells = [cell for row in csv.reader(path.read_text().splitlines()) for cell in row]
        assert [c for c in cells if c.startswith("=")] == [], path.name
    plain = (tmp_path / "undesa-stock-2019-by-destination.csv").read_text().splitlines()
    assert "250,'=cmd|'/C calc'!A0,FRA,2015,7918382.0" in plain
    areas = (tmp_path / "areas.csv").read_text().splitlines()
    assert "250,FRA,'=cmd|'/C calc'!A0,country,False" in areas
    grapher = (tmp_path / "undesa-stock-2019-by-destination.grapher.csv").read_text()
    assert "France,FRA,2015," in grapher  # OWID's name of the area, not the table's
