"""The PDF country report, laid out by the real WeasyPrint and read back with Debian's pdftotext:
the country's name and its cited cells on the page, a title page with the date and the build,
more than one page, nothing past the page's margins, and the six languages in their scripts."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path

import httpx
import pytest
from weasyprint import HTML
from weasyprint.formatting_structure import boxes

from migobs.i18n import LANGUAGES, speaking
from migobs.i18n.messages import gettext
from migobs.reports import CountryReport, country_report, pdf
from migobs.reports.pdf import html
from tests.reports.test_languages import SCRIPT
from tests.support.cli import at, migobs
from tests.support.pdf import Word, outside_margins, pages, squeezed, words
from tests.support.small_warehouse import KENYA, build

BUILD = "20261206T0615Z-4f1c"
LONG_URL = (
    "https://www.un.org/development/desa/pd/sites/www.un.org.development.desa.pd/files/"
    "undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx"
)
SHA256 = "c2bae988" + "0123456789abcdef" * 3 + "01234567"


@pytest.fixture(scope="module")
def report() -> Iterator[CountryReport]:
    """Kenya's report on the small warehouse, with a build id and the real file's long URL and
    checksum (the strings most likely to run off a page)."""
    con = build()
    con.execute("INSERT INTO builds VALUES (?, now(), now(), 'test', NULL)", [BUILD])
    con.execute("UPDATE source_files SET url = ?, sha256 = ?", [LONG_URL, SHA256])
    yield country_report(con, KENYA)
    con.close()


@pytest.fixture(scope="module")
def rendered(report: CountryReport) -> Callable[[str], bytes]:
    """The report's PDF in a language, made on 6 December 2026, rendered once per language."""

    @cache
    def in_language(lang: str) -> bytes:
        with speaking(lang):
            return pdf(report, made=date(2026, 12, 6))

    return in_language


@pytest.fixture(scope="module")
def english(rendered: Callable[[str], bytes]) -> bytes:
    return rendered("en")


def test_the_pdf_names_the_country_and_cites_the_cells(english: bytes) -> None:
    assert english.startswith(b"%PDF-")
    text = pages(english)
    assert len(text) > 1
    title = text[0]
    assert "Kenya: migration in official statistics" in title
    assert "M49 404 · ISO3 KEN" in title
    assert "December 6, 2026" in title and BUILD in title
    whole = squeezed("".join(text))
    assert squeezed("undesa_2020.xlsx[Table 1]!L13 = 1,300") in whole
    assert squeezed("API_BX.csv!BJ120 = 2,000,000,000") in whole
    assert SHA256 in whole and squeezed(LONG_URL) in whole


def test_figures_are_numbered_and_their_notes_follow(english: bytes) -> None:
    body = "\n".join(pages(english, layout=True)[1:])
    assert re.search(r"International migrant stock\s+2020\s+1,300\s+\[1\]", body), body
    assert re.search(r"Personal remittances paid\s+–\s+not available\s+\[10\]", body), body
    notes = body[body.index("Where each figure comes from") :]
    assert re.search(r"1\.\s+stock\.total, edition 2020, stated:", notes), notes
    assert re.search(r"10\.\s+remittances\.paid: not available: The warehouse holds no", notes)


def test_the_dashboards_chart_is_drawn_with_its_key(english: bytes) -> None:
    text = "\n".join(pages(english, layout=True))
    assert "Immigrants and emigrants (persons)" in text
    chart = [w.text for w in words(english) if w.text in {"2017", "2020", "1.5k", "500"}]
    assert {"2017", "2020", "1.5k", "500"} <= set(chart)  # the axes' years and ticks
    assert re.search(r"Immigrants\s+Emigrants", text)  # the key names the two lines


@pytest.mark.parametrize("lang", ["en", "ar", "zh"])
def test_no_word_runs_past_the_page_margins(rendered: Callable[[str], bytes], lang: str) -> None:
    assert outside_margins(rendered(lang)) == []


def drawn(box: boxes.Box) -> Iterator[boxes.Box]:
    """The boxes inside ``box`` that draw something of a set width: tables with everything in
    them, text, and the charts' SVG (a line box's width is its container's, not its ink's)."""
    for child in box.descendants():
        if isinstance(child, boxes.TableBox):
            yield from child.descendants()
        elif isinstance(child, (boxes.TextBox, boxes.ReplacedBox)):
            yield child


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_no_table_text_or_chart_is_wider_than_the_page_content(
    report: CountryReport, lang: str
) -> None:
    with speaking(lang):
        laid_out = HTML(string=html(report)).render()
    kinds: set[str] = set()
    for page in laid_out.pages:
        box = page._page_box
        left, right = box.content_box_x(), box.content_box_x() + box.width
        for root in (c for c in box.children if not isinstance(c, boxes.MarginBox)):
            for child in drawn(root):
                kinds.add(type(child).__name__)
                assert child.position_x >= left - 0.5, (child, left)
                assert child.position_x + child.margin_width() <= right + 0.5, (child, right)
    assert {"TableBox", "TableCellBox", "TextBox"} <= kinds


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_report_in_each_language_is_in_its_script(
    report: CountryReport, rendered: Callable[[str], bytes], lang: str
) -> None:
    with speaking(lang):
        expected = [report.name, gettext("Migrants living here"), gettext("Sources")]
    text = pages(rendered(lang))
    assert len(re.findall(SCRIPT[lang], text[0])) >= 5
    whole = squeezed("".join(text))
    assert all(squeezed(words) in whole for words in expected), expected
    if lang in ("ar", "zh", "ru"):
        assert len(re.findall(SCRIPT[lang], "".join(text))) > 200


def first_row(document: bytes) -> tuple[Word, Word]:
    """The year and the figure of the report's first row (page 2: 2020, 1,300)."""
    found = [w for w in words(document) if w.page == 2]
    return (
        next(w for w in found if w.text == "2020"),
        next(w for w in found if w.text == "1,300"),
    )


def test_arabic_runs_right_to_left(rendered: Callable[[str], bytes]) -> None:
    document = rendered("ar")
    # pdftotext -bbox writes a right-to-left word's letters in the order they stand on the page
    name = next(w for w in words(document) if w.page == 1 and "كينيا"[::-1] in w.text)
    assert name.right > name.page_width * 0.75  # the title starts at the right margin
    year, figure = first_row(document)
    assert figure.right < year.left  # columns run from the right: indicator, year, figure
    year, figure = first_row(rendered("en"))
    assert year.right < figure.left  # and from the left in English


def test_cli_writes_a_pdf_in_the_language_asked(web_settings: object, tmp_path: Path) -> None:
    from migobs.config import Settings

    assert isinstance(web_settings, Settings)
    out = tmp_path / "mexico.pdf"
    result = migobs(
        at(web_settings.warehouse), "report", "MEX", "--format", "pdf", "--lang", "ru",
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Мексика" in pages(out.read_bytes())[0]


def test_cli_pdf_needs_a_file(web_settings: object) -> None:
    from migobs.config import Settings

    assert isinstance(web_settings, Settings)
    result = migobs(at(web_settings.warehouse), "report", "484", "--format", "pdf")
    assert result.exit_code == 2
    assert "add --out FILE" in result.output


def test_api_pdf_in_a_language_and_kept_per_build(client: httpx.Client) -> None:
    answer = client.get("/api/reports/MEX.pdf", params={"lang": "zh"})
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/pdf"
    assert "墨西哥" in pages(answer.content)[0]
    tag = answer.headers["etag"]
    again = client.get(
        "/api/reports/MEX.pdf", params={"lang": "zh"}, headers={"If-None-Match": tag}
    )
    assert again.status_code == 304
    assert client.get("/api/reports/484.pdf").content.startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/reports/99999.pdf", 404),
        ("/api/reports/Atlantis.pdf", 404),
        ("/api/reports/484.pdf?lang=de", 422),
        ("/api/reports/" + "9" * 300 + ".pdf", 422),
        ("/api/reports/%00.pdf", 404),
        ("/api/reports/.pdf", 404),
    ],
)
def test_api_pdf_refuses_bad_input_with_a_4xx(client: httpx.Client, path: str, status: int) -> None:
    answer = client.get(path)
    assert answer.status_code == status, answer.text
    assert answer.headers["content-type"].startswith("application/json")
    assert answer.json()["error"]["status"] == status


def chart_words(document: bytes) -> list[str]:
    """The words pdftotext reads before the chart's first year: its title and the ticks of its
    axis of values, down to 0."""
    found = [w.text for w in words(document)]
    axis = next(i for i in range(len(found)) if found[i : i + 3] == ["500", "0", "2017"])
    return found[axis - 7 : axis + 2]


def test_chart_ticks_use_the_languages_short_numbers(
    report: CountryReport, rendered: Callable[[str], bytes]
) -> None:
    assert chart_words(rendered("en"))[-4:] == ["1.5k", "1k", "500", "0"]  # house style
    # CLDR's short forms, drawn letter by letter by WeasyPrint and read back by pdftotext
    french = chart_words(rendered("fr"))
    assert "1,5" in french and french[french.index("1,5") + 1] == "k" and "1.5k" not in french
    spanish = chart_words(rendered("es"))
    assert spanish[-6:] == ["1,5", "mil", "1", "mil", "500", "0"]
    # Arabic's word is drawn joined, left of nothing but its number: pdftotext reads the
    # letters' presentation forms in the order they stand on the page
    arabic = chart_words(rendered("ar"))
    thousand = [unicodedata.normalize("NFKC", w)[::-1] for w in arabic]
    assert thousand.count("ألف") == 2 and "1.5" in arabic
    # pdftotext glues a narrow space ("1 k" reads 1k): the chart as drawn says it exactly
    with speaking("fr"):
        drawn = html(report, made=date(2026, 12, 6))
    assert ">1,5\u00a0k</text>" in drawn and ">1\u00a0k</text>" in drawn


def test_chart_source_and_notes_in_the_language(rendered: Callable[[str], bytes]) -> None:
    text = squeezed("".join(pages(rendered("fr"))))
    assert (
        squeezed("Source : Stock de migrants internationaux du DAES de l'ONU, édition 2020") in text
    )
    assert squeezed("stock.total, édition 2020, valeur publiée :") in text
    assert squeezed("2020 edition") not in text and squeezed(", stated:") not in text
