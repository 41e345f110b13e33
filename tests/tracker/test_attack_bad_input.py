"""Attack: the inputs that gave 500 (61 requests of 7 kinds), and the account holes, on both
databases. Each answer must be a 4xx in the one error shape, naming the field."""

from __future__ import annotations

import csv
from collections.abc import Iterator

import pytest

from tests.tracker.conftest import PASSWORD, People, TestClient, csrf, headers

pytestmark = pytest.mark.attack
HUGE = "99999999999999999999"  # beyond 64 bits
BEYOND_INT = str(2**31)  # beyond PostgreSQL's INTEGER


@pytest.mark.parametrize("number", [HUGE, BEYOND_INT])
@pytest.mark.parametrize(
    "path",
    [
        "/api/tracker/commitments/{n}",
        "/api/tracker/actions/{n}",
        "/api/tracker/commitments?objective={n}",
        "/api/tracker/actions?commitment={n}",
        "/tracker/commitments/{n}",
        "/tracker/objectives/{n}",
        "/tracker/history/commitments/{n}",
    ],
)
def test_ids_beyond_the_database_get_422(
    client: TestClient, people: People, path: str, number: str
) -> None:
    answer = client.get(path.format(n=number))
    assert answer.status_code == 422, answer.text


@pytest.mark.parametrize("number", [HUGE, BEYOND_INT])
def test_forms_and_writes_to_such_ids_get_4xx(
    client: TestClient, people: People, number: str
) -> None:
    mexico = headers(client, "mexico")
    assert (
        client.patch(
            f"/api/tracker/commitments/{number}", json={"version": 1}, headers=mexico
        ).status_code
        == 422
    )
    action = {"commitment_id": int(number), "title": "T", "description": "D"}
    created = client.post("/api/tracker/actions", json=action, headers=mexico)
    assert created.status_code == 422 and "commitment_id" in created.json()["error"]["message"]
    form = client.post(f"/tracker/commitments/{number}/edit", data={"csrf_token": csrf(client)})
    assert form.status_code == 422


@pytest.mark.parametrize(
    "path",
    [
        "/api/tracker/commitments?state=%00",
        "/api/tracker/commitments?workflow=%00",
        "/api/tracker/reviews?state=4%0084",
        "/api/tracker/audit?record=%00",
    ],
)
def test_nul_in_a_filter_gets_422(client: TestClient, people: People, path: str) -> None:
    answer = client.get(path, headers=headers(client, "admin"))
    assert answer.status_code == 422, answer.text
    assert answer.json()["error"]["type"] == "invalid-parameter"


def test_nul_in_a_sign_in_email_gets_422(client: TestClient, people: People) -> None:
    api = client.post(
        "/api/tracker/tokens", json={"email": "mx@example.org\u0000", "password": "x"}
    )
    assert api.status_code == 422 and api.json()["error"]["parameter"] == "email"
    form = client.post(
        "/tracker/login",
        data={"email": "mx\u0000@example.org", "password": PASSWORD, "csrf_token": csrf(client)},
    )
    assert form.status_code == 422 and "control characters" in form.text


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"role": "focal-point", "state": "999"}, "state: '999' is not an M49 code"),
        ({"role": "focal-point", "state": "4841"}, "state"),
        ({"role": "x" * 300}, "role"),
        ({"role": "emperor"}, "role: 'emperor' is not one of"),
    ],
)
def test_unknown_or_long_values_in_a_user_patch_get_422(
    client: TestClient, people: People, change: dict[str, str], field: str
) -> None:
    answer = client.patch("/api/tracker/users/4", json=change, headers=headers(client, "admin"))
    assert answer.status_code == 422, answer.text
    assert (
        field in answer.json()["error"]["message"] or answer.json()["error"]["parameter"] == field
    )


@pytest.fixture
def python_csv_limit() -> Iterator[None]:
    """The csv module's own field limit (131,072), as the server has it: the limit is global to
    the process and frictionless, imported by other tests, raises it on import."""
    before = csv.field_size_limit(131_072)
    yield
    csv.field_size_limit(before)


@pytest.mark.usefixtures("python_csv_limit")
def test_a_csv_cell_over_the_csv_limit_gets_422_naming_the_row(
    client: TestClient, people: People
) -> None:
    text = "state,objectives,title,text\n484,1,Fine,Row\n484,1,Long," + "x" * 140_000 + "\n"
    answer = client.post(
        "/api/tracker/import/commitments", content=text.encode(), headers=headers(client, "mexico")
    )
    assert answer.status_code == 422
    assert answer.json()["error"]["message"].startswith("row 3: cannot be read as CSV")


def test_a_role_only_patch_does_not_reactivate(client: TestClient, people: People) -> None:
    admin = headers(client, "admin")
    france = headers(client, "france")
    off = client.patch("/api/tracker/users/4", json={"active": False}, headers=admin)
    assert off.json()["active"] is False
    changed = client.patch("/api/tracker/users/4", json={"role": "reviewer"}, headers=admin)
    assert changed.status_code == 200
    assert (changed.json()["role"], changed.json()["state"], changed.json()["active"]) == (
        "reviewer",
        None,
        False,
    )
    client.patch("/api/tracker/users/4", json={"active": True}, headers=admin)
    old_token = client.get("/api/tracker/commitments", headers=france)
    assert old_token.status_code == 401  # tokens issued before the deactivation stay dead


def test_passwords_change_and_reset_end_tokens(
    client: TestClient, people: People, tracker_url: str
) -> None:
    mexico = headers(client, "mexico")
    wrong = client.put(
        "/api/tracker/password",
        json={"current_password": "not it at all", "new_password": "a new password"},
        headers=mexico,
    )
    assert wrong.status_code == 422 and "current_password" in wrong.json()["error"]["message"]
    nul = client.put(
        "/api/tracker/password",
        json={"current_password": PASSWORD, "new_password": "\u0000" * 10},
        headers=mexico,
    )
    assert nul.status_code == 422
    done = client.put(
        "/api/tracker/password",
        json={"current_password": PASSWORD, "new_password": "a new password"},
        headers=mexico,
    )
    assert done.status_code == 204
    assert client.get("/api/tracker/commitments", headers=mexico).status_code == 401
    signed = client.post(
        "/api/tracker/tokens", json={"email": "mx@example.org", "password": "a new password"}
    )
    assert signed.status_code == 201
    admin = headers(client, "admin")
    reset = client.put("/api/tracker/users/3/password", json={"password": PASSWORD}, headers=admin)
    assert reset.status_code == 204
    fresh = {"Authorization": f"Bearer {signed.json()['token']}"}
    assert client.get("/api/tracker/commitments", headers=fresh).status_code == 401


def test_admins_list_and_revoke_tokens(client: TestClient, people: People) -> None:
    france = headers(client, "france")
    admin = headers(client, "admin")
    tokens = client.get("/api/tracker/tokens", headers=admin).json()["data"]
    mine = next(t for t in tokens if t["email"] == "fr@example.org")
    assert "token" not in mine and "token_hash" not in mine and mine["revoked"] is False
    revoked = client.delete(f"/api/tracker/tokens/{mine['id']}", headers=admin)
    assert revoked.json()["revoked"] is True
    assert client.get("/api/tracker/commitments", headers=france).status_code == 401
    assert client.get("/api/tracker/tokens", headers=france).status_code == 401
    assert client.get("/api/tracker/tokens", headers=headers(client, "reviewer")).status_code == 403
