"""What one computation shares: the connection, the area model and reads already made."""

from __future__ import annotations

from collections.abc import Callable, Container, Hashable
from typing import Any, TypeVar

import duckdb

from migobs.warehouse.read import groupings, series
from migobs.warehouse.read.cells import Cell
from migobs.warehouse.read.groupings import Area

T = TypeVar("T")


class Context:
    """An open warehouse plus a memo of reads, so a table of every area reads each input once.

    ``every_year``: the computations will ask for most years of an edition (the build's
    indicator step, a table of every year), so inputs read by year are read for every year at
    the first ask, in one query; otherwise (one value, one year's table) just the year asked.
    """

    def __init__(self, con: duckdb.DuckDBPyConnection, *, every_year: bool = False) -> None:
        self.con = con
        self.every_year = every_year
        self._memo: dict[Hashable, Any] = {}
        self._areas: dict[int, Area] | None = None

    def memo(self, key: Hashable, read: Callable[[], T]) -> T:
        """``read()`` the first time ``key`` is asked for, the remembered result afterwards."""
        if key not in self._memo:
            self._memo[key] = read()
        result: T = self._memo[key]
        return result

    def area(self, code: int) -> Area:
        """The area with M49 code ``code`` (raises :class:`ValueNotFound` for unknown codes)."""
        every = self.every_area()
        if code not in every:
            return groupings.area(self.con, code)
        return every[code]

    def every_area(self) -> dict[int, Area]:
        """Every area of the area model (countries, groupings, special areas), by M49 code."""
        if self._areas is None:
            self._areas = groupings.all_areas(self.con)
        return self._areas

    def by_year(
        self, key: Hashable, read: Callable[[int | None], dict[int, dict[int, T]]], year: int
    ) -> dict[int, T]:
        """``year``'s part of ``read(year)``, a read by year then area (``read(None)``: every
        year), remembered under ``key``: every year at the first ask when :attr:`every_year`."""
        if self.every_year:
            return self.memo((key, "every year"), lambda: read(None)).get(year, {})
        return self.memo((key, year), lambda: read(year)).get(year, {})

    def series(self, variable: str, edition: str, year: int) -> dict[int, Cell]:
        """Every area's cell of a country-year series (WPP population, WDI remittances, ODA,
        GDP) in one edition and year."""
        return self.by_year(
            ("series", variable, edition),
            lambda one: series.series_by_year(self.con, variable, edition, one),
            year,
        )

    def twins(self, group: int) -> list[int]:
        """Other codes of the area model for the grouping of the same name (150 → 908)."""
        if group not in self.every_area():
            return []
        return self.memo(("twins", group), lambda: groupings.twins(self.every_area(), group))

    def with_income_groups(self, schemes: list[str]) -> list[str]:
        """``schemes`` and, last, the newest WDI country metadata held (``wdi/2025-10-07``).

        The one membership source of World Bank income groups (and LMY, MIC) for indicators
        whose sources have no classification of their own (UNHCR, RPW, IOM): the World Bank's
        current classification, applied to every year.
        """
        newest = self.memo("newest wdi scheme", self._newest_wdi_scheme)
        return [*schemes, newest] if newest else list(schemes)

    def _newest_wdi_scheme(self) -> str | None:
        every = self.memo("memberships", lambda: groupings.memberships(self.con))
        found = sorted({scheme for _, scheme in every if scheme.startswith("wdi/")})
        return found[-1] if found else None

    def groupings(self, schemes: list[str]) -> list[int]:
        """Every grouping (world included) that one of ``schemes`` gives members, sorted."""
        every = self.memo("memberships", lambda: groupings.memberships(self.con))
        wanted = set(schemes)
        return sorted({group for group, scheme in every if scheme in wanted})

    def members(
        self, group: int, schemes: list[str], present: Container[int] | None = None
    ) -> tuple[str, list[int]]:
        """Countries of ``group`` by the first of ``schemes`` that lists any.

        With ``present`` (the areas a file gives), composites and areas beside a member are
        counted as that file reports them (:func:`groupings.counted`: Channel Islands 830 in place
        of Guernsey and Jersey). Returns the scheme used (``""`` when none lists the group) and
        the member M49 codes.
        """
        every = self.memo("memberships", lambda: groupings.memberships(self.con))
        for scheme in schemes:
            if (group, scheme) in every:
                members = every[(group, scheme)]
                if present is None:
                    return scheme, members
                stand_ins = self.memo("stand-ins", lambda: groupings.stand_ins(self.con))
                return scheme, groupings.counted(members, present, stand_ins)
        return "", []
