"""Records, users and audit events as plain JSON-ready dicts (what the API and exports return)."""

from __future__ import annotations

from typing import Any

from migobs.tracker.models import (
    Action,
    ApiToken,
    AuditEvent,
    Commitment,
    RecordMixin,
    Review,
    User,
)

COMMON = ("id", "state", "title", "workflow", "review_note", "version")


def record(row: RecordMixin) -> dict[str, Any]:
    """A commitment, action or review with its kind-specific fields; dates in ISO 8601."""
    data: dict[str, Any] = {name: getattr(row, name) for name in COMMON}
    data["created_at"] = row.created_at.isoformat()
    data["updated_at"] = row.updated_at.isoformat()
    if isinstance(row, Commitment):
        data.update(
            objectives=[o.number for o in row.objective_rows],
            text=row.text,
            kind=row.kind,
            status=row.status,
            start_date=_iso(row.start_date),
            end_date=_iso(row.end_date),
            partners=list(row.partners or []),
        )
    elif isinstance(row, Action):
        data.update(
            commitment_id=row.commitment_id,
            description=row.description,
            taken_on=_iso(row.taken_on),
            evidence=list(row.evidence or []),
        )
    elif isinstance(row, Review):
        data.update(
            kind=row.kind,
            objectives=[o.number for o in row.objective_rows],
            summary=row.summary,
            held_on=_iso(row.held_on),
            link=row.link,
        )
    return data


def user(row: User) -> dict[str, Any]:
    """An account without its password hash."""
    return {
        "id": row.id,
        "email": row.email,
        "role": row.role,
        "state": row.state,
        "active": row.active,
    }


def token(row: ApiToken) -> dict[str, Any]:
    """An API token without its secret: whose, since and until when, whether revoked."""
    return {
        "id": row.id,
        "user_id": row.user_id,
        "email": row.user.email,
        "created_at": row.created_at.isoformat(),
        "expires_at": row.expires_at.isoformat(),
        "revoked": row.revoked,
    }


def event(row: AuditEvent) -> dict[str, Any]:
    """One audit event."""
    return {
        "id": row.id,
        "at": row.at.isoformat(),
        "actor": row.actor,
        "actor_id": row.actor_id,
        "action": row.action,
        "record": row.record,
        "before": row.before,
        "after": row.after,
    }


def _iso(value: Any) -> str | None:
    return None if value is None else str(value.isoformat())
