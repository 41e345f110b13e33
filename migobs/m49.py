"""UN M49 codes as text, the one way every face and export writes and reads them.

M49 defines its codes as three digits with leading zeros (``004`` Afghanistan, ``001`` World);
written as a number, ``4`` loses them and joins with other M49 data break. UN DESA, the World
Bank and this warehouse code the groupings M49 lacks on four digits (``1503`` high-income
countries, ``9134`` Sub-Saharan Africa of the World Bank), written as they are.

:func:`m49_text` writes a code, :func:`m49_number` reads one typed as ``4`` or ``004``;
:data:`PATTERN` is the regular expression every written code matches.
"""

from __future__ import annotations

PATTERN = r"^\d{3,4}$"
"""A written code: three digits, or four for a grouping M49 lacks (``004``, ``1503``)."""

WIDTH = 3
"""Digits of an M49 code; shorter codes are padded with zeros."""


def m49_text(code: int | str) -> str:
    """The code as M49 writes it: ``4`` → ``"004"``, ``"4"`` → ``"004"``, ``1503`` →
    ``"1503"``.

    Raises
    ------
    ValueError
        ``code`` is not a whole number of at most four digits.
    """
    number = int(code)
    if not 0 <= number <= 9999:
        raise ValueError(f"{code!r} is not an M49 code (a number from 000 to 9999)")
    return f"{number:0{WIDTH}d}"


def m49_number(text: str) -> int | None:
    """The code ``text`` writes (``"4"``, ``"004"`` → 4), or ``None`` when ``text`` is not
    digits only (an ISO3 code or a name)."""
    typed = text.strip()
    return int(typed) if typed.isascii() and typed.isdigit() else None


def written(code: object) -> object:
    """An M49 code given as a number (``4``) or digits (``"4"``) as text (``"004"``); anything
    else (an ISO3 code, ``None``) as it is."""
    if isinstance(code, int) and not isinstance(code, bool):
        return m49_text(code)
    return m49_text(code) if isinstance(code, str) and code.isdigit() else code


def query_as_text(query: dict[str, object]) -> dict[str, object]:
    """An indicator query (``{indicator, area, year, ...}``) with its areas as M49 text."""
    return {k: written(v) if k in ("area", "counterpart") else v for k, v in query.items()}
