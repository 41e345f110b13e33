"""What a report calls an indicator and an objective, in the report's language: the Markdown
and the PDF name them alike."""

from __future__ import annotations

from migobs.i18n.messages import gettext as _
from migobs.i18n.texts import indicator_title, objective_title
from migobs.reports.country import Headline


def indicator_label(headline: Headline) -> str:
    """The title of ``headline``'s indicator in the current language."""
    return indicator_title(headline.definition.code, headline.definition.title)


def objective_label(number: int, english: str) -> str:
    """Objective ``number``'s title in the current language, marked when not official."""
    title = objective_title(number, english)
    unofficial = _("unofficial translation")
    return title.text if title.official else f"{title.text} ({unofficial})"
