"""The catalogue of official sources: every edition and file, read from the YAML beside each module.

Each ``<source>.yml`` in this folder lists a source's editions as data: for every file its official
URL, the path it has in a mirror folder (the layout of ``shared/data``), its sha256 and size, the
licence and the citation. Code never hard-codes a URL or a checksum.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migobs.errors import UnknownSource
from migobs.provenance import Origin

HERE = Path(__file__).parent


@dataclass(frozen=True)
class FileSpec:
    """One file of one edition, as the catalogue describes it.

    ``sha256`` and ``size`` are ``None`` for an edition we do not hold yet: its checksum is
    recorded on first download.
    """

    source: str
    edition: str
    key: str
    name: str
    mirror_path: str
    url: str
    sha256: str | None
    size: int | None
    licence: str
    citation: str

    @property
    def dataset(self) -> str:
        """The derivable name ``<source>/<edition>/<key>``."""
        return f"{self.source}/{self.edition}/{self.key}"

    def origin(self, sha256: str) -> Origin:
        """The provenance record of this file once its checksum is known."""
        return Origin(
            source=self.source,
            edition=self.edition,
            name=self.name,
            url=self.url,
            sha256=sha256,
            licence=self.licence,
            citation=self.citation,
        )


@dataclass(frozen=True)
class Edition:
    """One edition (or vintage) of a source and its files by key."""

    source: str
    name: str
    citation: str
    licence: str
    note: str
    files: dict[str, FileSpec]


@dataclass(frozen=True)
class Source:
    """A source with its editions, oldest first."""

    name: str
    title: str
    producer: str
    editions: dict[str, Edition]


@cache
def catalog() -> dict[str, Source]:
    """Every source of the catalogue by name, read once from the YAML files."""
    return {source.name: source for source in map(read_source, sorted(HERE.glob("*.yml")))}


def source(name: str) -> Source:
    """The source called ``name``; :class:`UnknownSource` lists the known ones otherwise."""
    sources = catalog()
    if name not in sources:
        raise UnknownSource(
            f"Unknown source {name!r}. Known sources: {', '.join(sorted(sources))}."
        )
    return sources[name]


def edition(source_name: str, edition_name: str) -> Edition:
    """One edition of a source; :class:`UnknownSource` lists the known editions otherwise."""
    editions = source(source_name).editions
    if edition_name not in editions:
        raise UnknownSource(
            f"Unknown edition {edition_name!r} of {source_name}. "
            f"Known editions: {', '.join(editions)}."
        )
    return editions[edition_name]


def file_spec(source_name: str, edition_name: str, key: str) -> FileSpec:
    """One file of an edition by its key (e.g. ``undesa_stock``, ``2017``, ``totals``)."""
    files = edition(source_name, edition_name).files
    if key not in files:
        raise UnknownSource(
            f"{source_name} {edition_name} has no file {key!r}. Its files: {', '.join(files)}."
        )
    return files[key]


def read_source(path: Path) -> Source:
    """One source as its YAML file at ``path`` describes it (not cached; see :func:`catalog`)."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    name = str(data["source"])
    editions = {
        str(ed_name): _read_edition(name, str(ed_name), body)
        for ed_name, body in data["editions"].items()
    }
    return Source(name=name, title=data["title"], producer=data["producer"], editions=editions)


def _read_edition(source_name: str, name: str, body: dict[str, Any]) -> Edition:
    files = {
        key: FileSpec(
            source=source_name,
            edition=name,
            key=key,
            name=spec["name"],
            mirror_path=spec["mirror"],
            url=spec["url"],
            sha256=spec.get("sha256"),
            size=spec.get("bytes"),
            licence=spec.get("licence", body["licence"]),
            citation=body["citation"],
        )
        for key, spec in body["files"].items()
    }
    return Edition(
        source=source_name,
        name=name,
        citation=body["citation"],
        licence=body["licence"],
        note=body.get("note", ""),
        files=files,
    )
