"""The country report in the six UN languages: each in its script, numbers in its format, the
JSON's labels translated and its values unchanged; over the CLI and the API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import httpx
import pytest
from click.testing import CliRunner

from migobs.cli import cli
from migobs.i18n import LANGUAGES, speaking
from migobs.reports import country_report, markdown
from tests.support.small_warehouse import KENYA, build

SCRIPT = {
    "en": r"[A-Za-z]",
    "ar": r"[\u0600-\u06ff]",
    "zh": r"[\u4e00-\u9fff]",
    "fr": r"[éèàç’]",
    "ru": r"[\u0400-\u04ff]",
    "es": r"[áéíóúñ]",
}
HEADING = {
    "en": "# Kenya: migration in official statistics",
    "ar": "# كينيا: الهجرة في الإحصاءات الرسمية",
    "zh": "# 肯尼亚：官方统计中的移民",
    "fr": "# Kenya : les migrations dans les statistiques officielles",
    "ru": "# Кения: миграция в официальной статистике",
    "es": "# Kenia: la migración en las estadísticas oficiales",
}


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    connection = build()
    yield connection
    connection.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_markdown_report_in_each_language(con: duckdb.DuckDBPyConnection, lang: str) -> None:
    report = country_report(con, KENYA)
    with speaking(lang):
        text = markdown(report)
    assert text.startswith(HEADING[lang] + "\n")
    sections = [line for line in text.splitlines() if line.startswith("## ")]
    assert len(sections) >= 6 and re.search(SCRIPT[lang], " ".join(sections))
    if lang in ("ar", "zh", "ru"):  # every heading in its own script
        assert all(re.search(SCRIPT[lang], line) for line in sections), sections


def test_numbers_take_the_language_format(con: duckdb.DuckDBPyConnection) -> None:
    report = country_report(con, KENYA)
    with speaking("fr"):
        french = markdown(report)
    assert "| 1 300 |" in french.replace("\u202f", " ") or "| 1\u202f300 |" in french
    assert "| 1,300 |" in markdown(report)


def test_json_labels_translate_and_values_do_not(con: duckdb.DuckDBPyConnection) -> None:
    report = country_report(con, KENYA)
    english = report.as_dict()
    with speaking("ru"):
        russian = report.as_dict()
    assert russian["area"]["name"] == "Кения" and russian["language"] == "ru"
    assert russian["sections"][0]["title"] == "Мигранты, проживающие здесь"
    values = [[h["value"] for h in s["headlines"]] for s in english["sections"]]
    assert [[h["value"] for h in s["headlines"]] for s in russian["sections"]] == values


def test_api_report_takes_lang(client: httpx.Client) -> None:
    text = client.get("/api/reports/484.md", params={"lang": "zh"}).text
    assert text.startswith("# 墨西哥：官方统计中的移民")
    data = client.get("/api/reports/484", params={"lang": "es"}).json()
    assert data["area"]["name"] == "México" and data["language"] == "es"
    refused = client.get("/api/reports/484", params={"lang": "de"})
    assert refused.status_code == 422


def test_cli_report_takes_lang(web_settings: object, tmp_path: Path) -> None:
    from migobs.config import Settings

    assert isinstance(web_settings, Settings)
    out = tmp_path / "report.json"
    result = CliRunner().invoke(
        cli,
        ["report", "484", "--lang", "ar", "--format", "json", "--out", str(out)],
        env={
            "MIGOBS_HOME": str(web_settings.home),
            "MIGOBS_WAREHOUSE": str(web_settings.warehouse),
        },
    )
    assert result.exit_code == 0, result.output
    assert json.loads(out.read_text(encoding="utf-8"))["area"]["name"] == "المكسيك"


def test_notes_say_method_and_edition_in_the_language(con: duckdb.DuckDBPyConnection) -> None:
    report = country_report(con, KENYA)
    with speaking("fr"):
        notes = markdown(report).split("## D’où vient chaque chiffre")[1].split("\n## ")[0]
    assert "1. `stock.total`, édition 2020, valeur publiée : undesa_2020.xlsx[Table 1]!L13" in notes
    assert "`refugees.by_origin`, édition 2025.12.1, réfugiés originaires du pays, tous" in notes
    assert "envois de fonds personnels reçus / PIB × 100 : API_BX.csv!BJ120" in notes
    assert "non calculable : aucune valeur dans le fichier ; aucune valeur" in notes
    for english in ("edition", "stated", "not computable", "The warehouse", "simple average"):
        assert english not in notes, english
    assert "1. `stock.total`, edition 2020, stated: undesa_2020.xlsx" in markdown(report)
