"""Obtain an official file: from the mirror folder, the data directory or the official URL.

Every file is checked against the sha256 the catalogue records before it is used: a mirror copy
against ``sha256``, a download against ``official_sha256`` where the publisher's bytes differ
from the mirror copy. A file whose checksum the catalogue does not know yet (an edition we have
not held, or a publisher's download that differs from our copy) is accepted when first seen, and
its checksum is recorded in ``checksums.yml`` in the data directory and reported; later uses are
checked against that record. ``mirror-only`` and ``manual`` files are never downloaded.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, DownloadError, FileNotObtained
from migobs.sources.catalog import FileSpec
from migobs.yaml_files import read_yaml

if TYPE_CHECKING:  # imported where a file is downloaded: a build from local files needs no HTTP
    import httpx

Progress = Callable[[int, int | None], None]
"""Called with (bytes so far, total bytes or None) while a file downloads."""

RETRIES = 3
CHUNK = 1 << 16
MAX_RETRY_AFTER = 60.0
"""Longest wait (seconds) a server's Retry-After may ask for before the next attempt."""
CHECKSUMS = "checksums.yml"
"""File in the data directory recording the checksums of files first seen there."""
OBTAINED = "obtained.yml"
"""File in the data directory recording when each download finished (and the bytes' sha256)."""


@dataclass(frozen=True)
class Obtained:
    """A verified file on disk and its checksum; ``recorded`` when it was first seen now.

    ``obtained_at`` (UTC, naive) is when the file was obtained: the time its download finished,
    as recorded in ``obtained.yml`` in the data directory, or else the file's modification time
    (a mirror file, or one saved into the data directory by hand).
    """

    spec: FileSpec
    path: Path
    sha256: str
    obtained_at: datetime
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
    official URL (resuming a partial download, retrying transient failures). A ``mirror-only``
    or ``manual`` file is never downloaded: it must be in the mirror or the data directory.

    Raises
    ------
    FileNotObtained
        The mirror does not hold the file, or a file that cannot be downloaded is not in the data
        directory (the message says how to obtain it).
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
                f"to {'download ' + spec.url if spec.obtain == 'download' else 'use the data directory'}."
            )
        return _verified(spec, path, settings, mirror=settings.mirror)
    path = settings.downloads / spec.mirror_path
    if not path.is_file():
        if spec.obtain != "download":
            raise FileNotObtained(not_downloadable(spec, path))
        _download(spec, path, client=client, progress=progress)
        _note_download(settings, spec, path)
    return _verified(spec, path, settings, mirror=None)


def not_downloadable(spec: FileSpec, path: Path) -> str:
    """What to do for a ``mirror-only`` or ``manual`` file that is not at ``path`` yet."""
    if spec.obtain == "manual":
        return (
            f"{spec.dataset}: {spec.name} cannot be downloaded by migobs: {spec.note} "
            f"Save it as {path} (from {spec.url}), or point MIGOBS_MIRROR (or --mirror) at a folder "
            f"laid out like shared/data."
        )
    return (
        f"{spec.dataset}: {spec.name} comes only from a mirror: {spec.note} Point MIGOBS_MIRROR "
        f"(or --mirror) at a folder laid out like shared/data that holds {spec.mirror_path}, or "
        f"copy that file to {path}."
    )


def _verified(spec: FileSpec, path: Path, settings: Settings, *, mirror: Path | None) -> Obtained:
    found = sha256_of(path)
    recorded_sums = _recorded(settings)
    from_mirror = mirror is not None or spec.obtain == "mirror-only"
    listed = spec.expected_sha256(from_mirror=from_mirror)
    expected = listed or recorded_sums.get(spec.dataset)
    if expected is None:
        recorded_sums[spec.dataset] = found
        _record(settings, recorded_sums)
        return Obtained(spec, path, found, _obtained_at(settings, spec, path, found), recorded=True)
    if found != expected:
        whose = (
            f"migobs/sources/{spec.source}.yml"
            if listed
            else f"{settings.downloads / CHECKSUMS} (recorded when first obtained)"
        )
        raise ChecksumMismatch(
            f"{path}: this is not the file recorded for {spec.dataset}.\n"
            f"  expected sha256 {expected} ({whose})\n"
            f"  found    sha256 {found}\n"
            f"It is truncated, altered or a different edition. {_replace_hint(spec, path, mirror)}"
        )
    return Obtained(spec, path, found, _obtained_at(settings, spec, path, found))


def _note_download(settings: Settings, spec: FileSpec, path: Path) -> None:
    notes = _read_yaml(settings.downloads / OBTAINED)
    notes[spec.dataset] = {"at": _now().isoformat(), "sha256": sha256_of(path)}
    _write_yaml(settings.downloads / OBTAINED, notes)


def _obtained_at(settings: Settings, spec: FileSpec, path: Path, sha256: str) -> datetime:
    """When the file at ``path`` was obtained: its recorded download, or its modification time."""
    if path.is_relative_to(settings.downloads):
        note = _read_yaml(settings.downloads / OBTAINED).get(spec.dataset)
        if isinstance(note, dict) and note.get("sha256") == sha256:
            return datetime.fromisoformat(str(note["at"]))
    return datetime.fromtimestamp(path.stat().st_mtime, UTC).replace(tzinfo=None)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _replace_hint(spec: FileSpec, path: Path, mirror: Path | None) -> str:
    if mirror is not None:
        return (
            f"Replace {spec.mirror_path} in the mirror folder {mirror} with the copy the catalogue "
            f"lists (migobs/sources/{spec.source}.yml: {spec.size or '?'} bytes), or point "
            f"MIGOBS_MIRROR at another mirror."
        )
    if spec.obtain != "download":
        return f"Delete it and obtain it again: {not_downloadable(spec, path)}"
    return f"Delete it and run `migobs fetch {spec.source}` to download it again."


def _recorded(settings: Settings) -> dict[str, str]:
    return {
        str(key): str(value) for key, value in _read_yaml(settings.downloads / CHECKSUMS).items()
    }


def _record(settings: Settings, sums: dict[str, str]) -> None:
    _write_yaml(settings.downloads / CHECKSUMS, dict(sums))


def _read_yaml(path: Path) -> dict[str, object]:
    if not path.is_file():
        return {}
    data = read_yaml(path) or {}
    return {str(key): value for key, value in data.items()}


def _write_yaml(path: Path, data: dict[str, object]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(dict(sorted(data.items()))), encoding="utf-8")


class _Busy(Exception):
    """The server answered HTTP 429 or 5xx: worth asking again, after ``retry_after`` if given."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


def _download(
    spec: FileSpec, path: Path, *, client: httpx.Client | None, progress: Progress | None
) -> None:
    import httpx  # noqa: PLC0415 - only downloads need it (0.1 s to import)

    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    own = client is None
    http = client or httpx.Client(follow_redirects=True, timeout=60.0)
    try:
        for attempt in range(1, RETRIES + 1):
            try:
                _stream(http, spec, partial, progress)
                break
            except (httpx.TransportError, _Busy) as error:
                if attempt == RETRIES:
                    raise DownloadError(
                        f"{spec.dataset}: downloading {spec.url} failed {RETRIES} times ({error}). "
                        f"Check the network and run `migobs fetch {spec.source}` again; the partial "
                        f"file is kept and the download resumes."
                    ) from error
                time.sleep(_delay(error, attempt))
    finally:
        if own:
            http.close()
    partial.replace(path)


def _delay(error: Exception, attempt: int) -> float:
    """Seconds to wait before the next attempt: the server's Retry-After (capped), or backoff."""
    if isinstance(error, _Busy) and error.retry_after is not None:
        return min(error.retry_after, MAX_RETRY_AFTER)
    return float(0.5 * 2**attempt)


def _retry_after(value: str | None) -> float | None:
    """A Retry-After header as seconds from now (it is a number of seconds or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value.strip())
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _stream(http: httpx.Client, spec: FileSpec, partial: Path, progress: Progress | None) -> None:
    have = partial.stat().st_size if partial.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    with http.stream("GET", spec.url, headers=headers) as response:
        if response.status_code == 416:
            return
        if response.status_code == 429 or response.status_code >= 500:
            raise _Busy(response.status_code, _retry_after(response.headers.get("Retry-After")))
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
