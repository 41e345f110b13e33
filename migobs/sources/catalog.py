"""The catalogue of official sources: every edition and file, read from the YAML beside each module.

Each ``<source>.yml`` in this folder lists a source's editions as data: for every file its official
URL, the path it has in a mirror folder (the layout of ``shared/data``), its sha256 and size, the
licence and the citation. Code never hard-codes a URL or a checksum.

How a file is obtained without a mirror is data too (see docs/sources.md, "Obtaining files"):

- ``obtain``: ``download`` (the default: ``url`` serves the file), ``mirror-only`` (a derived or
  re-made copy that only a mirror can provide) or ``manual`` (the publisher serves no file at a
  fixed URL; ``note`` says how to save it by hand into the data directory);
- ``official_sha256``: present when the publisher's download has other bytes than the mirror copy
  whose checksum ``sha256`` records (a re-saved copy, a re-issued file); ``null`` = not known yet,
  recorded on first download;
- ``note``: why, in a sentence a user can act on.

``rows`` records how many data rows of each sheet reach the warehouse (``{sheet: count}``, or one
count for a file without sheets); the build fails when a file gives other counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from migobs.errors import SourceError, UnknownSource
from migobs.provenance import Origin
from migobs.yaml_files import read_yaml

HERE = Path(__file__).parent
ALL_SHEETS = "*"
"""Key of ``FileSpec.rows`` for a count over every sheet together (e.g. a CSV file)."""
OBTAIN = ("download", "mirror-only", "manual")
"""How a file can be obtained without a mirror (``obtain`` in the YAML; default ``download``)."""


@dataclass(frozen=True)
class FileSpec:
    """One file of one edition, as the catalogue describes it.

    ``sha256`` and ``size`` are those of the mirror copy; ``None`` for an edition we do not hold
    yet (its checksum is recorded on first download). ``obtain`` is ``download``,
    ``mirror-only`` or ``manual``; ``official_differs`` says the publisher's download has other
    bytes than the mirror copy, with checksum ``official_sha256`` (``None`` = recorded on first
    download); ``note`` says why and what to do. ``rows`` is the number of data rows of each
    sheet that reach the warehouse (key :data:`ALL_SHEETS` for every sheet together; empty = not
    checked), checked by the build.
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
    obtain: str = "download"
    official_sha256: str | None = None
    official_differs: bool = False
    note: str = ""
    rows: dict[str, int] = field(default_factory=dict)

    def expected_sha256(self, *, from_mirror: bool) -> str | None:
        """The checksum the catalogue records for the copy at hand (``None``: not known yet).

        A mirror copy (or a copy of it in the data directory, for a ``mirror-only`` file) is
        checked against ``sha256``; a download from the publisher against ``official_sha256``
        when the publisher's bytes differ.
        """
        if from_mirror or not self.official_differs:
            return self.sha256
        return self.official_sha256

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
    data: dict[str, Any] = read_yaml(path)
    name = str(data["source"])
    editions = {
        str(ed_name): _read_edition(name, str(ed_name), body)
        for ed_name, body in data["editions"].items()
    }
    return Source(name=name, title=data["title"], producer=data["producer"], editions=editions)


def _read_edition(source_name: str, name: str, body: dict[str, Any]) -> Edition:
    files = {
        key: _file_spec(source_name, name, key, spec, body) for key, spec in body["files"].items()
    }
    return Edition(
        source=source_name,
        name=name,
        citation=body["citation"],
        licence=body["licence"],
        note=body.get("note", ""),
        files=files,
    )


def _file_spec(
    source_name: str, edition: str, key: str, spec: dict[str, Any], body: dict[str, Any]
) -> FileSpec:
    found = FileSpec(
        source=source_name,
        edition=edition,
        key=key,
        name=spec["name"],
        mirror_path=spec["mirror"],
        url=spec["url"],
        sha256=spec.get("sha256"),
        size=spec.get("bytes"),
        licence=spec.get("licence", body["licence"]),
        citation=body["citation"],
        obtain=spec.get("obtain", "download"),
        official_sha256=spec.get("official_sha256"),
        official_differs="official_sha256" in spec,
        note=spec.get("note", ""),
        rows=_rows(spec.get("rows")),
    )
    _check(found)
    return found


def _rows(value: int | dict[str, int] | None) -> dict[str, int]:
    if value is None:
        return {}
    if isinstance(value, int):
        return {ALL_SHEETS: value}
    return {str(sheet): int(count) for sheet, count in value.items()}


def _check(spec: FileSpec) -> None:
    where = f"migobs/sources/{spec.source}.yml, {spec.dataset}"
    if spec.obtain not in OBTAIN:
        raise SourceError(f"{where}: obtain {spec.obtain!r} is not one of {', '.join(OBTAIN)}.")
    if not spec.url.startswith(("https://", "http://")) or any(c.isspace() for c in spec.url):
        raise SourceError(f"{where}: url {spec.url!r} is not a URL; put prose in `note`.")
    if spec.obtain != "download" and not spec.note:
        raise SourceError(
            f"{where}: obtain {spec.obtain} needs a `note` saying why and what to do."
        )
    if spec.obtain == "mirror-only" and spec.official_differs:
        raise SourceError(f"{where}: a mirror-only file has no official download to check.")
