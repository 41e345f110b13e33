"""How a report writes a figure: in the reader's language, with its unit in words."""

from __future__ import annotations

from babel.numbers import format_decimal, format_percent

from migobs.i18n import current
from migobs.i18n.messages import N_
from migobs.i18n.messages import gettext as _


def figure(value: float, unit: str) -> str:
    """``value`` in ``unit`` as a reader of the current language expects it: ``1,234,567``,
    ``12.3%``, ``USD 4.5 billion``, ``12.3 per 100,000``, ``2.9 times`` in English;
    ``1 234 567``, ``12,3 %`` … in French (CLDR's separators through Babel)."""
    if unit == "current_usd":
        for size, word in ((1e12, N_("trillion")), (1e9, N_("billion")), (1e6, N_("million"))):
            if abs(value) >= size:
                amount = decimal(value / size, "#,##0.0") + " " + _(word)
                return _("USD %(amount)s") % {"amount": amount}
        return _("USD %(amount)s") % {"amount": decimal(value, "#,##0")}
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
