"""What one computation shares: the connection, the area model and reads already made."""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import duckdb

from migobs.warehouse.read import groupings
from migobs.warehouse.read.groupings import Area

T = TypeVar("T")


class Context:
    """An open warehouse plus a memo of reads, so a table of every area reads each input once."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
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
        if self._areas is None:
            self._areas = groupings.all_areas(self.con)
        if code not in self._areas:
            return groupings.area(self.con, code)
        return self._areas[code]

    def groupings(self, schemes: list[str]) -> list[int]:
        """Every grouping (world included) that one of ``schemes`` gives members, sorted."""
        every = self.memo("memberships", lambda: groupings.memberships(self.con))
        wanted = set(schemes)
        return sorted({group for group, scheme in every if scheme in wanted})

    def members(self, group: int, schemes: list[str]) -> tuple[str, list[int]]:
        """Countries of ``group`` by the first of ``schemes`` that lists any.

        Returns the scheme used (``""`` when none lists the group) and the member M49 codes.
        """
        every = self.memo("memberships", lambda: groupings.memberships(self.con))
        for scheme in schemes:
            if (group, scheme) in every:
                return scheme, every[(group, scheme)]
        return "", []
