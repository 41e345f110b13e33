"""Migrant stock: by destination, by origin, by corridor, in any edition, with provenance."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import duckdb
from fastapi import APIRouter, Depends, Query, Response

from migobs.api.routes.areas import unknown_area
from migobs.api.schemas import ListOf, StockPublic
from migobs.http.areas import AreaPath, AreaQuery, area_filter, area_param
from migobs.http.deps import Paging, PagingDep, WarehouseDep, Year
from migobs.http.errors import ApiError
from migobs.http.lists import CSV_RESPONSE, answer, records
from migobs.m49 import m49_text
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/stock", tags=["migrant stock"])

Sex = Literal["total", "male", "female"]


@dataclass(frozen=True)
class Edition:
    """A source and one of its editions present in the warehouse."""

    source: str
    edition: str
    chosen: bool = True  # False when the newest edition was taken by default


def resolve_edition(con: duckdb.DuckDBPyConnection, source: str, edition: str | None) -> Edition:
    """The edition asked for, or the newest one of ``source``; 404 names the accepted ones."""
    present = listing.stock_editions(con)
    sources = sorted({s for s, _ in present})
    if source not in sources:
        raise ApiError(
            404,
            "not-found",
            f"No stock from source {source!r}.",
            parameter="source",
            accepted=sources,
        )
    editions = [e for s, e in present if s == source]
    if edition is None:
        return Edition(source, editions[-1], chosen=False)
    if edition not in editions:
        raise ApiError(
            404,
            "not-found",
            f"{source} has no edition {edition!r} in the warehouse.",
            parameter="edition",
            accepted=editions,
        )
    return Edition(source, edition)


def stock_edition(
    con: WarehouseDep,
    source: Annotated[str, Query(description="undesa_stock or knomad")] = "undesa_stock",
    edition: Annotated[str | None, Query(description="edition; default the newest")] = None,
) -> Edition:
    """Dependency: the source and edition a stock request reads.

    Without ``edition``, the newest; for a request by origin, the newest edition that has
    origins (the newest may hold totals only).
    """
    return resolve_edition(con, source, edition)


EditionDep = Annotated[Edition, Depends(stock_edition)]


def _check(
    con: duckdb.DuckDBPyConnection, chosen: Edition, areas: dict[str, int | None], year: int | None
) -> None:
    for parameter, code in areas.items():
        if code is not None and not listing.area_exists(con, code):
            raise unknown_area(parameter, code)
    if year is not None:
        years = listing.stock_years(con, chosen.source, chosen.edition)
        if year not in years:
            raise ApiError(
                404,
                "not-found",
                f"{chosen.source} {chosen.edition} has no year {year}.",
                parameter="year",
                accepted=years,
            )


@dataclass(frozen=True)
class StockQuery:
    """What every stock list shares: the connection, the edition, paging, year and sex."""

    con: duckdb.DuckDBPyConnection
    chosen: Edition
    paging: Paging
    year: int | None
    sex: str | None

    def answer(
        self, *, destination: int | None, origin: int | None, name: str
    ) -> dict[str, Any] | Response:
        """The page of stock values for these areas (``None`` = any)."""
        con, chosen = self.con, self.chosen
        if not chosen.chosen and origin not in (None, listing.TOTAL_ORIGIN):
            with_origins = listing.stock_editions_with_origins(con, chosen.source)
            if with_origins:
                chosen = Edition(chosen.source, with_origins[-1], chosen=False)
        _check(con, chosen, {"destination": destination, "origin": origin}, self.year)
        page = listing.stock(
            con,
            source=chosen.source,
            edition=chosen.edition,
            destination=destination,
            origin=origin,
            year=self.year,
            sex=self.sex,
            limit=self.paging.limit,
            offset=self.paging.offset,
        )
        items = [StockPublic(**r, provenance=provenance_link(r)) for r in records(page.rows)]
        return answer(items, page.count, self.paging, name)


def stock_query(
    con: WarehouseDep,
    chosen: EditionDep,
    paging: PagingDep,
    year: Year | None = None,
    sex: Sex | None = None,
) -> StockQuery:
    """Dependency: the shared parameters of the stock lists."""
    return StockQuery(con, chosen, paging, year, sex)


QueryDep = Annotated[StockQuery, Depends(stock_query)]


def provenance_link(row: dict[str, Any]) -> str:
    """The API path that traces one stock value to its file, sheet and cell."""
    keys = ("source", "edition", "year", "destination", "origin", "sex")
    codes = {"destination", "origin"}
    return "/api/provenance/stock?" + urlencode(
        {k: m49_text(row[k]) if k in codes else row[k] for k in keys}
    )


@router.get("", response_model=ListOf[StockPublic], responses=CSV_RESPONSE)
def list_stock(
    query: QueryDep, destination: AreaQuery | None = None, origin: AreaQuery | None = None
) -> dict[str, Any] | Response:
    """Stock values of one edition (origin 900 = all origins), filtered by any key."""
    to = area_filter(query.con, "destination", destination)
    from_ = area_filter(query.con, "origin", origin)
    return query.answer(destination=to, origin=from_, name="stock")


@router.get("/destinations/{area}", response_model=ListOf[StockPublic], responses=CSV_RESPONSE)
def stock_in(query: QueryDep, area: AreaPath) -> dict[str, Any] | Response:
    """Migrants living in ``area``, by origin (900 = all origins), sex and year."""
    code = area_param(query.con, "area", area)
    return query.answer(destination=code, origin=None, name=f"stock-in-{m49_text(code)}")


@router.get("/origins/{area}", response_model=ListOf[StockPublic], responses=CSV_RESPONSE)
def stock_from(query: QueryDep, area: AreaPath) -> dict[str, Any] | Response:
    """Migrants born in ``area``, by destination, sex and year."""
    code = area_param(query.con, "area", area)
    return query.answer(destination=None, origin=code, name=f"stock-from-{m49_text(code)}")


@router.get(
    "/corridors/{origin}/{destination}", response_model=ListOf[StockPublic], responses=CSV_RESPONSE
)
def get_stock_corridor(
    query: QueryDep, origin: AreaPath, destination: AreaPath
) -> dict[str, Any] | Response:
    """Migrants born in ``origin`` living in ``destination``, by sex and year."""
    from_ = area_param(query.con, "origin", origin)
    to = area_param(query.con, "destination", destination)
    name = f"corridor-{m49_text(from_)}-{m49_text(to)}"
    return query.answer(destination=to, origin=from_, name=name)
