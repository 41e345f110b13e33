"""Country reports on the warehouse built from the mirror: figures equal the official cells."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from migobs.config import Settings
from tests.support.cells import xlsx_cell
from tests.support.cli import migobs
from tests.support.live import serve_in_thread
from tests.support.pdf import outside_margins, pages, squeezed

pytestmark = pytest.mark.real

STOCK_2020 = "undesa_ims/2020/undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"


def headline(report: dict[str, Any], code: str) -> dict[str, Any]:
    return next(
        h for section in report["sections"] for h in section["headlines"] if h["code"] == code
    )


def test_cli_report_of_mexico_reads_the_official_cells(
    built_warehouse: Path, mirror: Path, tmp_path: Path
) -> None:
    out = tmp_path / "mexico.json"
    settings = Settings(home=tmp_path, warehouse_path=built_warehouse)
    result = migobs(settings, "report", "MEX", "--format", "json", "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text())
    assert report["area"] == {"m49": "484", "iso3": "MEX", "name": "Mexico"}
    stock = headline(report, "stock.total")["value"]
    assert (stock["year"], stock["value"], stock["edition"]) == (2020, 1_197_624.0, "2020")
    (cell,) = stock["inputs"]
    assert (cell["sheet"], cell["cell"]) == ("Table 1", "L243")
    assert xlsx_cell(mirror / STOCK_2020, "Table 1", "L243") == 1_197_624.0
    emigrants = headline(report, "stock.emigrants")["value"]
    assert (emigrants["year"], emigrants["value"]) == (2017, 12_964_882.0)
    received = headline(report, "remittances.received")["value"]
    assert received["value"] == pytest.approx(67.64e9, rel=1e-3)
    cited = report["files"]
    assert cited["undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"]["sha256"].startswith(
        "c2bae988"
    )


@pytest.fixture(scope="module")
def real(built_warehouse: Path, mirror: Path) -> Iterator[httpx.Client]:
    settings = Settings(home=built_warehouse.parent, warehouse_path=built_warehouse, mirror=mirror)
    for url in serve_in_thread(settings):
        with httpx.Client(base_url=url, timeout=60) as client:
            yield client


def test_api_report_as_markdown_and_data(real: httpx.Client) -> None:
    text = real.get("/api/reports/484.md")
    assert text.status_code == 200
    assert text.headers["content-type"].startswith("text/markdown")
    assert "| International migrant stock | 2020 | 1,197,624 | [1] |" in text.text
    assert "[Table 1]!L243 = 1,197,624." in text.text
    data = real.get("/api/reports/484").json()
    assert headline(data, "stock.total")["value"]["value"] == 1_197_624.0


def test_api_report_of_an_unknown_area_names_the_parameter(real: httpx.Client) -> None:
    answer = real.get("/api/reports/12345.md")
    assert answer.status_code == 404
    assert answer.json()["error"]["parameter"] == "m49"


def test_api_pdf_of_mexico_cites_the_official_cells(real: httpx.Client) -> None:
    answer = real.get("/api/reports/484.pdf")
    assert answer.status_code == 200, answer.text
    document = answer.content
    text = pages(document, layout=True)
    assert len(text) > 2
    assert "Mexico: migration in official statistics" in text[0]
    whole = squeezed("".join(text))
    assert squeezed(f"{STOCK_2020.rsplit('/', 1)[1]}[Table 1]!L243 = 1,197,624") in whole
    assert re.search(r"International migrant stock\s+2020\s+1,197,624\s+\[1\]", "".join(text))
    assert "Immigrants and emigrants (persons)" in "".join(text)  # a chart of 1990-2020
    assert outside_margins(document) == []


def test_api_pdf_of_mexico_in_arabic_and_chinese(real: httpx.Client) -> None:
    for lang, name, script in (
        ("ar", "المكسيك", r"[\u0600-\u06ff]"),
        ("zh", "墨西哥", r"[\u4e00-\u9fff]"),
    ):
        document = real.get("/api/reports/484.pdf", params={"lang": lang}).content
        text = "".join(pages(document))
        assert name in text and len(re.findall(script, text)) > 500
        assert outside_margins(document) == []
