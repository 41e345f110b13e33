"""Obtain an official file: from the mirror folder, the data directory or the official URL.

Every file is checked against the sha256 the catalogue records before it is used. A file whose
checksum the catalogue does not know yet (an edition we have not held) is accepted on first
download, and its checksum is recorded in ``checksums.yml`` in the data directory and reported;
later uses are checked against that record.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import yaml

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, DownloadError, FileNotObtained
from migobs.sources.catalog import FileSpec

Progress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or None) while a file downloads."""

RETRIES = 3
CHUNK = 1 << 16


@dataclass(frozen=True)
class Obtained:
    """A verified file on disk and its checksum; ``recorded`` when it was first seen now."""

    spec: FileSpec
    path: Path
    sha256: str
    recorded: bool = False


def sha256_of(path: Path) -> str:
    """Lower-case hex sha256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def obtain(
    spec: FileSpec,
    settings: Settings,
    *,
    client: httpx.Client | None = None,
    progress: Progress | None = None,
) -> Obtained:
    """Return the verified file for ``spec``, downloading it if needed.

    With ``settings.mirror`` set the file is read from the mirror folder and never downloaded.
    Otherwise a verified copy in the data directory is used, or the file is downloaded from its
    official URL (resuming a partial download, retrying transient failures).

    Raises
    ------
    FileNotObtained
        The mirror does not hold the file.
    DownloadError
        The server answered with an error, or the network failed after retries.
    ChecksumMismatch
        The file's bytes are not the ones recorded for this edition.
    """
    if settings.mirror is not None:
        path = settings.mirror / spec.mirror_path
        if not path.is_file():
            raise FileNotObtained(
                f"{spec.dataset}: {spec.mirror_path} is not in the mirror folder {settings.mirror}. "
                f"Point MIGOBS_MIRROR (or --mirror) at a folder laid out like shared/data, or unset it "
                f"to download {spec.url}."
            )
        return _verified(spec, path, settings)
    path = settings.downloads / spec.mirror_path
    if not path.is_file():
        _download(spec, path, client=client, progress=progress)
    return _verified(spec, path, settings)


def _verified(spec: FileSpec, path: Path, settings: Settings) -> Obtained:
    found = sha256_of(path)
    recorded_sums = _recorded(settings)
    expected = spec.sha256 or recorded_sums.get(spec.dataset)
    if expected is None:
        recorded_sums[spec.dataset] = found
        _record(settings, recorded_sums)
        return Obtained(spec, path, found, recorded=True)
    if found != expected:
        raise ChecksumMismatch(
            f"{path}: sha256 {found} does not match {expected} recorded for {spec.dataset}. "
            f"The file is truncated, altered or a different edition. Delete it and run "
            f"`migobs fetch {spec.source}` to obtain it again (or replace it in the mirror)."
        )
    return Obtained(spec, path, found)


def _recorded(settings: Settings) -> dict[str, str]:
    path = settings.downloads / "checksums.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items()}


def _record(settings: Settings, sums: dict[str, str]) -> None:
    path = settings.downloads / "checksums.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict(sorted(sums.items()))), encoding="utf-8")


def _download(
    spec: FileSpec, path: Path, *, client: httpx.Client | None, progress: Progress | None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    own = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=60.0)
    try:
        for attempt in range(1, RETRIES + 1):
            try:
                _stream(http, spec, partial, progress)
                break
            except httpx.TransportError as error:
                if attempt == RETRIES:
                    raise DownloadError(
                        f"{spec.dataset}: downloading {spec.url} failed {RETRIES} times ({error}). "
                        f"Check the network and run `migobs fetch {spec.source}` again; the partial "
                        f"file is kept and the download resumes."
                    ) from error
                time.sleep(0.5 * 2**attempt)
    finally:
        if own:
            http.close()
    partial.replace(path)


def _stream(http: httpx.Client, spec: FileSpec, partial: Path, progress: Progress | None) -> None:
    have = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with http.stream("GET", spec.url, headers=headers) as response:
        if response.status_code == 416:
            return
        if response.status_code >= 400:
            raise DownloadError(
                f"{spec.dataset}: {spec.url} answered HTTP {response.status_code}. The publisher may "
                f"have moved the file: place it in a mirror folder and use --mirror."
            )
        resumed = response.status_code == 206
        total = _total(response, have if resumed else 0)
        done = have if resumed else 0
        with partial.open("ab" if resumed else "wb") as out:
            for chunk in response.iter_bytes(CHUNK):
                out.write(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, total)


def _total(response: httpx.Response, offset: int) -> int | None:
    length = response.headers.get("Content-Length")
    return int(length) + offset if length and length.isdigit() else None
