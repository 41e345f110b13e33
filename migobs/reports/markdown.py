"""A :class:`~migobs.reports.country.CountryReport` as a Markdown document: headline figures
with numbered notes giving each figure's cells, the Compact's objectives, and the files cited."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from migobs.i18n import current
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _
from migobs.i18n.texts import indicator_title, objective_title
from migobs.indicators import Value
from migobs.m49 import m49_text
from migobs.numbers import plain
from migobs.reports.country import CountryReport, Headline
from migobs.tracker.reference import objectives as compact_objectives

CELLS_SHOWN = 3
"""Input cells listed per figure; the rest are counted, with the command that lists them all."""


def figure(value: float, unit: str) -> str:
    """``value`` in ``unit`` as a reader of the current language expects it: ``1,234,567``,
    ``12.3%``, ``USD 4.5 billion``, ``12.3 per 100,000``, ``2.9 times`` in English;
    ``1 234 567``, ``12,3 %`` … in French (CLDR's separators through Babel)."""
    if unit == "current_usd":
        for size, word in ((1e12, N_("trillion")), (1e9, N_("billion")), (1e6, N_("million"))):
            if abs(value) >= size:
                return f"USD {decimal(value / size, '#,##0.0')} {_(word)}"
        return f"USD {decimal(value, '#,##0')}"
    if unit == "percent":
        pattern = "#,##0.00%" if abs(value) < 1 else "#,##0.0%"
        return format_percent(value / 100, pattern, locale=current.get())
    if unit == "per_100000":
        return _("%(value)s per 100,000") % {"value": decimal(value, "#,##0.0")}
    if unit == "ratio":
        return _("%(value)s times") % {"value": decimal(value, "#,##0.00")}
    return decimal(value, "#,##0")


def decimal(value: float, pattern: str) -> str:
    """``value`` by the CLDR ``pattern`` with the current language's separators."""
    return format_decimal(value, pattern, locale=current.get(), numbering_system="default")


def markdown(report: CountryReport) -> str:
    """The whole report as Markdown (GitHub-flavoured tables)."""
    place = report.area
    code = f"M49 {m49_text(place.m49)}" + (f", ISO3 {place.iso3}" if place.iso3 else "")
    lines = [
        "# " + _("%(name)s: migration in official statistics") % {"name": report.name},
        "",
        f"{code}. "
        + _(
            "Every figure is computed by Migration Observatory from the official files listed "
            "at the end; its note names the file, sheet and cell it was read from. Warehouse "
            "build %(build)s."
        )
        % {"build": f"`{report.build_id or 'unknown'}`"},
    ]
    notes: list[str] = []
    for title, headlines in report.sections:
        lines += [
            "",
            f"## {_(title)}",
            "",
            "| {} | {} | {} | {} |".format(_("Indicator"), _("Year"), _("Figure"), _("Note")),
            "|---|---|---|---|",
        ]
        for headline in headlines:
            notes.append(_note(headline, place.m49))
            lines.append(_row(headline, len(notes)))
    lines += ["", "## " + _("Where each figure comes from"), ""]
    lines += [f"{number}. {note}" for number, note in enumerate(notes, start=1)]
    lines += _objectives(report)
    lines += _files(report)
    return "\n".join(lines) + "\n"


def _row(headline: Headline, number: int) -> str:
    value = headline.value
    if value is None or value.value is None:
        return f"| {_title(headline)} | – | {_('not available')} | [{number}] |"
    return (
        f"| {_title(headline)} | {value.when()} | {figure(value.value, value.unit)} | [{number}] |"
    )


def _note(headline: Headline, m49: int) -> str:
    code = headline.definition.code
    value = headline.value
    if value is None or value.value is None:
        return f"`{code}`: not available: {_one_line(headline.note)}."
    return f"`{code}`, {value.edition_label()}, {value.method}: {_cells(value, m49)}"


def _cells(value: Value, m49: int) -> str:
    shown = "; ".join(
        f"{cell.where()} = {plain(cell.value)}"
        for cell in value.inputs[:CELLS_SHOWN]
        if cell.value is not None
    )
    rest = len(value.inputs) - CELLS_SHOWN
    if rest > 0:
        shown += (
            f"; and {rest} more (`migobs indicator {value.code} --area {m49} "
            f"--year {value.year} --json`)"
        )
    caveat = f" Note: {_one_line(value.note)}." if value.note else ""
    return (shown or "no input cells recorded") + "." + caveat


def _one_line(text: str) -> str:
    return " ".join(text.split()).rstrip(".")


def _title(headline: Headline) -> str:
    return indicator_title(headline.definition.code, headline.definition.title)


def _objective(number: int, english: str) -> str:
    """Objective ``number``'s title in the report's language, marked when not official."""
    title = objective_title(number, english)
    return title.text if title.official else f"{title.text} ({_('unofficial translation')})"


def _objectives(report: CountryReport) -> list[str]:
    titles = {o.number: _objective(o.number, o.title) for o in compact_objectives()}
    lines = [
        "",
        "## " + _("The Global Compact's objectives: what the data can measure"),
        "",
        "| {} | {} | {} |".format(
            _("Objective"), _("Measurable from the data held"), _("Not measurable here")
        ),
        "|---|---|---|",
    ]
    for coverage in report.objectives:
        codes = dict.fromkeys(c for link in coverage.measurable for c in link.measured_by)
        measured = ", ".join(f"`{code}`" for code in codes)
        lines.append(
            f"| {coverage.objective}. {titles[coverage.objective]} | {measured or '–'} "
            f"| {_('%(count)s linked indicator(s)') % {'count': len(coverage.not_measurable)}} |"
        )
    return lines


def _files(report: CountryReport) -> list[str]:
    lines = ["", "## " + _("Sources"), ""]
    for name, file in sorted(report.files.items()):
        lines.append(
            f"- **{name}** ({file['source']} {file['edition']}): {file['citation']} "
            f"Licence: {file['licence']}. <{file['url']}> sha256 `{file['sha256']}`"
        )
    return lines
