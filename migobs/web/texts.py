"""Template filters giving the Compact's objectives and principles, the indicators' titles,
definitions, periods, weightings and caveats (:mod:`migobs.i18n.texts`) and the names of the
indicators linked to objectives (:mod:`migobs.i18n.links`) in the page's language; a translation
that is not the official language version is marked "unofficial translation" beside it.
``translated`` says a :class:`~migobs.i18n.messages.Said` text, or an indicator's method or note
(:mod:`migobs.i18n.phrases`), in the page's language."""

from __future__ import annotations

from markupsafe import Markup, escape

from migobs.i18n import texts
from migobs.i18n.links import link_name
from migobs.i18n.messages import gettext as _
from migobs.i18n.phrases import said
from migobs.indicators.definitions import definitions
from migobs.tracker import reference

OBJECTIVES = {o.number: o for o in reference.objectives()}
PRINCIPLES = {p.letter: p for p in reference.principles()}


def marked(text: texts.Text) -> Markup:
    """``text`` escaped, followed by "(unofficial translation)" unless it is official."""
    if text.official:
        return Markup(escape(text.text))
    note = _("unofficial translation")
    return Markup('{} <small class="unofficial">({})</small>').format(text.text, note)


def objective_title(number: int) -> Markup:
    """Objective ``number``'s title in the page's language, marked when unofficial."""
    return marked(texts.objective_title(number, OBJECTIVES[number].title))


def objective_label(number: int) -> Markup:
    """Objective ``number``'s short label (``1 - Data``) in the page's language."""
    return marked(texts.objective_label(number, OBJECTIVES[number].short_label))


def principle_name(letter: str) -> Markup:
    """Guiding principle ``letter``'s name in the page's language, marked when unofficial."""
    return marked(texts.principle_name(letter, PRINCIPLES[letter].name))


def objective_summary(number: int) -> str:
    """The project's one-sentence summary of objective ``number`` in the page's language."""
    return texts.summary("objectives", number, OBJECTIVES[number].summary)


def principle_summary(letter: str) -> str:
    """The project's one-sentence summary of principle ``letter`` in the page's language."""
    return texts.summary("principles", letter, PRINCIPLES[letter].summary)


def indicator_title(code: str) -> str:
    """Indicator ``code``'s title in the page's language."""
    return texts.indicator_title(code, definitions()[code].title)


def indicator_definition(code: str) -> str:
    """Indicator ``code``'s definition (its formula in words) in the page's language."""
    return texts.indicator_definition(code, definitions()[code].formula)


def indicator_period(code: str) -> str:
    """Indicator ``code``'s period in the page's language."""
    return texts.indicator_period(code, definitions()[code].period)


def indicator_weighting(code: str) -> str:
    """How indicator ``code`` weighs a grouping's units, in the page's language (may be empty)."""
    return texts.indicator_weighting(code, definitions()[code].weighting)


def indicator_caveats(code: str) -> str:
    """Indicator ``code``'s caveats in the page's language (may be empty)."""
    return texts.indicator_caveats(code, definitions()[code].caveats)


FILTERS = {
    "objective_title": objective_title,
    "objective_label": objective_label,
    "principle_name": principle_name,
    "objective_summary": objective_summary,
    "principle_summary": principle_summary,
    "indicator_title": indicator_title,
    "indicator_definition": indicator_definition,
    "indicator_period": indicator_period,
    "indicator_weighting": indicator_weighting,
    "indicator_caveats": indicator_caveats,
    "link_name": link_name,
    "translated": said,
}
"""The filters this module adds to the dashboard's templates, by name."""
