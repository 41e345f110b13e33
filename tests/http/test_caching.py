"""The response store and ETag middleware, on a tiny ASGI app that counts what it computes, and the
warehouse version they are keyed on."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from starlette.types import Receive, Scope, Send

from migobs.http.caching import Kept, ResponseStore, WarehouseCache
from migobs.http.language import LanguagePrefix
from migobs.warehouse import schema
from migobs.warehouse.read.version import data_version
from tests.support.asgi import asgi_get


def warehouse_with_build(path: Path, build_id: str) -> Path:
    with duckdb.connect(str(path)) as con:
        schema.apply(con)
        con.execute("INSERT INTO builds VALUES (?, now(), now(), 'test', NULL)", [build_id])
    return path


def add_flow_run(path: Path, run_id: str, total: float) -> None:
    with duckdb.connect(str(path)) as con:
        con.execute(
            "INSERT INTO flow_runs (run_id, method, options, edition, demography, sex, year0, "
            "year1, countries, total_flow, world_pop, diagnostics, converged, margins_met) "
            "VALUES (?, 'demographic-accounting', '{}', '2017', 'wpp/2019', 'total', 1990, 1995, "
            "2, ?, 1.0, '{}', true, true)",
            [run_id, total],
        )


class Counting:
    """An ASGI app answering every path with its call count; ``/cookie`` sets a cookie and
    ``/missing`` answers 404."""

    def __init__(self) -> None:
        self.calls = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self.calls += 1
        status = 404 if scope["path"] == "/missing" else 200
        headers = [(b"content-type", b"text/plain")]
        if scope["path"] == "/cookie":
            headers.append((b"set-cookie", b"a=b"))
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": f"call {self.calls}".encode()})


@pytest.fixture
def counted(tmp_path: Path) -> tuple[WarehouseCache, Counting, Path]:
    inner = Counting()
    path = warehouse_with_build(tmp_path / "w.duckdb", "build-1")
    return WarehouseCache(inner, warehouse=path), inner, path


def test_a_repeated_get_is_answered_from_the_store(
    counted: tuple[WarehouseCache, Counting, Path],
) -> None:
    app, inner, _ = counted
    first, again = (
        asgi_get(app, "/api/areas?kind=country"),
        asgi_get(app, "/api/areas?kind=country"),
    )
    assert first.text == again.text == "call 1" and inner.calls == 1
    assert again.headers["etag"] == '"build-1"'
    assert asgi_get(app, "/api/areas?kind=region").text == "call 2"  # the query is part of the key
    assert asgi_get(app, "/country/484").text == "call 3"
    assert asgi_get(app, "/country/484").headers["etag"] == '"build-1"'  # pages carry it too
    assert inner.calls == 3


def test_if_none_match_with_the_version_answers_304_without_computing(
    counted: tuple[WarehouseCache, Counting, Path],
) -> None:
    app, inner, _ = counted
    response = asgi_get(app, "/api/areas", headers={"If-None-Match": '"build-1"'})
    assert response.status_code == 304 and response.headers["etag"] == '"build-1"'
    assert inner.calls == 0
    assert asgi_get(app, "/api/areas", headers={"If-None-Match": '"build-0"'}).status_code == 200


@pytest.mark.parametrize("path", ["/tracker/states/484", "/api/tracker/commitments", "/cookie"])
def test_tracker_and_cookies_are_never_kept(
    counted: tuple[WarehouseCache, Counting, Path], path: str
) -> None:
    app, inner, _ = counted
    assert [asgi_get(app, path).text for _ in range(2)] == ["call 1", "call 2"]


def test_languages_are_kept_apart_and_the_tracker_never_kept_in_any(
    counted: tuple[WarehouseCache, Counting, Path],
) -> None:
    cache, inner, _ = counted
    app = LanguagePrefix(cache)
    assert [asgi_get(app, "/fr/tracker/states/484").text for _ in range(2)] == ["call 1", "call 2"]
    assert (
        asgi_get(app, "/fr/country/484").text == asgi_get(app, "/fr/country/484").text == "call 3"
    )
    assert asgi_get(app, "/es/country/484").text == "call 4" and inner.calls == 4


def test_errors_are_not_kept(counted: tuple[WarehouseCache, Counting, Path]) -> None:
    app, inner, _ = counted
    assert [asgi_get(app, "/missing").status_code for _ in range(2)] == [404, 404]
    assert inner.calls == 2


def test_a_new_build_or_flow_run_is_a_new_version(
    counted: tuple[WarehouseCache, Counting, Path],
) -> None:
    app, inner, path = counted
    assert asgi_get(app, "/api/flows").text == "call 1"
    add_flow_run(path, "demographic-accounting/2017/total/1990-1995", 40e6)
    with_flows = asgi_get(app, "/api/flows")
    assert with_flows.text == "call 2"
    assert with_flows.headers["etag"].startswith('"build-1.')
    add_flow_run(path, "demographic-accounting/2017/total/1995-2000", 41e6)
    assert asgi_get(app, "/api/flows").headers["etag"] != with_flows.headers["etag"]
    assert inner.calls == 3


def test_no_warehouse_means_no_version_and_nothing_kept(tmp_path: Path) -> None:
    inner = Counting()
    app = WarehouseCache(inner, warehouse=tmp_path / "absent.duckdb")
    assert [asgi_get(app, "/api/areas").text for _ in range(2)] == ["call 1", "call 2"]
    assert data_version(tmp_path / "absent.duckdb") is None


def test_the_store_drops_the_least_recently_used_past_its_size() -> None:
    store = ResponseStore(max_bytes=10, max_entry=6)
    for name in ("a", "b"):
        store.put(("v", name, b""), Kept(200, [], b"12345"))
    assert store.get(("v", "a", b"")) is not None  # a is now the most recently used
    store.put(("v", "c", b""), Kept(200, [], b"12345"))
    assert store.get(("v", "b", b"")) is None and len(store) == 2
    store.put(("v", "d", b""), Kept(200, [], b"1234567"))  # larger than one entry may be
    assert store.get(("v", "d", b"")) is None
