"""The typed record every indicator returns: a value, its unit and the cells it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from migobs.m49 import m49_text
from migobs.warehouse.read.cells import Cell


@dataclass(frozen=True)
class Options:
    """Parameters some indicators take besides area and year.

    Attributes
    ----------
    base_year: start of the period of a change (``stock.change``, ``stock.change_pct``);
        default 2000.
    since: first year of a cumulative count (``sdg.10.7.3``); default: the year itself.
    counterpart: the other end of a corridor: the origin (``stock.corridor``) or the sending
        country (``sdg.10.c.1.corridor``).
    quarter: the quarter (1-4) of a quarterly indicator (``sdg.10.c.1.quarterly``); default: the
        year's last quarter with data.
    """

    base_year: int | None = None
    since: int | None = None
    counterpart: int | None = None
    quarter: int | None = None


@dataclass(frozen=True)
class InputEdition:
    """The edition (or extract date) of one input of a value.

    Attributes
    ----------
    source: catalogue name, e.g. ``wdi``.
    variable: what was read, e.g. ``gdp``, ``population``.
    edition: its edition, e.g. ``2024-10-24`` for a WDI extract, ``2019`` for a WPP revision.
    """

    source: str
    variable: str
    edition: str

    def as_dict(self) -> dict[str, str]:
        """The record as a plain dict."""
        return {"source": self.source, "variable": self.variable, "edition": self.edition}


@dataclass(frozen=True)
class Value:
    """One computed figure.

    Attributes
    ----------
    code: the indicator's code in ``definitions.yml``, e.g. ``stock.share_of_population``.
    area, area_name: M49 code and English name (900 = world).
    year: reference year (the last year of a cumulative count or of a change).
    value: the figure in ``unit``; ``None`` when the data do not allow it (see ``note``).
    unit: e.g. ``persons``, ``percent``, ``current_usd``, ``per_100000``, ``ratio``.
    edition: the edition of the indicator's first source, e.g. ``2017`` for UN DESA stock.
    inputs: the cells the value was computed from (source, edition, file, sha256, sheet, cell).
    method: how: ``stated`` (one cell), ``published aggregate`` (the source's own row for a
        grouping), ``sum of N members (scheme)``, or the formula with its parts.
    from_members: for a grouping, the same figure computed from its member countries (compare
        with ``value`` when that is the published aggregate); ``None`` for countries.
    published: the figure as the source itself publishes it, when it does (e.g. Table 3's
        percentage next to a share computed from Tables 1 and 2).
    counterpart: the other end of a corridor (origin, sending country), else ``None``.
    label: a category below area level (IOM region or route of incident), else ``None``.
    note: caveats of this value (missing inputs, partial coverage).
    period: the period in words when it is not simply ``year``: a change from its base year
        (``2000–2020``), a cumulative count (``2014–2017``), a partial year (``2020, Q1–Q3``) or
        a quarter (``2017 Q4``); empty otherwise.

    ``input_editions`` names the edition of each input (source and variable) and
    ``edition_label`` says it in words: one edition, or each input's when they differ (SDG 17.3.2
    divides a 2025-07-01 remittances extract by a 2024-10-24 GDP extract).
    """

    code: str
    area: int
    area_name: str
    year: int
    value: float | None
    unit: str
    edition: str
    inputs: tuple[Cell, ...] = ()
    method: str = "stated"
    from_members: float | None = None
    published: float | None = None
    counterpart: int | None = None
    label: str | None = None
    note: str = ""
    period: str = ""

    def when(self) -> str:
        """The period in words: ``period`` when set, else the year."""
        return self.period or str(self.year)

    @property
    def input_editions(self) -> tuple[InputEdition, ...]:
        """Each (source, variable, edition) of the inputs, once, in the order first read."""
        found = (InputEdition(c.source, c.variable, c.edition) for c in self.inputs)
        return tuple(dict.fromkeys(found))

    def edition_label(self) -> str:
        """``edition 2017`` when every input is of one edition, else each input's edition:
        ``editions: wdi remittances_received 2025-07-01, wdi gdp 2024-10-24``."""
        editions = self.input_editions
        if len({e.edition for e in editions} | {self.edition}) == 1:
            return f"edition {self.edition}"
        return "editions: " + ", ".join(f"{e.source} {e.variable} {e.edition}" for e in editions)

    def as_dict(self, with_inputs: bool = True) -> dict[str, Any]:
        """The record as a plain dict for JSON; inputs as dicts unless ``with_inputs`` is false."""
        record: dict[str, Any] = {
            "code": self.code,
            "area": m49_text(self.area),
            "area_name": self.area_name,
            "year": self.year,
            "value": self.value,
            "unit": self.unit,
            "edition": self.edition,
            "method": self.method,
            "from_members": self.from_members,
            "published": self.published,
            "counterpart": None if self.counterpart is None else m49_text(self.counterpart),
            "label": self.label,
            "note": self.note,
            "period": self.when(),
            "input_editions": [edition.as_dict() for edition in self.input_editions],
        }
        if with_inputs:
            record["inputs"] = [cell.as_dict() for cell in self.inputs]
        return record
