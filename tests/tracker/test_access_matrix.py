"""The route matrix: every tracker API route and every tracker page or form × every role gets
exactly the access the rules give (docs/tracker.md, "Roles"; the rules themselves, without a
database or HTTP, are the table of test_policy.py).

The rows are checked against the routers: a route without a row here fails
``test_every_route_has_a_row``. Each row is run for the public, Mexico's focal point (the
records' State), France's focal point (another State), a reviewer and an administrator, each
on fresh records. A row with ``shows`` also says whether that draft's title is on the page or
in the list: drafts show only to their State's focal points and to reviewers and admins.

All rows share one SQLite database and its accounts, made once for the module; each row's
records carry a serial number in their titles, so no row sees another's records as its own.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.routing import APIRoute

from migobs.api.routes.tracker import router as api_router
from migobs.config import Settings
from migobs.tracker.models import RECORD_KINDS
from migobs.tracker.service import Tracker
from migobs.web.tracker import ROUTERS
from tests.tracker.conftest import (
    EMAILS,
    PASSWORD,
    TestClient,
    add_people,
    app_client,
    csrf,
    headers,
    migrated_sqlite,
    sign_in,
)

ROLES = ("anonymous", "mexico", "france", "reviewer", "admin")

Expected = tuple[Any, Any, Any, Any, Any]


@dataclass
class Ctx:
    """What a row's call needs: the client, the fresh records' ids, the caller's role."""

    client: TestClient
    ids: Records
    role: str
    headers: dict[str, str]

    def form(self, path: str, data: dict[str, Any] | None = None) -> Any:
        """POST a web form with a valid CSRF token; the response, not followed."""
        body = {**(data or {}), "csrf_token": csrf(self.client)}
        return self.client.post(path, data=body, follow_redirects=False)


@dataclass(frozen=True)
class Row:
    """One call of one route, and what each role gets (anonymous, mexico, france, reviewer, admin)."""

    method: str
    path: str
    call: Callable[[Ctx], Any]
    expected: Expected
    shows: str | None = None


TITLES = {
    "commitments_draft": "Draft pledge",
    "commitments_published": "Out pledge",
    "reviews_draft": "Draft review",
    "reviews_published": "Out review",
    "actions_draft": "Draft step",
    "actions_published": "Out step",
}


class Records(dict[str, int]):
    """Mexico's (484) records, each made through the service the first time a row names it:
    ``<kind>_draft`` and ``<kind>_published``; actions belong to the published commitment.
    Their titles end in this set's serial number (``Draft pledge 0042``)."""

    serials = itertools.count(1)

    def __init__(self, tracker: Tracker) -> None:
        super().__init__()
        self.tracker = tracker
        self.mexico = tracker.caller_for_operator("mx@example.org")
        self.reviewer = tracker.caller_for_operator("reviewer@example.org")
        self.serial = next(self.serials)

    def title(self, key: str) -> str:
        """The title of record ``key`` of this set."""
        return f"{TITLES[key]} {self.serial:04d}"

    def __missing__(self, key: str) -> int:
        kind, workflow = key.split("_")
        data: dict[str, Any] = {"title": self.title(key)}
        if kind == "actions":
            data |= {"commitment_id": self["commitments_published"], "description": "D"}
        else:
            data |= {"state": "484", "objectives": [1], "text": "X", "summary": "S"}
            data |= {"kind": "imrf-statement"} if kind == "reviews" else {}
            data.pop("summary" if kind == "commitments" else "text")
        record_id = int(self.tracker.create(self.mexico, kind, data)["id"])
        if workflow == "published":
            self.tracker.publish(self.reviewer, kind, record_id)
        self[key] = record_id
        return record_id


ALL_200: Expected = (200, 200, 200, 200, 200)
WRITE: Expected = (401, 201, 403, 403, 403)  # focal points of the record's State only
EDIT_DRAFT: Expected = (401, 200, 404, 403, 403)  # France may not see Mexico's draft
PUBLISH_DRAFT: Expected = (401, 403, 404, 200, 403)
SEND_BACK: Expected = (401, 403, 403, 200, 403)
DRAFT_SEEN: Expected = ((200, False), (200, True), (200, False), (200, True), (200, True))
GET_DRAFT: Expected = (404, 200, 404, 200, 200)
AUDITORS: Expected = (401, 403, 403, 200, 200)
ADMINS: Expected = (401, 403, 403, 403, 200)
API = "/api/tracker"
NEW = {
    "commitments": lambda ids: {"state": "484", "objectives": [1], "title": "T", "text": "X"},
    "actions": lambda ids: {
        "commitment_id": ids["commitments_draft"],
        "title": "T",
        "description": "D",
    },
    "reviews": lambda ids: {
        "state": "484",
        "kind": "imrf-statement",
        "objectives": [1],
        "title": "T",
        "summary": "S",
    },
}


def api(method: str, path: str, **kwargs: Any) -> Callable[[Ctx], Any]:
    """A call of the API; ``path`` may name ids (``{commitments_draft}``) and ``{n}``."""

    def call(c: Ctx) -> Any:
        url = API + path.format_map(c.ids)
        body = kwargs.get("json")
        json = body(c.ids) if callable(body) else body
        return c.client.request(
            method, url, headers=c.headers, json=json, content=kwargs.get("content")
        )

    return call


def _kind_rows(kind: str) -> list[Row]:
    draft, published = f"{{{kind}_draft}}", f"{{{kind}_published}}"
    item = "/{kind}/{record_id}"
    return [
        Row("GET", "/{kind}", api("GET", f"/{kind}?state=484"), DRAFT_SEEN, f"{kind}_draft"),
        Row("GET", "/{kind}.csv", api("GET", f"/{kind}.csv"), DRAFT_SEEN, f"{kind}_draft"),
        Row(
            "POST",
            "/{kind}",
            api("POST", f"/{kind}", json=NEW[kind]),
            (401, 201, 404, 403, 403) if kind == "actions" else WRITE,  # France: unseen draft
        ),
        Row("GET", item, api("GET", f"/{kind}/{draft}"), GET_DRAFT),
        Row("GET", item, api("GET", f"/{kind}/{published}"), ALL_200),
        Row(
            "PATCH",
            item,
            api("PATCH", f"/{kind}/{draft}", json={"version": 1, "title": "N"}),
            EDIT_DRAFT,
        ),
        Row(
            "PATCH",
            item,
            api("PATCH", f"/{kind}/{published}", json={"version": 2, "title": "N"}),
            (401, 403, 403, 403, 403),  # published: locked for everyone
        ),
        Row("POST", item + "/submit", api("POST", f"/{kind}/{draft}/submit"), EDIT_DRAFT),
        Row("POST", item + "/publish", api("POST", f"/{kind}/{draft}/publish"), PUBLISH_DRAFT),
        Row(
            "POST",
            item + "/send-back",
            api("POST", f"/{kind}/{published}/send-back", json={"note": "x"}),
            SEND_BACK,
        ),
    ]


def _token(c: Ctx) -> Any:
    email = EMAILS.get(c.role, "nobody@example.org")
    return c.client.post(f"{API}/tokens", json={"email": email, "password": PASSWORD})


API_ROWS = [
    Row("POST", "/tokens", _token, (401, 201, 201, 201, 201)),
    Row("DELETE", "/tokens/current", api("DELETE", "/tokens/current"), (401, 204, 204, 204, 204)),
    Row("GET", "/tokens", api("GET", "/tokens"), ADMINS),
    Row("DELETE", "/tokens/{token_id}", api("DELETE", "/tokens/1"), ADMINS),
    Row(
        "PUT",
        "/password",
        # the same password again: every row shares the accounts
        api("PUT", "/password", json={"current_password": PASSWORD, "new_password": PASSWORD}),
        (401, 204, 204, 204, 204),
    ),
    Row(
        "PUT",
        "/users/{user_id}/password",
        api("PUT", "/users/4/password", json={"password": PASSWORD}),
        (401, 403, 403, 403, 204),
    ),
    Row("GET", "/audit", api("GET", "/audit?record=commitments/{commitments_draft}"), AUDITORS),
    Row("GET", "/users", api("GET", "/users"), ADMINS),
    Row(
        "POST",
        "/users",
        api(
            "POST",
            "/users",
            json=lambda ids: {
                "email": f"n{sum(ids.values())}@example.org",
                "password": PASSWORD,
                "role": "reviewer",
            },
        ),
        (401, 403, 403, 403, 201),
    ),
    Row(
        "PATCH",
        "/users/{user_id}",
        # users/4 is France's focal point (the fourth account of ``people``), left as it is
        api("PATCH", "/users/4", json={"role": "focal-point", "state": "250"}),
        ADMINS,
    ),
    Row("GET", "/export.json", api("GET", "/export.json"), DRAFT_SEEN[:1] * 5, "commitments_draft"),
    *(
        Row(
            "GET",
            "/export/{kind}.csv",
            api("GET", f"/export/{kind}.csv"),
            DRAFT_SEEN[:1] * 5,
            f"{kind}_draft",
        )
        for kind in RECORD_KINDS
    ),
    Row(
        "POST",
        "/import/commitments",
        api("POST", "/import/commitments", content=b"state,objectives,title,text\n484,1,T,X\n"),
        WRITE,
    ),
    Row("GET", "/objectives", api("GET", "/objectives"), ALL_200),
    Row("GET", "/principles", api("GET", "/principles"), ALL_200),
    Row("GET", "/states", api("GET", "/states"), ALL_200),
    Row("GET", "/objectives.csv", api("GET", "/objectives.csv"), ALL_200),
    Row("GET", "/principles.csv", api("GET", "/principles.csv"), ALL_200),
    Row("GET", "/states.csv", api("GET", "/states.csv"), ALL_200),
    *(row for kind in RECORD_KINDS for row in _kind_rows(kind)),
]


def page(path: str) -> Callable[[Ctx], Any]:
    return lambda c: c.client.get("/tracker" + path.format_map(c.ids), follow_redirects=False)


def form(path: str, data: dict[str, Any] | None = None) -> Callable[[Ctx], Any]:
    return lambda c: c.form("/tracker" + path.format_map(c.ids), data)


COMMITMENT_FORM = {
    "title": "T",
    "text": "X",
    "kind": "pledge",
    "status": "planned",
    "objectives": ["1"],
}
REVIEW_FORM = {"kind": "imrf-statement", "title": "T", "summary": "S", "objectives": ["1"]}
ACTION_FORM = {"title": "T", "description": "D"}
FORM_WRITE: Expected = (401, 303, 303, 403, 403)  # a new draft of one's own State
FORM_EDIT: Expected = (401, 303, 404, 403, 403)
OWN_FORM: Expected = (401, 200, 200, 403, 403)


def _login(c: Ctx) -> Any:
    email = EMAILS.get(c.role, "nobody@example.org")
    return c.form("/tracker/login", {"email": email, "password": PASSWORD})


def _step_rows(kind: str) -> list[Row]:
    step = "/{kind}/{record_id}/{step}"
    return [
        Row("POST", step, form(f"/{kind}/{{{kind}_draft}}/submit"), (401, 303, 404, 403, 403)),
        Row("POST", step, form(f"/{kind}/{{{kind}_draft}}/publish"), (401, 403, 404, 303, 403)),
        Row(
            "POST",
            step,
            form(f"/{kind}/{{{kind}_published}}/send-back", {"note": "x"}),
            (401, 403, 403, 303, 403),
        ),
    ]


WEB_ROWS = [
    Row("GET", "/tracker.css", page("/tracker.css"), ALL_200),
    Row("GET", "", page(""), ALL_200),
    Row("GET", "/states/{m49}", page("/states/484"), DRAFT_SEEN, "commitments_draft"),
    Row("GET", "/states/{m49}", page("/states/484"), DRAFT_SEEN, "reviews_draft"),
    Row("GET", "/states/{m49}", page("/states/484"), DRAFT_SEEN, "actions_draft"),
    Row("GET", "/objectives/{number}", page("/objectives/1"), DRAFT_SEEN, "commitments_draft"),
    Row("GET", "/objectives/{number}", page("/objectives/1"), DRAFT_SEEN, "reviews_draft"),
    Row("GET", "/login", page("/login"), ALL_200),
    Row("POST", "/login", _login, (401, 303, 303, 303, 303)),
    Row("POST", "/logout", form("/logout"), (303, 303, 303, 303, 303)),
    Row("GET", "/commitments/new", page("/commitments/new"), OWN_FORM),
    Row("POST", "/commitments/new", form("/commitments/new", COMMITMENT_FORM), FORM_WRITE),
    Row("GET", "/commitments/{record_id}", page("/commitments/{commitments_draft}"), GET_DRAFT),
    Row("GET", "/commitments/{record_id}", page("/commitments/{commitments_published}"), ALL_200),
    Row(
        "POST",
        "/commitments/{record_id}/edit",
        form("/commitments/{commitments_draft}/edit", {**COMMITMENT_FORM, "version": "1"}),
        FORM_EDIT,
    ),
    Row(
        "POST",
        "/commitments/{record_id}/actions",
        form("/commitments/{commitments_draft}/actions", ACTION_FORM),
        FORM_EDIT,
    ),
    Row("GET", "/actions/{record_id}", page("/actions/{actions_draft}"), GET_DRAFT),
    Row("GET", "/actions/{record_id}", page("/actions/{actions_published}"), ALL_200),
    Row(
        "POST",
        "/actions/{record_id}/edit",
        form("/actions/{actions_draft}/edit", {**ACTION_FORM, "version": "1"}),
        FORM_EDIT,
    ),
    Row("GET", "/reviews/new", page("/reviews/new"), OWN_FORM),
    Row("POST", "/reviews/new", form("/reviews/new", REVIEW_FORM), FORM_WRITE),
    Row("GET", "/reviews/{record_id}", page("/reviews/{reviews_draft}"), GET_DRAFT),
    Row("GET", "/reviews/{record_id}", page("/reviews/{reviews_published}"), ALL_200),
    Row(
        "POST",
        "/reviews/{record_id}/edit",
        form("/reviews/{reviews_draft}/edit", {**REVIEW_FORM, "version": "1"}),
        FORM_EDIT,
    ),
    *(row for kind in RECORD_KINDS for row in _step_rows(kind)),
    Row("GET", "/queue", page("/queue"), (401, 403, 403, 200, 403)),
    Row(
        "GET",
        "/history/{kind}/{record_id}",
        page("/history/commitments/{commitments_draft}"),
        AUDITORS,
    ),
    Row(
        "GET", "/history/{kind}/{record_id}", page("/history/reviews/{reviews_published}"), AUDITORS
    ),
]


def _routes(routers: Any, prefix: str) -> set[tuple[str, str]]:
    found = set()
    for router in routers:
        for route in router.routes:
            assert isinstance(route, APIRoute), route  # a nested router would hide its routes
            found |= {(m, route.path_format.removeprefix(prefix)) for m in route.methods}
    return found


def test_every_route_has_a_row() -> None:
    assert _routes([api_router], API) == {(r.method, r.path) for r in API_ROWS}
    assert _routes(ROUTERS, "/tracker") == {(r.method, r.path) for r in WEB_ROWS}


def _run(row: Row, client: TestClient, tracker: Tracker, web: bool) -> dict[str, Any]:
    got = {}
    for role in ROLES:
        client.cookies.clear()
        ids = Records(tracker)
        if row.shows:
            ids[row.shows]  # noqa: B018 - make the record whose title the row looks for
        if web and role != "anonymous":
            sign_in(client, EMAILS[role])
        context = Ctx(client, ids, role, {} if web else headers(client, role))
        response = row.call(context)
        if not web and response.status_code >= 400:
            assert list(response.json()) == ["error"]
            assert set(response.json()["error"]) == {
                "status",
                "type",
                "message",
                "parameter",
                "accepted",
            }
        status = response.status_code
        got[role] = status if row.shows is None else (status, ids.title(row.shows) in response.text)
    return got


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, Tracker]]:
    """One SQLite tracker for every row, with the accounts of ``add_people``, and its client."""
    folder = tmp_path_factory.mktemp("matrix")
    settings = Settings(
        home=folder / "home", tracker_url=migrated_sqlite(folder), fast_password_hashing=True
    )
    tracker = Tracker.from_settings(settings)
    add_people(tracker)
    with app_client(settings, tracker) as client:
        yield client, tracker
    tracker.engine.dispose()


@pytest.mark.parametrize(
    "index", range(len(API_ROWS)), ids=[f"api{i}" for i in range(len(API_ROWS))]
)
def test_api_access(index: int, served: tuple[TestClient, Tracker]) -> None:
    row = API_ROWS[index]
    assert _run(row, *served, web=False) == dict(zip(ROLES, row.expected, strict=True)), row


@pytest.mark.parametrize(
    "index", range(len(WEB_ROWS)), ids=[f"web{i}" for i in range(len(WEB_ROWS))]
)
def test_page_and_form_access(index: int, served: tuple[TestClient, Tracker]) -> None:
    row = WEB_ROWS[index]
    assert _run(row, *served, web=True) == dict(zip(ROLES, row.expected, strict=True)), row
