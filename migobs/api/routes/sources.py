"""Sources and editions: the catalogue of official files, and which the warehouse holds."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Response

from migobs.api.schemas import EditionPublic, ListOf, SourceFilePublic, SourcePublic
from migobs.http.deps import PagingDep, WarehouseDep
from migobs.http.errors import ERROR_RESPONSES, ApiError
from migobs.http.lists import answer, list_route
from migobs.sources.catalog import Edition, catalog
from migobs.warehouse.read import listing

router = APIRouter(prefix="/api/sources", tags=["sources"])


def _edition(edition: Edition, loaded: set[tuple[str, str, str]]) -> EditionPublic:
    return EditionPublic(
        source=edition.source,
        edition=edition.name,
        citation=edition.citation,
        licence=edition.licence,
        note=edition.note,
        files=[
            SourceFilePublic(
                key=f.key,
                name=f.name,
                url=f.url,
                sha256=f.sha256,
                licence=f.licence,
                loaded=(f.source, f.edition, f.key) in loaded,
            )
            for f in edition.files.values()
        ],
    )


def _loaded(con: Any) -> set[tuple[str, str, str]]:
    files = listing.source_files(con)
    return set(zip(files["source"], files["edition"], files["file_key"], strict=True))


def _source(name: str, loaded: set[tuple[str, str, str]]) -> SourcePublic:
    source = catalog()[name]
    editions = [_edition(e, loaded) for e in source.editions.values()]
    return SourcePublic(
        name=source.name, title=source.title, producer=source.producer, editions=editions
    )


@list_route(router, "", ListOf[SourcePublic])
def list_sources(con: WarehouseDep, paging: PagingDep) -> dict[str, Any] | Response:
    """Every source of the catalogue with its editions and files, by name."""
    names = sorted(catalog())
    loaded = _loaded(con)
    chosen = names[paging.offset : paging.offset + paging.limit]
    return answer([_source(n, loaded) for n in chosen], len(names), paging, "sources")


SourceName = Annotated[str, Path(description="catalogue name, e.g. undesa_stock")]


@router.get("/{source}", response_model=SourcePublic, responses=ERROR_RESPONSES)
def get_source(con: WarehouseDep, source: SourceName) -> SourcePublic:
    """One source with its editions."""
    if source not in catalog():
        raise ApiError(
            404,
            "not-found",
            f"Unknown source {source!r}.",
            parameter="source",
            accepted=sorted(catalog()),
        )
    return _source(source, _loaded(con))


@router.get("/{source}/editions/{edition}", response_model=EditionPublic, responses=ERROR_RESPONSES)
def get_edition(
    con: WarehouseDep,
    source: SourceName,
    edition: Annotated[str, Path(description="edition, e.g. 2019")],
) -> EditionPublic:
    """One edition of a source with its files."""
    found = get_source(con, source)
    for item in found.editions:
        if item.edition == edition:
            return item
    raise ApiError(
        404,
        "not-found",
        f"{source} has no edition {edition!r}.",
        parameter="edition",
        accepted=[e.edition for e in found.editions],
    )
