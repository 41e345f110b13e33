"""A :class:`~migobs.reports.country.CountryReport` as a PDF: a title page with the date and the
warehouse build, the figures with numbered notes citing file, sheet and cell, the dashboard's
charts, the Compact's objectives and the files cited; in any of the six UN languages.

The report is written as HTML (``templates/report.html``) and laid out by WeasyPrint, which
draws the charts' SVG itself and finds the Noto fonts (Latin, Cyrillic, Arabic, Chinese) through
fontconfig (docs/reports.md).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from babel.dates import format_date
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from migobs.charts.svg import PRINT, Series, line_chart, swatch
from migobs.errors import ReportError
from migobs.i18n import current, direction
from migobs.i18n.messages import gettext, ngettext, translated
from migobs.m49 import m49_text
from migobs.reports.country import CountryReport, Headline
from migobs.reports.figures import figure
from migobs.reports.labels import indicator_label, objective_label
from migobs.reports.notes import note
from migobs.reports.svg_text import drawn_in_order
from migobs.reports.trends import Trend
from migobs.tracker.reference import objectives as compact_objectives

TEMPLATES = Path(__file__).parent / "templates"

FONTS = {
    "zh": '"Noto Sans CJK SC", "Noto Sans", sans-serif',
    "ar": '"Noto Sans Arabic", "Noto Sans", sans-serif',
}
"""Font families by language, first choice first; other languages: :data:`DEFAULT_FONTS`. Each
list falls back on the others' scripts (an Arabic report quotes Latin file names)."""
DEFAULT_FONTS = '"Noto Sans", "Noto Sans Arabic", "Noto Sans CJK SC", sans-serif'

environment = Environment(
    loader=FileSystemLoader(TEMPLATES),
    autoescape=select_autoescape(["html"]),
    extensions=["jinja2.ext.i18n"],
)
environment.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]


def html(report: CountryReport, made: date | None = None) -> str:
    """The report as one HTML document in the current language, ready for WeasyPrint;
    ``made`` is the date printed on it (default: today)."""
    lang = current.get()
    return environment.get_template("report.html").render(
        report=report,
        m49=m49_text(report.area.m49),
        lang=lang,
        dir=direction(lang),
        fonts=Markup(FONTS.get(lang, DEFAULT_FONTS)),
        css=Markup((TEMPLATES / "report.css").read_text(encoding="utf-8")),
        made=format_date(made or date.today(), format="long", locale=lang),
        sections=_sections(report),
        charts=[_chart(trend) for trend in report.trends],
        objectives=_objectives(report),
    )


def pdf(report: CountryReport, made: date | None = None) -> bytes:
    """The report as a PDF document in the current language (see :func:`html`).

    Raises
    ------
    ReportError
        WeasyPrint cannot load the libraries it draws with (Pango, HarfBuzz).
    """
    document = html(report, made)
    try:
        from weasyprint import HTML
        from weasyprint.urls import URLFetcher
    except OSError as error:  # a shared library of Pango or HarfBuzz is missing
        raise ReportError(
            f"A PDF report needs WeasyPrint's libraries, which could not be loaded ({error}). "
            "Install them with `bash scripts/test-services` as root (docs/reports.md)."
        ) from error
    # The report loads nothing: its styles, charts and fonts are in the document or on the
    # system, and a URL in the data must stay text (a fetcher allowing no protocol).
    written: bytes = HTML(string=document, url_fetcher=URLFetcher(allowed_protocols=())).write_pdf()
    return written


def _sections(report: CountryReport) -> list[dict[str, Any]]:
    """Each section's title and rows, every row with its numbered note."""
    sections, number = [], 0
    for title, headlines in report.sections:
        rows = []
        for headline in headlines:
            number += 1
            when, shown = _figure(headline)
            rows.append(
                {
                    "number": number,
                    "title": indicator_label(headline),
                    "when": when,
                    "figure": shown,
                    "note": note(headline, report.area.m49),
                }
            )
        sections.append({"title": gettext(title), "rows": rows})
    return sections


def _figure(headline: Headline) -> tuple[str, str | None]:
    """The period and the figure of ``headline`` as written for reading; ``("–", None)`` when
    the data do not allow it."""
    value = headline.value
    if value is None or value.value is None:
        return "–", None
    return value.when(), figure(value.value, value.unit)


def _chart(trend: Trend) -> dict[str, Any]:
    """A trend drawn as the dashboard draws it, at a page's width, its lines named by a key."""
    unlabelled = [Series("", s.points, s.band) for s in trend.lines]
    title = gettext(trend.title)
    svg = line_chart(unlabelled, title=title, unit="", ident=trend.ident, layouts=(PRINT,))
    return {
        "title": title,
        "unit": gettext(trend.unit),
        "svg": drawn_in_order(svg),
        "key": [(swatch(i), gettext(s.label)) for i, s in enumerate(trend.lines)],
        "source": translated(trend.source),
    }


def _objectives(report: CountryReport) -> list[dict[str, Any]]:
    """Each objective: its number and title, the indicators that measure it, how many cannot."""
    titles = {o.number: objective_label(o.number, o.title) for o in compact_objectives()}
    return [
        {
            "number": coverage.objective,
            "title": titles[coverage.objective],
            "measured": list(
                dict.fromkeys(c for link in coverage.measurable for c in link.measured_by)
            ),
            "not_measurable": len(coverage.not_measurable),
        }
        for coverage in report.objectives
    ]
