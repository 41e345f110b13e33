"""How numbers look on the dashboard: thousands separators, a few significant digits, money in
words, round axis steps."""

from __future__ import annotations

import datetime as dt
import math

from babel.dates import format_date
from babel.numbers import format_compact_decimal, format_decimal
from markupsafe import Markup, escape

from migobs.i18n import current
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _

MINUS = "\u2212"  # typographic minus: "−50k", not "-50k"


def number(value: float | int | None, digits: int = 1) -> str:
    """``1234567`` → ``1,234,567`` (``1 234 567`` in French, ``1.234.567`` in Spanish: the
    current language's CLDR separators); ``12.345`` → ``12.3``; missing → ``–`` (en dash).

    Whole numbers and numbers of 1,000 or more keep no decimals; others keep ``digits``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    lang = current.get()
    if float(value).is_integer() or abs(value) >= 1000:
        return format_decimal(round(value), locale=lang, numbering_system="default")
    pattern = "#,##0." + "0" * digits if digits > 0 else "#,##0"
    return format_decimal(value, format=pattern, locale=lang, numbering_system="default")


def abbreviated(value: float) -> str:
    """Short axis label: ``2500000`` → ``2.5M``, ``-12000`` → ``−12k``, ``3.5`` → ``3.5``,
    ``1.5e12`` → ``1.5T`` (never an exponent below a thousand trillion); in the other languages
    CLDR's short form through Babel (``2,5 M`` in French, ``250万`` in Chinese, ``2,5 млн``)."""
    lang = current.get()
    if lang != "en":
        short_form = format_compact_decimal(  # three significant digits, as in English
            float(f"{value:.3g}"), locale=lang, fraction_digits=2, numbering_system="default"
        )
        return short_form.replace("-", MINUS)
    sign = MINUS if value < 0 else ""
    size = abs(value)
    for limit, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "k")):
        if size >= limit:
            return f"{sign}{size / limit:.3g}{suffix}"
    return f"{sign}{size:.3g}"


def money(value: float | None) -> str:
    """US dollars in words: ``6e11`` → ``USD 600 bn``, ``4.5e7`` → ``USD 45 million``; in the
    other languages CLDR's long form (``USD 600 milliards``, ``USD 6000亿``)."""
    if value is None or math.isnan(value):
        return "–"
    lang = current.get()
    if lang != "en" and abs(value) >= 1e6:
        words = format_compact_decimal(
            value, format_type="long", locale=lang, fraction_digits=2, numbering_system="default"
        )
        return _("USD %(amount)s") % {"amount": words}
    for limit, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "million")):
        if abs(value) >= limit:
            return f"USD {value / limit:,.3g} {word}"
    return _("USD %(amount)s") % {"amount": number(value)}


UNITS = {
    "current_usd": N_("current US$"),
    "current US$": N_("current US$"),
    "per_100000": N_("per 100,000"),
    "persons": N_("persons"),
    "percent": N_("percent"),
    "ratio": N_("ratio"),
    "percent of GDP": N_("percent of GDP"),
    "percent of the amount sent": N_("percent of the amount sent"),
    "persons a year": N_("persons a year"),
    "claims": N_("claims"),
    "percent increase since 2000": N_("percent increase since 2000"),
    "percent of world population": N_("percent of world population"),
    "percent of migrants' earnings": N_("percent of migrants' earnings"),
    "ratio (remittances / ODA)": N_("ratio (remittances / ODA)"),
    "percent of international migrant stock": N_("percent of international migrant stock"),
    "labour force participation rate of migrant women, percent": N_(
        "labour force participation rate of migrant women, percent"
    ),
    "persons (dead and missing), cumulative from 2014": N_(
        "persons (dead and missing), cumulative from 2014"
    ),
    "persons (dead and missing)": N_("persons (dead and missing)"),
    "qualitative": N_("qualitative"),
}
"""Units of the indicators and of the claims ledger's claims as people write them (in English;
shown translated); tests/i18n/test_claim_texts.py fails on a claim whose unit is not here."""


def unit_words(unit: str) -> str:
    """A unit as people write it in the current language: ``current US$``, ``per 100,000``,
    ``percent`` (``pour cent`` in French); no unit (``""``) stays empty."""
    if not unit:
        return ""
    return _(UNITS.get(unit, unit.replace("_", " ")))


MONEY_UNITS = frozenset({"current US$", "current_usd", "US$", "USD"})


def quantity(value: float | None, unit: str) -> Markup:
    """A figure with its unit: money in words (``USD 600 bn``), else ``1,234 <small>unit</small>``."""
    if value is None:
        return Markup("–")
    if unit in MONEY_UNITS:
        return Markup(escape(money(value)))
    return Markup(f"{escape(number(value))} <small>{escape(unit_words(unit))}</small>")


def span(low: float, high: float) -> str:
    """A class of values in words: ``−50k to −10k``."""
    return _("%(low)s to %(high)s") % {"low": abbreviated(low), "high": abbreviated(high)}


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """About ``count`` round ticks (steps of 1, 2 or 5 × 10ⁿ) covering ``low`` to ``high``.

    The first tick is at or below ``low`` and the last at or above ``high``, so an axis drawn
    from the first to the last holds every value; zero is a tick whenever the range spans it.
    """
    if high <= low:
        high = low + (abs(low) or 1.0)
    power = 10.0 ** math.floor(math.log10((high - low) / max(count - 1, 1)))

    def ends(step: float) -> tuple[int, int]:
        return math.floor(low / step + 1e-9), math.ceil(high / step - 1e-9)

    def misfit(step: float) -> int:
        first, last = ends(step)
        return abs(last - first + 1 - count)

    step = min((m * power for m in (0.5, 1, 2, 5, 10)), key=misfit)  # first of equals: smaller
    first, last = ends(step)
    return [float(f"{k * step:.12g}") for k in range(first, last + 1)]


def short(label: str, size: int = 26) -> str:
    """``label`` cut to ``size`` characters with an ellipsis."""
    return label if len(label) <= size else label[: size - 1] + "…"


def lines_of(label: str, size: int) -> list[str]:
    """``label`` broken at spaces into lines of at most ``size`` characters (a word longer than
    that keeps a line of its own; a blank label has none); nothing is cut."""
    out: list[str] = []
    for word in label.split():
        if out and len(out[-1]) + 1 + len(word) <= size:
            out[-1] += " " + word
        else:
            out.append(word)
    return out


def wrap(label: str, size: int, lines: int = 2) -> list[str]:
    """``label`` broken at spaces into at most ``lines`` lines of ``size`` characters, the last
    cut with an ellipsis if the words do not fit."""
    out = lines_of(label, size)
    if len(out) > lines:
        out = [*out[: lines - 1], " ".join(out[lines - 1 :])]
    return [short(line, size) for line in out]


def day(value: dt.date | str | None) -> str:
    """A date in the current language's medium form (``6 Dec 2026``, ``6 déc. 2026``,
    ``2026年12月6日``); missing → empty."""
    if value is None or value == "":
        return ""
    when = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])
    return format_date(when, format="medium", locale=current.get())
