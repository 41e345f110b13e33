"""How numbers look on the dashboard: thousands separators, a few significant digits."""

from __future__ import annotations

import math


def number(value: float | int | None, digits: int = 1) -> str:
    """``1234567`` → ``1,234,567``; ``12.345`` → ``12.3``; missing → ``–`` (en dash).

    Whole numbers and numbers of 1,000 or more keep no decimals; others keep ``digits``.
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if float(value).is_integer() or abs(value) >= 1000:
        return f"{round(value):,}"
    return f"{value:,.{digits}f}"


def compact(value: float) -> str:
    """Short axis label: ``2500000`` → ``2.5M``, ``12000`` → ``12k``, ``3.5`` → ``3.5``."""
    for limit, suffix in ((1e9, "B"), (1e6, "M"), (1e3, "k")):
        if abs(value) >= limit:
            return f"{value / limit:.3g}{suffix}"
    return f"{value:.3g}"


def short(label: str, size: int = 26) -> str:
    """``label`` cut to ``size`` characters with an ellipsis."""
    return label if len(label) <= size else label[: size - 1] + "…"
