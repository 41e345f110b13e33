"""A :class:`~migobs.reports.country.CountryReport` as a Markdown document: headline figures
with numbered notes giving each figure's cells, the Compact's objectives, and the files cited."""

from __future__ import annotations

from migobs.i18n.messages import gettext as _
from migobs.m49 import m49_text
from migobs.reports.country import CountryReport, Headline
from migobs.reports.figures import figure
from migobs.reports.labels import indicator_label, objective_label
from migobs.reports.notes import note
from migobs.tracker.reference import objectives as compact_objectives


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
        missing = _("not available")
        return f"| {indicator_label(headline)} | – | {missing} | [{number}] |"
    shown = figure(value.value, value.unit)
    return f"| {indicator_label(headline)} | {value.when()} | {shown} | [{number}] |"


def _note(headline: Headline, m49: int) -> str:
    found = note(headline, m49)
    if not found.available:
        return _("%(code)s: not available: %(why)s.") % {
            "code": f"`{found.code}`",
            "why": found.caveat,
        }
    shown = "; ".join(found.cells)
    if found.more:
        more = {"count": found.more, "command": f"`{found.command}`"}
        shown += _("; and %(count)s more (%(command)s)") % more
    caveat = " " + _("Note: %(note)s.") % {"note": found.caveat} if found.caveat else ""
    cells = (shown or _("no input cells recorded")) + "." + caveat
    said = {"code": f"`{found.code}`", "editions": found.editions, "method": found.method}
    return _("%(code)s, %(editions)s, %(method)s: %(cells)s") % {**said, "cells": cells}


def _objectives(report: CountryReport) -> list[str]:
    titles = {o.number: objective_label(o.number, o.title) for o in compact_objectives()}
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
        unmeasured = _("%(count)s linked indicator(s)") % {"count": len(coverage.not_measurable)}
        lines.append(
            f"| {coverage.objective}. {titles[coverage.objective]} | {measured or '–'} "
            f"| {unmeasured} |"
        )
    return lines


def _files(report: CountryReport) -> list[str]:
    lines = ["", "## " + _("Sources"), ""]
    for name, file in sorted(report.files.items()):
        lines.append(
            f"- **{name}** ({file['source']} {file['edition']}): {file['citation']} "
            + _("Licence: %(licence)s.") % {"licence": file["licence"]}
            + f" <{file['url']}> sha256 `{file['sha256']}`"
        )
    return lines
