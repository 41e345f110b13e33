"""The country report on the small warehouse of tests/support/small_warehouse.py: figures, notes, files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from migobs.errors import ValueNotFound
from migobs.indicators import Value
from migobs.reports import Headline, country_report, markdown
from migobs.reports.figures import figure
from tests.support.faces_warehouse import build_small_warehouse
from tests.support.small_warehouse import KENYA, build


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = build()
    yield connection
    connection.close()


def headlines(con: duckdb.DuckDBPyConnection, m49: int) -> dict[str, Headline]:
    report = country_report(con, m49)
    return {h.definition.code: h for _, section in report.sections for h in section}


def value_of(found: dict[str, Headline], code: str) -> Value:
    value = found[code].value
    assert value is not None, found[code].note
    return value


def test_each_headline_is_the_newest_year_with_a_value(con: duckdb.DuckDBPyConnection) -> None:
    found = headlines(con, KENYA)
    stock = value_of(found, "stock.total")
    assert (stock.year, stock.value, stock.edition) == (2020, 1300, "2020")
    assert [(c.file, c.cell) for c in stock.inputs] == [("undesa_2020.xlsx", "L13")]
    received = value_of(found, "remittances.received")
    assert (received.year, received.value) == (2017, 2.0e9)
    ratio = value_of(found, "remittances.vs_oda")
    assert ratio.value == pytest.approx(0.8)


def test_a_figure_the_data_do_not_allow_says_why(con: duckdb.DuckDBPyConnection) -> None:
    paid = headlines(con, KENYA)["remittances.paid"]
    assert paid.value is None
    assert paid.note.startswith("The warehouse holds no data for WDI remittances_paid.")
    female = headlines(con, KENYA)["stock.female_share"]
    assert (female.value, female.note) == (
        None,
        "not computable: no value in the file; no value in the file",
    )


def test_markdown_names_every_figures_cells_and_only_the_files_cited(
    con: duckdb.DuckDBPyConnection,
) -> None:
    text = markdown(country_report(con, KENYA))
    assert text.startswith("# Kenya: migration in official statistics\n")
    assert "| International migrant stock | 2020 | 1,300 | [1] |" in text
    assert "1. `stock.total`, edition 2020, stated: undesa_2020.xlsx[Table 1]!L13 = 1,300." in text
    assert "| Personal remittances received | 2017 | USD 2.0 billion |" in text
    assert "API_BX.csv!BJ120 = 2,000,000,000" in text
    assert "**undesa_2020.xlsx** (undesa_stock 2020)" in text
    assert "mmp_2022.xlsx" not in text  # no figure of Kenya's report reads it
    assert "| 19. Create conditions for migrants and diasporas" in text


def test_unknown_area_is_refused(con: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(ValueNotFound, match="No area with M49 code 5"):
        country_report(con, 5)


@pytest.mark.parametrize(
    ("value", "unit", "text"),
    [
        (1_197_624.0, "persons", "1,197,624"),
        (49.78, "percent", "49.8%"),
        (0.934, "percent", "0.93%"),
        (67.64e9, "current_usd", "USD 67.6 billion"),
        (898.7e6, "current_usd", "USD 898.7 million"),
        (81.56e12, "current_usd", "USD 81.6 trillion"),
        (11.94, "per_100000", "11.9 per 100,000"),
        (146.652, "ratio", "146.65 times"),
    ],
)
def test_figures_read_as_a_reader_expects(value: float, unit: str, text: str) -> None:
    assert figure(value, unit) == text


def test_a_notes_command_names_the_area_as_m49_text(tmp_path: Path) -> None:
    from migobs.reports.notes import note

    path = build_small_warehouse(tmp_path / "warehouse.duckdb")
    with duckdb.connect(str(path), read_only=True) as faces:
        report = country_report(faces, 4)
    stock = next(h for _, section in report.sections for h in section if h.value is not None)
    assert "--area 004 --year 2019 --json" in note(stock, 4).command
