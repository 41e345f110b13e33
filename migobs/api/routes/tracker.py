"""The Compact tracker's API: tokens (issued, revoked), commitments, actions, reviews, audit, users, exports.

Every rule is applied by :mod:`migobs.tracker.service`; routes only parse and return.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, FastAPI, Query, Request, Response
from fastapi.concurrency import run_in_threadpool
from pydantic import BaseModel, Field

from migobs.errors import NotAuthenticated
from migobs.http.deps import (
    CallerDep,
    Format,
    FormatDep,
    IdFilter,
    RecordId,
    TextFilter,
    TrackerDep,
    bearer_token,
    open_tracker,
)
from migobs.http.errors import ERROR_RESPONSES
from migobs.http.lists import CSV_RESPONSE, CsvResponse, csv_response, list_route
from migobs.tracker import exporting, importing, reference
from migobs.tracker.accounts import MAX_PASSWORD
from migobs.tracker.fields import NO_CONTROL
from migobs.tracker.models import RecordKind, record_kind


@asynccontextmanager
async def tracker_lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open the tracker when the app starts (a SQLite database is migrated); close it at the end."""
    tracker = await run_in_threadpool(open_tracker, app)
    yield
    tracker.engine.dispose()


router = APIRouter(
    prefix="/api/tracker", tags=["tracker"], responses=ERROR_RESPONSES, lifespan=tracker_lifespan
)


Email = Annotated[str, Field(max_length=254, pattern=NO_CONTROL)]
Password = Annotated[str, Field(max_length=MAX_PASSWORD, pattern=NO_CONTROL)]
Role = Annotated[str, Field(max_length=20, pattern=NO_CONTROL)]
StateCode = Annotated[str, Field(max_length=3, pattern=NO_CONTROL)]


class TokenCreate(BaseModel):
    """Credentials exchanged for an API token."""

    email: Email
    password: Password


class TokenPublic(BaseModel):
    """A new API token: send it as ``Authorization: Bearer TOKEN``."""

    token: str


class RecordList(BaseModel):
    """A list response: the records and how many there are."""

    data: list[dict[str, Any]]
    count: int


class SendBack(BaseModel):
    """A reviewer's note saying what to change."""

    note: str = Field("", max_length=2000)


class UserCreate(BaseModel):
    """A new account (administrators)."""

    email: Email
    password: Password
    role: Role
    state: StateCode | None = None


class UserUpdate(BaseModel):
    """A change of role, State or whether the account may sign in (administrators); a field
    left out is left as it is."""

    role: Role | None = None
    state: StateCode | None = None
    active: bool | None = None


class PasswordChange(BaseModel):
    """A new password for one's own account, with the current one."""

    current_password: Password
    new_password: Password


class PasswordReset(BaseModel):
    """A new password for an account (administrators)."""

    password: Password


def _listed(rows: list[dict[str, Any]]) -> RecordList:
    return RecordList(data=rows, count=len(rows))


def _listed_as(rows: list[dict[str, Any]], format: Format, name: str) -> RecordList | Response:
    """The list as ``{data, count}``, or as CSV with ``format=csv`` like every other list."""
    if format is Format.csv:
        return csv_response(rows, len(rows), name)
    return _listed(rows)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.post("/tokens", status_code=201)
def create_token(body: TokenCreate, request: Request, tracker: TrackerDep) -> TokenPublic:
    """Exchange email and password for an API token (rate-limited)."""
    return TokenPublic(token=tracker.issue_token(body.email, body.password, _client(request)))


@router.delete("/tokens/current", status_code=204)
def revoke_token(request: Request, tracker: TrackerDep) -> Response:
    """Revoke the token this request is sent with (scripts sign out; 401 without one)."""
    token = bearer_token(request)
    if token is None:
        raise NotAuthenticated("Send the token to revoke as `Authorization: Bearer TOKEN`.")
    tracker.revoke_token(token)
    return Response(status_code=204)


@router.get("/tokens")
def list_tokens(caller: CallerDep, tracker: TrackerDep) -> RecordList:
    """Every API token, without the secret: whose, since and until when, revoked or not
    (administrators)."""
    return _listed(tracker.list_tokens(caller))


@router.delete("/tokens/{token_id:int}")
def revoke_any_token(token_id: RecordId, caller: CallerDep, tracker: TrackerDep) -> dict[str, Any]:
    """Revoke an API token by its id (administrators)."""
    return tracker.revoke_token_id(caller, token_id)


@router.put("/password", status_code=204)
def change_password(
    body: PasswordChange, request: Request, caller: CallerDep, tracker: TrackerDep
) -> Response:
    """Change one's own password, giving the current one; every token and browser session of
    the account ends (ask for a new token)."""
    tracker.change_password(caller, body.current_password, body.new_password, _client(request))
    return Response(status_code=204)


@router.get("/audit")
def audit(
    record: Annotated[str, Query(max_length=60, pattern=NO_CONTROL)],
    caller: CallerDep,
    tracker: TrackerDep,
) -> RecordList:
    """A record's history, oldest first (reviewers and administrators)."""
    return _listed(tracker.history(caller, record))


@router.get("/users")
def list_users(caller: CallerDep, tracker: TrackerDep) -> RecordList:
    """Every account (administrators)."""
    return _listed(tracker.list_users(caller))


@router.post("/users", status_code=201)
def create_user(body: UserCreate, caller: CallerDep, tracker: TrackerDep) -> dict[str, Any]:
    """Create an account (administrators)."""
    return tracker.add_user(caller, body.email, body.password, body.role, body.state)


@router.patch("/users/{user_id:int}")
def update_user(
    user_id: RecordId, body: UserUpdate, caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """Change an account's role, State or activity (administrators); fields left out stay as
    they are. A deactivated account's tokens and sessions end for good."""
    return tracker.update_user(caller, user_id, body.model_dump(exclude_unset=True))


@router.put("/users/{user_id:int}/password", status_code=204)
def reset_password(
    user_id: RecordId, body: PasswordReset, caller: CallerDep, tracker: TrackerDep
) -> Response:
    """Give an account a new password (administrators); its tokens and sessions end."""
    tracker.reset_password(caller, user_id, body.password)
    return Response(status_code=204)


@router.get("/export.json")
def export_json(tracker: TrackerDep) -> dict[str, Any]:
    """Every published record, by kind."""
    return exporting.published(tracker)


@router.get("/export/{kind}.csv", response_class=CsvResponse, responses=CSV_RESPONSE)
def export_csv(kind: str, tracker: TrackerDep) -> CsvResponse:
    """The published records of one kind as CSV (404 lists the kinds)."""
    return CsvResponse(exporting.csv_text(tracker, record_kind(kind)))


@router.post(
    "/import/commitments",
    status_code=201,
    openapi_extra={
        "requestBody": {
            # the bytes are read as UTF-8 CSV whatever the type; octet-stream for generators
            "content": {
                "text/csv": {"schema": {"type": "string"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
            "description": "the CSV template of docs/tracker.md, one commitment a row",
            "required": True,
        }
    },
)
async def import_commitments(
    request: Request, caller: CallerDep, tracker: TrackerDep
) -> RecordList:
    """Create drafts from a CSV template (body: the CSV); all rows or none."""
    text = (await request.body()).decode("utf-8-sig", errors="replace")
    ids = importing.import_commitments(tracker, caller, text)
    return _listed([{"id": i} for i in ids])


@list_route(router, "/objectives", RecordList)
def objectives(format: FormatDep) -> RecordList | Response:
    """The 23 objectives with the indicators that measure them."""
    return _listed_as([asdict(o) for o in reference.objectives()], format, "objectives")


@list_route(router, "/principles", RecordList)
def principles(format: FormatDep) -> RecordList | Response:
    """The Compact's 10 guiding principles, (a) to (j)."""
    return _listed_as([asdict(p) for p in reference.principles()], format, "principles")


@list_route(router, "/states", RecordList)
def states(tracker: TrackerDep, format: FormatDep) -> RecordList | Response:
    """The M49 States and areas the tracker knows."""
    return _listed_as(tracker.states(), format, "states")


@list_route(router, "/{kind:kind}", RecordList)
def list_records(
    kind: RecordKind,
    caller: CallerDep,
    tracker: TrackerDep,
    format: FormatDep,
    state: TextFilter = None,
    objective: IdFilter = None,
    workflow: TextFilter = None,
    commitment: IdFilter = None,
) -> RecordList | Response:
    """The records the caller may see (the public: published only), filtered."""
    rows = tracker.records(
        caller,
        kind,
        state=state,
        objective=objective,
        workflow=workflow,
        commitment_id=commitment,
    )
    return _listed_as(rows, format, kind)


@router.post("/{kind:kind}", status_code=201)
def create_record(
    kind: RecordKind, body: dict[str, Any], caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """Create a draft for the caller's State (focal points)."""
    return tracker.create(caller, kind, body)


@router.get("/{kind:kind}/{record_id:int}")
def get_record(
    kind: RecordKind, record_id: RecordId, caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """One record the caller may see."""
    return tracker.get(caller, kind, record_id)


@router.patch("/{kind:kind}/{record_id:int}")
def update_record(
    kind: RecordKind,
    record_id: RecordId,
    body: dict[str, Any],
    caller: CallerDep,
    tracker: TrackerDep,
) -> dict[str, Any]:
    """Edit a draft; the body carries the ``version`` read (409 when it is stale)."""
    changes = dict(body)
    version = changes.pop("version", None)
    return tracker.update(caller, kind, record_id, version, changes)


@router.post("/{kind:kind}/{record_id:int}/submit")
def submit_record(
    kind: RecordKind, record_id: RecordId, caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """Send a draft for publication (focal points of its State)."""
    return tracker.submit(caller, kind, record_id)


@router.post("/{kind:kind}/{record_id:int}/publish")
def publish_record(
    kind: RecordKind, record_id: RecordId, caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """Publish a record (reviewers)."""
    return tracker.publish(caller, kind, record_id)


@router.post("/{kind:kind}/{record_id:int}/send-back")
def send_back_record(
    kind: RecordKind, record_id: RecordId, body: SendBack, caller: CallerDep, tracker: TrackerDep
) -> dict[str, Any]:
    """Return a record to draft with a note (reviewers)."""
    return tracker.send_back(caller, kind, record_id, body.note)
