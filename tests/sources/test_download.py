"""Obtaining files: mirror, data directory and network (an injected httpx transport, never live)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpx
import pytest

from migobs.config import Settings
from migobs.errors import ChecksumMismatch, DownloadError, FileNotObtained
from migobs.sources._download import obtain
from migobs.sources.catalog import FileSpec

CONTENT = b"official bytes " * 1000


def spec_for(content: bytes | None = CONTENT) -> FileSpec:
    return FileSpec(
        source="demo",
        edition="2001",
        key="table",
        name="table.xlsx",
        mirror_path="demo/2001/table.xlsx",
        url="https://example.org/table.xlsx",
        sha256=hashlib.sha256(content).hexdigest() if content is not None else None,
        size=len(content) if content is not None else None,
        licence="CC BY 4.0",
        citation="Demo (2001).",
    )


def serving(content: bytes, calls: list[httpx.Request], fail_first: int = 0) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if len(calls) <= fail_first:
            raise httpx.ConnectError("connection reset", request=request)
        start = 0
        if "Range" in request.headers:
            start = int(request.headers["Range"].removeprefix("bytes=").rstrip("-"))
            return httpx.Response(206, content=content[start:])
        return httpx.Response(200, content=content)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_download_verifies_and_keeps_the_file(settings: Settings) -> None:
    calls: list[httpx.Request] = []
    got = obtain(spec_for(), settings, client=serving(CONTENT, calls))
    assert got.path.read_bytes() == CONTENT
    assert got.path == settings.home / "files" / "demo/2001/table.xlsx"
    again = obtain(spec_for(), settings, client=serving(CONTENT, calls))
    assert again.sha256 == got.sha256
    assert len(calls) == 1, "a verified file is not downloaded twice"


def test_download_resumes_a_partial_file(settings: Settings) -> None:
    partial = settings.downloads / "demo/2001/table.xlsx.part"
    partial.parent.mkdir(parents=True)
    partial.write_bytes(CONTENT[:4000])
    calls: list[httpx.Request] = []
    got = obtain(spec_for(), settings, client=serving(CONTENT, calls))
    assert calls[0].headers["Range"] == "bytes=4000-"
    assert got.path.read_bytes() == CONTENT


def test_transient_failures_are_retried(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("migobs.sources._download.time.sleep", lambda _: None)
    calls: list[httpx.Request] = []
    got = obtain(spec_for(), settings, client=serving(CONTENT, calls, fail_first=2))
    assert len(calls) == 3
    assert got.path.read_bytes() == CONTENT


def test_persistent_failure_names_the_url(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("migobs.sources._download.time.sleep", lambda _: None)
    with pytest.raises(DownloadError, match="https://example.org/table.xlsx failed 3 times"):
        obtain(spec_for(), settings, client=serving(CONTENT, [], fail_first=5))


def test_altered_download_is_refused_with_both_checksums(settings: Settings) -> None:
    altered = CONTENT[:-1] + b"X"
    with pytest.raises(ChecksumMismatch) as error:
        obtain(spec_for(), settings, client=serving(altered, []))
    message = str(error.value)
    assert hashlib.sha256(altered).hexdigest() in message
    assert f"expected sha256 {spec_for().sha256} (migobs/sources/demo.yml)" in message
    assert f"found    sha256 {hashlib.sha256(altered).hexdigest()}" in message
    assert "Delete it and run `migobs fetch demo`" in message


def test_unknown_checksum_is_recorded_on_first_download(settings: Settings) -> None:
    got = obtain(spec_for(None), settings, client=serving(CONTENT, []))
    assert got.recorded
    assert "demo/2001/table" in (settings.downloads / "checksums.yml").read_text()
    got.path.write_bytes(b"changed")
    with pytest.raises(ChecksumMismatch):
        obtain(spec_for(None), settings, client=serving(CONTENT, []))


def test_mirror_is_read_in_place(tmp_path: Path, settings: Settings) -> None:
    mirror = tmp_path / "mirror"
    (mirror / "demo/2001").mkdir(parents=True)
    (mirror / "demo/2001/table.xlsx").write_bytes(CONTENT)
    got = obtain(spec_for(), replace(settings, mirror=mirror))
    assert got.path == mirror / "demo/2001/table.xlsx"


def test_missing_mirror_file_says_what_to_do(tmp_path: Path, settings: Settings) -> None:
    with pytest.raises(FileNotObtained, match="demo/2001/table.xlsx is not in the mirror folder"):
        obtain(spec_for(), replace(settings, mirror=tmp_path))


def refusing(calls: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return httpx.Response(500)

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_a_mirror_only_file_is_never_downloaded(settings: Settings) -> None:
    spec = replace(spec_for(), obtain="mirror-only", note="A derived copy.")
    calls: list[httpx.Request] = []
    with pytest.raises(FileNotObtained) as error:
        obtain(spec, settings, client=refusing(calls))
    assert calls == []
    message = str(error.value)
    assert "comes only from a mirror: A derived copy." in message
    assert "that holds demo/2001/table.xlsx" in message
    assert str(settings.downloads / "demo/2001/table.xlsx") in message


def test_a_mirror_only_copy_in_the_data_directory_is_checked_as_the_mirror_copy(
    settings: Settings,
) -> None:
    spec = replace(spec_for(), obtain="mirror-only", note="A derived copy.")
    path = settings.downloads / spec.mirror_path
    path.parent.mkdir(parents=True)
    path.write_bytes(CONTENT)
    assert obtain(spec, settings, client=refusing([])).sha256 == spec.sha256


def test_a_manual_file_says_where_to_save_it(settings: Settings) -> None:
    spec = replace(spec_for(), obtain="manual", note="Press CSV on the page.")
    with pytest.raises(FileNotObtained) as error:
        obtain(spec, settings, client=refusing([]))
    message = str(error.value)
    assert "cannot be downloaded by migobs: Press CSV on the page." in message
    assert f"Save it as {settings.downloads / 'demo/2001/table.xlsx'}" in message


def test_a_download_that_differs_from_the_mirror_copy_is_recorded_not_refused(
    settings: Settings,
) -> None:
    official = CONTENT + b" re-issued"
    spec = replace(spec_for(), official_sha256=None, official_differs=True)
    got = obtain(spec, settings, client=serving(official, []))
    assert got.recorded and got.sha256 == hashlib.sha256(official).hexdigest()
    recorded = (settings.downloads / "checksums.yml").read_text()
    assert f"demo/2001/table: {got.sha256}" in recorded


def test_a_download_is_checked_against_the_official_checksum(settings: Settings) -> None:
    official = CONTENT + b" re-issued"
    spec = replace(
        spec_for(), official_sha256=hashlib.sha256(official).hexdigest(), official_differs=True
    )
    assert obtain(spec, settings, client=serving(official, [])).sha256 == spec.official_sha256
    (settings.downloads / spec.mirror_path).write_bytes(CONTENT)  # the mirror copy's bytes
    with pytest.raises(ChecksumMismatch, match=f"expected sha256 {spec.official_sha256}"):
        obtain(spec, settings, client=serving(official, []))


def answering(responses: list[httpx.Response], calls: list[httpx.Request]) -> httpx.Client:
    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return responses[min(len(calls), len(responses)) - 1]

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_busy_servers_are_retried_honouring_retry_after(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr("migobs.sources._download.time.sleep", waits.append)
    calls: list[httpx.Request] = []
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    responses = [
        httpx.Response(429, headers={"Retry-After": "7"}),
        httpx.Response(503, headers={"Retry-After": later}),
        httpx.Response(200, content=CONTENT),
    ]
    got = obtain(spec_for(), settings, client=answering(responses, calls))
    assert got.path.read_bytes() == CONTENT
    assert len(calls) == 3
    assert waits[0] == 7.0
    assert 25.0 < waits[1] <= 30.0


def test_a_long_retry_after_is_capped_and_a_missing_one_backs_off(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    waits: list[float] = []
    monkeypatch.setattr("migobs.sources._download.time.sleep", waits.append)
    responses = [
        httpx.Response(503, headers={"Retry-After": "86400"}),
        httpx.Response(502),
        httpx.Response(200, content=CONTENT),
    ]
    obtain(spec_for(), settings, client=answering(responses, []))
    assert waits == [60.0, 2.0]


def test_a_server_that_stays_busy_is_reported(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("migobs.sources._download.time.sleep", lambda _: None)
    calls: list[httpx.Request] = []
    with pytest.raises(DownloadError, match=r"table.xlsx failed 3 times \(HTTP 500\)"):
        obtain(spec_for(), settings, client=answering([httpx.Response(500)], calls))
    assert len(calls) == 3


def test_a_client_error_is_not_retried(settings: Settings) -> None:
    calls: list[httpx.Request] = []
    with pytest.raises(DownloadError, match="answered HTTP 404"):
        obtain(spec_for(), settings, client=answering([httpx.Response(404)], calls))
    assert len(calls) == 1


def test_obtained_at_is_when_the_download_finished(settings: Settings) -> None:
    before = datetime.now(UTC).replace(tzinfo=None)
    got = obtain(spec_for(), settings, client=serving(CONTENT, []))
    after = datetime.now(UTC).replace(tzinfo=None)
    assert before <= got.obtained_at <= after
    os.utime(got.path, (0, 0))  # touched later: the recorded download time still holds
    assert obtain(spec_for(), settings, client=serving(CONTENT, [])).obtained_at == got.obtained_at
    assert (
        f"at: '{got.obtained_at.isoformat()}'" in (settings.downloads / "obtained.yml").read_text()
    )


def test_obtained_at_of_a_mirror_file_is_its_modification_time(
    tmp_path: Path, settings: Settings
) -> None:
    path = tmp_path / "mirror" / "demo/2001/table.xlsx"
    path.parent.mkdir(parents=True)
    path.write_bytes(CONTENT)
    saved = datetime(2021, 3, 4, 5, 6, 7)
    os.utime(path, (saved.replace(tzinfo=UTC).timestamp(),) * 2)
    got = obtain(spec_for(), replace(settings, mirror=tmp_path / "mirror"))
    assert got.obtained_at == saved
