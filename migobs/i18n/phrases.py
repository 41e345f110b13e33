"""The indicators' own words in the reader's language: how a figure was computed (``stated``,
``sum of 5 of 6 members (m49)``), which edition it comes from and why there is none (``not
computable: no value in the file``).

These are English text made by the indicators and kept so in the warehouse (materialised values,
the API, exports), so they are translated where they are shown: :func:`phrase` reads a text
against :data:`PHRASES`, gettext messages whose ``%(name)s`` placeholders match any words, and
says it again in the current language, each placeholder's words translated the same way (a list
joined by ``"; "`` item by item). A text that matches no phrase stays as it is; a test lists the
words still English on the pages (tests/web/test_english_left.py).
"""

from __future__ import annotations

import re
from functools import cache

from migobs.i18n import current
from migobs.i18n.messages import N_, Said, gettext, translated

PHRASES = (
    N_("stated"),
    N_("published aggregate"),
    N_("no value"),
    N_("no estimate"),
    N_("no value in the file"),
    N_("no member list"),
    N_("an input is missing or zero"),
    N_("not computable: %(why)s"),
    N_("sum of %(parts)s of %(members)s members (%(scheme)s)"),
    N_("sum of %(parts)s of %(members)s members (%(scheme)s); published as %(where)s"),
    N_("edition %(edition)s"),
    N_("editions: %(editions)s"),
    N_("edition %(edition)s has no %(year)s; its years: %(years)s"),
    N_("100 × migrant stock / total population"),
    N_("100 × female migrant stock / migrant stock"),
    N_("migrant stock %(year)s / migrant stock %(base)s"),
    N_("migrant stock %(year)s - migrant stock %(base)s"),
    N_("migrants born in %(origin)s living in %(destination)s"),
    N_("migrants of unknown origin (Other North, Other South) belong to no area: left out"),
    N_("100,000 × refugees from the area / population of the area"),
    N_("refugees from the country, every asylum"),
    N_("refugees from member countries (%(scheme)s)"),
    N_("every origin, unknown and stateless included"),
    N_("the matrix's total"),
    N_("personal remittances received / %(denominator)s"),
    N_("personal remittances received / %(denominator)s × 100"),
    N_("gdp"),
    N_("oda received"),
    N_("bilateral estimate, %(origin)s → %(destination)s"),
    N_(
        "sum of 'Total Number of Dead and Missing' over %(rows)s incident rows, %(period)s "
        "(%(how)s)"
    ),
    N_("every incident"),
    N_("incidents in the country"),
    N_("incidents in member countries (%(scheme)s)"),
    N_("incidents at sea or in no named country count only in the world total"),
    N_(
        "simple average of %(cells)s corridor-quarter averages of %(year)s (%(corridors)s "
        "corridors, quarters %(quarters)s)"
    ),
    N_("simple average of the %(cells)s corridor averages of %(year)s Q%(quarter)s"),
    N_("%(above)s of %(corridors)s corridors cost more than 5%% on average"),
    N_("mean of %(cells)s quarterly costs, %(origin)s → %(destination)s"),
    N_("%(code)s is about a pair of countries: give the sending country as the counterpart."),
    N_("%(code)s is about a pair of countries: give the origin as the counterpart."),
    N_("the warehouse holds no year of this indicator"),
    N_("no value for %(year)s"),
    N_(
        "The warehouse holds no data for %(what)s. Run `migobs build` with the source's "
        "files in the mirror or data directory."
    ),
)
"""Every phrase of the indicators' methods, editions and notes, as gettext messages."""

LIST = N_("%(first)s; %(then)s")
"""Two items of a list, as the language separates them (French ``a ; b``, Chinese ``a；b``)."""

PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@cache
def _patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """Each phrase as a pattern matching its English whole, longest phrases first."""
    found = []
    for message in sorted(PHRASES, key=len, reverse=True):
        pieces = PLACEHOLDER.split(message.replace("%%", "%"))
        regex = "".join(
            re.escape(piece) if n % 2 == 0 else f"(?P<{piece}>.+?)"
            for n, piece in enumerate(pieces)
        )
        found.append((re.compile(regex), message))
    return tuple(found)


def phrase(text: str) -> str:
    """``text``, an indicator's method, edition or note in English, in the current language."""
    if current.get() == "en" or not text:
        return text
    for pattern, message in _patterns():
        found = pattern.fullmatch(text)
        if found is not None:
            values = {name: phrase(words) for name, words in found.groupdict().items()}
            return gettext(message) % values
    if "; " in text:
        first, *others = (phrase(part) for part in text.split("; "))
        for then in others:
            first = gettext(LIST) % {"first": first, "then": then}
        return first
    return text


def said(text: object) -> str:
    """``text`` in the current language: a :class:`Said` as it says itself, else as a phrase."""
    return translated(text) if isinstance(text, Said) else phrase(str(text))
