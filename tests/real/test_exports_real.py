"""Every export of the real warehouse (with the 2017 flow estimates) read by the field's own
tools: ``frictionless validate`` on every Data Package; sdmx1 on every SDMX-CSV export with its
structure, whose structure also validates against the SDMX-ML 2.1 schemas; OBS_STATUS true;
every grapher CSV with OWID's names, one row per Entity and Year, counts as integers.

The tables are built once (``every_table``). sdmx1 parses about 3,500 observations a second,
so it reads, for each export, every row that brings a code not seen before in one of the columns
plus the first rows; every code of every row is then checked against the structure's codelists.
"""

from __future__ import annotations

from pathlib import Path

import frictionless
import pandas as pd
import pytest

from migobs.exports.datapackage import write_datapackage
from migobs.exports.grapher import grapher_frame
from migobs.exports.owid_entities import entities
from migobs.exports.sdmx.csv import write_sdmx_csv2
from migobs.exports.table import TidyTable
from migobs.m49 import m49_text
from migobs.warehouse.read import open_warehouse
from tests.support.sdmx_read import read_sdmx
from tests.support.sdmx_schema import schema_errors

pytestmark = pytest.mark.real

HEAD = 100
"""Rows sdmx1 reads from the top of each export besides those bringing a new code."""


def test_frictionless_validates_every_data_package(
    every_table: dict[str, TidyTable], tmp_path: Path
) -> None:
    invalid: dict[str, list[list[str]]] = {}
    for index, (name, table) in enumerate(every_table.items()):
        *_, package = write_datapackage(table, tmp_path / str(index))
        report = frictionless.validate(str(package))
        if not report.valid:
            invalid[name] = report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]
    assert any(name.startswith("migobs_flows/") for name in every_table)
    assert len(every_table) >= 35 and invalid == {}


def test_sdmx1_reads_every_sdmx_csv_export_with_its_structure(
    every_table: dict[str, TidyTable], tmp_path: Path
) -> None:
    problems: dict[str, str] = {}
    for index, (name, table) in enumerate(every_table.items()):
        data, structure = write_sdmx_csv2(table, tmp_path / str(index))
        problem = _sdmx_problem(data, structure)
        if problem:
            problems[name] = problem
    assert problems == {}


def test_obs_status_says_which_values_were_computed_or_modelled(
    every_table: dict[str, TidyTable], tmp_path: Path
) -> None:
    statuses = {}
    for name in (
        "undesa_stock/2019/by_destination",
        "indicator/stock.total",
        "indicator/stock.share_of_population",
        "migobs_flows/2017/demographic-accounting",
    ):
        data, _ = write_sdmx_csv2(every_table[name], tmp_path / name.replace("/", "-"))
        rows = pd.read_csv(data, dtype=str, keep_default_na=False)
        statuses[name] = dict(rows["OBS_STATUS"].value_counts())
    assert set(statuses["undesa_stock/2019/by_destination"]) == {"A"}  # as published
    assert set(statuses["indicator/stock.share_of_population"]) == {"E"}  # a ratio we compute
    assert set(statuses["migobs_flows/2017/demographic-accounting"]) == {"E"}  # modelled
    # countries' totals are the published cells; groupings summed from members are ours
    assert set(statuses["indicator/stock.total"]) == {"A", "E"}


def test_every_area_of_the_warehouse_has_an_owid_name(with_flows: Path) -> None:
    with open_warehouse(with_flows) as con:
        codes = {m49_text(m49) for (m49,) in con.execute("SELECT m49 FROM areas").fetchall()}
    assert len(codes) > 350
    assert sorted(codes - set(entities())) == []


def test_every_grapher_csv_has_one_row_per_entity_and_year(
    every_table: dict[str, TidyTable],
) -> None:
    names = set(entities().values())
    problems = {}
    for name, table in every_table.items():
        frame = grapher_frame([table])
        duplicated = frame[frame.duplicated(["Entity", "Year"], keep=False)]
        strangers = sorted(set(frame["Entity"]) - names)
        if len(duplicated) or strangers:
            problems[name] = (duplicated[["Entity", "Year"]].head(3).values.tolist(), strangers)
    assert problems == {}
    stock = grapher_frame([every_table["undesa_stock/2020/by_destination"]])
    assert str(stock["undesa_stock_2020_by_destination"].dtype) == "Int64"
    latin = stock[stock["Entity"] == "Latin America and the Caribbean (UN)"]
    assert latin["Year"].is_unique and len(latin) > 0


def _sdmx_problem(data: Path, structure: Path) -> str:
    """What is wrong with one SDMX-CSV export and its structure, or ``""``."""
    errors = schema_errors(structure.read_bytes())
    if errors:
        return f"structure: {errors[0]}"
    (flow,) = read_sdmx(structure).dataflow.values()
    rows = pd.read_csv(data, dtype=str, keep_default_na=False)
    unknown = _codes_outside_codelists(flow, rows)
    if unknown:
        return f"codes outside their codelists: {unknown}"
    keys = [column for column in rows.columns if column != "OBS_VALUE"]
    firsts = {i for column in keys for i in rows.drop_duplicates(column).index}
    sample = rows.loc[sorted(firsts | set(rows.index[:HEAD]))]
    sampled = data.with_suffix(".sample.csv")
    sample.to_csv(sampled, index=False)
    observations = read_sdmx(sampled, structure=flow, format="csv").data[0].obs
    read = sorted(float(o.value) for o in observations)
    if read != sorted(sample["OBS_VALUE"].astype(float)):
        return f"sdmx1 read {len(read)} values, the file has {len(sample)}"
    return ""


def _codes_outside_codelists(flow: object, rows: pd.DataFrame) -> dict[str, list[str]]:
    structure = flow.structure  # type: ignore[attr-defined]
    components = [*structure.dimensions.components, *structure.attributes.components]
    unknown = {}
    for component in components:
        representation = component.local_representation
        if representation is None or representation.enumerated is None:
            continue
        codes = {code.id for code in representation.enumerated}
        outside = sorted(set(rows[component.id]) - codes)
        if outside:
            unknown[component.id] = outside[:5]
    return unknown
