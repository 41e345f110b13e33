from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from migobs.errors import WarehouseError
from migobs.warehouse import schema
from migobs.warehouse.areas import AreaResolver, load_name_maps, normalise


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    schema.apply(con)
    con.execute(
        "INSERT INTO areas VALUES (108, 'BDI', 'BI', 'Burundi', 'country'), "
        "(250, 'FRA', 'FR', 'France', 'country'), (412, 'XKX', 'XK', 'Kosovo', 'country'), "
        "(900, NULL, NULL, 'World', 'world'), (384, 'CIV', 'CI', 'Côte d''Ivoire', 'country')"
    )
    return con


def names_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "area_names"
    folder.mkdir()
    (folder / "undesa_stock.yml").write_text(
        "source: undesa_stock\n"
        "names:\n"
        "  Other North: {m49: 9901, reason: unknown-origin residual}\n"
        "  France (mainland): 250\n"
        "  Nowhere: {m49: null, reason: 'a label, not an area'}\n",
        encoding="utf-8",
    )
    (folder / "anything_else.yml").write_text(
        "source: wdi\ncodes:\n  CHI: {m49: 830, reason: World Bank code for Channel Islands}\n",
        encoding="utf-8",
    )
    return folder


def test_loader_takes_every_file_of_the_folder(tmp_path: Path) -> None:
    maps = load_name_maps(names_folder(tmp_path))
    assert set(maps) == {"undesa_stock", "wdi"}
    assert maps["wdi"].codes["CHI"].m49 == 830
    assert maps["undesa_stock"].names["Other North"].reason == "unknown-origin residual"


def test_bad_entry_names_the_file(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / "bad.yml").write_text("names:\n  France: [250]\n", encoding="utf-8")
    with pytest.raises(WarehouseError, match=r"bad\.yml.*'France'"):
        load_name_maps(folder)


def test_resolver_maps_codes_names_and_iso3(tmp_path: Path, con: duckdb.DuckDBPyConnection) -> None:
    resolver = AreaResolver(load_name_maps(names_folder(tmp_path)))
    resolver.refresh(con)
    assert resolver.by_code("undesa_stock", 108.0) == 108
    assert resolver.by_code("m49", "108") == 108
    assert resolver.by_name("undesa_stock", "  burundi ") == 108
    assert resolver.by_name("undesa_stock", "Cote d'Ivoire*") == 384
    assert resolver.by_name("undesa_stock", "France (mainland)") == 250
    assert resolver.by_name("undesa_stock", "Other North") == 9901
    assert resolver.by_iso3("xkx") == 412
    assert resolver.by_code("wdi", "CHI") == 830


def test_unmapped_names_are_stored_and_become_findings(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    resolver = AreaResolver(load_name_maps(names_folder(tmp_path)))
    resolver.refresh(con)
    assert resolver.by_name("undesa_stock", "Atlantis") is None
    assert resolver.by_name("undesa_stock", "Nowhere") is None
    assert resolver.by_code("undesa_stock", 1234) is None
    assert resolver.by_name("undesa_stock", "Burundi") == 108
    findings = resolver.write(con)
    assert [f.type for f in findings] == ["unmapped-area"] * 3
    assert "a label, not an area" in findings[1].message
    stored = con.execute(
        "SELECT name, code, m49, how FROM area_names ORDER BY name NULLS FIRST"
    ).fetchall()
    assert stored == [
        (None, "1234", None, "code"),
        ("Atlantis", None, None, "name"),
        ("Burundi", None, 108, "name"),
        ("Nowhere", None, None, "names_table"),
    ]


def test_normalise_drops_accents_case_stars_and_spaces() -> None:
    assert normalise("  Curaçao*  ") == "curacao"
    assert normalise("Saint  Martin (French part)") == "saint martin (french part)"


def test_an_unmapped_area_is_one_finding_with_the_rows_that_carried_it(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    resolver = AreaResolver(load_name_maps(names_folder(tmp_path)))
    resolver.refresh(con)
    # a feature asked by code, then noted with its name: one area, not two
    assert resolver.by_code("natural_earth", "CYN") is None
    resolver.note("natural_earth", "N. Cyprus", "CYN", None)
    resolver.tally("natural_earth", "N. Cyprus", "CYN", 1)
    # a name carried by three rows, counted in two batches; a mapped name is not reported
    assert resolver.by_name("iom_mmp", "Atlantis") is None
    resolver.tally("iom_mmp", "Atlantis", None, 2)
    resolver.tally("iom_mmp", " Atlantis", None, 1)
    resolver.tally("iom_mmp", "Burundi", None, 5)
    assert resolver.by_name("iom_mmp", "Burundi") == 108
    findings = resolver.write(con)
    assert [f.rows for f in findings] == [
        [{"name": "N. Cyprus", "code": "CYN", "rows": 1}],
        [{"name": "Atlantis", "code": None, "rows": 3}],
    ]
    assert "'N. Cyprus' (code CYN)" in findings[0].message
    assert "3 row(s) of iom_mmp carry it" in findings[1].message
    assert findings[1].observed == 3.0
