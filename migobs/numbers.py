"""Numbers written for people: thousands separated, never in scientific notation.

Every face (CLI, reports, claims reasons, findings) writes a figure a person reads with
:func:`plain`; ``f"{x:g}"`` turns ``1.78889e+12`` into something nobody can read aloud.
"""

from __future__ import annotations

import math

SIGNIFICANT = 6
"""Significant digits kept for a number that is not whole."""


def plain(value: float, significant: int = SIGNIFICANT) -> str:
    """``value`` with thousands separators and no exponent.

    Whole numbers and numbers of a million or more are written in full without decimals
    (``1,788,887,000,000``); others keep ``significant`` digits, trailing zeros dropped
    (``0.780312``, ``3.5887``, ``-12.5``). Not-a-number and infinities are written ``nan``,
    ``inf`` and ``-inf`` (messages about bad cells name them).

    Parameters
    ----------
    value: the number.
    significant: significant digits for numbers that are not whole.

    Returns
    -------
    str
        The number as text.
    """
    if not math.isfinite(value):
        return str(float(value))
    if float(value).is_integer() or abs(value) >= 1e6:
        return f"{value:,.0f}"
    magnitude = math.floor(math.log10(abs(value))) if value else 0
    decimals = max(0, significant - 1 - magnitude)
    text = f"{value:,.{decimals}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def brief(value: float) -> str:
    """A figure for a line of text: whole units above 1,000 (``591,357,015,219``), four
    significant digits below (``3.589``, ``49.31``)."""
    return f"{value:,.0f}" if abs(value) >= 1000 else plain(value, 4)


def signed(value: float, significant: int = SIGNIFICANT) -> str:
    """As :func:`plain`, with a ``+`` before positive numbers (for gaps and changes)."""
    return ("+" if value > 0 else "") + plain(value, significant)


def stated(value: float, decimals: int) -> str:
    """``value`` to an indicator's stated ``decimals``, thousands separated: ``4.1533`` →
    ``4.15`` (2), ``12683066.4`` → ``12,683,066`` (0). Not-a-number and infinities as
    :func:`plain` writes them."""
    if not math.isfinite(value):
        return str(float(value))
    return f"{value:,.{decimals}f}"


def rounded(value: float | None, decimals: int) -> float | int | None:
    """``value`` rounded to ``decimals`` for a CSV cell or a table: a whole number for 0
    decimals (``12683066``, not ``12683066.0``); missing and non-finite values unchanged."""
    if value is None or not math.isfinite(value):
        return value
    return int(round(value)) if decimals == 0 else round(value, decimals)
