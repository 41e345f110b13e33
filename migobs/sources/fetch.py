"""Obtain and verify every file of some sources' editions (what ``migobs fetch`` does)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from migobs.config import Settings
from migobs.errors import DownloadError, FileNotObtained
from migobs.sources import catalog
from migobs.sources._download import Obtained, Progress, obtain
from migobs.sources.catalog import FileSpec


@dataclass(frozen=True)
class Fetched:
    """What fetching one file gave.

    ``status`` is ``ok`` (checksum verified against the catalogue or an earlier record),
    ``recorded`` (first seen now: its checksum was recorded), ``not held`` (an edition whose
    checksum is not known yet and that could not be obtained), or ``mirror-only`` / ``manual``
    (a file migobs cannot download, not in the data directory yet). ``note`` says why and what
    to do.
    """

    spec: FileSpec
    obtained: Obtained | None
    status: str
    note: str = ""


def fetch(
    settings: Settings,
    sources: Sequence[str] = (),
    *,
    client: httpx.Client | None = None,
    progress_for: Callable[[FileSpec], Progress | None] | None = None,
) -> list[Fetched]:
    """Obtain every file of ``sources`` (all when empty), verifying each checksum.

    Raises
    ------
    UnknownSource
        A source the catalogue does not list.
    FileNotObtained, DownloadError, ChecksumMismatch
        A file whose checksum the catalogue records cannot be obtained or does not match (a
        ``mirror-only`` or ``manual`` file that is not held is reported, not raised, without a
        mirror).
    """
    names = list(sources) or sorted(catalog.catalog())
    specs = [
        spec
        for name in names
        for edition in catalog.source(name).editions.values()
        for spec in edition.files.values()
    ]
    return [_fetch_one(spec, settings, client, progress_for) for spec in specs]


def _fetch_one(
    spec: FileSpec,
    settings: Settings,
    client: httpx.Client | None,
    progress_for: Callable[[FileSpec], Progress | None] | None,
) -> Fetched:
    progress = progress_for(spec) if progress_for else None
    try:
        found = obtain(spec, settings, client=client, progress=progress)
    except (FileNotObtained, DownloadError) as error:
        if spec.obtain != "download" and settings.mirror is None:
            return Fetched(spec, None, spec.obtain, str(error))
        if spec.sha256 is not None:
            raise
        return Fetched(spec, None, "not held", str(error))
    return Fetched(spec, found, "recorded" if found.recorded else "ok")
