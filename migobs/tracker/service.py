"""The tracker's use-cases for records: commitments, actions and reviews, and their workflow.

A :class:`Tracker` wraps one database. Callers pass a :class:`~migobs.tracker.policy.Caller`; the
rules of :mod:`migobs.tracker.policy` are applied here, so the API, the web forms, the command line
and the importer obey the same ones. Every write appends an audit event in the same transaction.
Records come back as plain dicts (what the API returns). Accounts, tokens and sessions are the
use-cases of :class:`~migobs.tracker.users.Users`, which a Tracker is too.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from migobs.errors import InvalidInput, StaleVersion
from migobs.i18n.messages import N_, Said
from migobs.tracker import fields, policy, serialise
from migobs.tracker.models import (
    MODELS,
    Action,
    AuditEvent,
    Commitment,
    ObjectiveRow,
    RecordMixin,
    StateRow,
    record_kind,
    utcnow,
)
from migobs.tracker.policy import Caller
from migobs.tracker.store import audit
from migobs.tracker.users import Users

Check = Callable[[Caller, RecordMixin, str], None]


class Tracker(Users):
    """The Compact tracker on one database."""

    def create(self, caller: Caller, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """A new draft of ``kind`` (commitments, actions, reviews) for the caller's State."""
        policy.check_focal_point(caller)
        cleaned = _clean(kind, data, creating=True)
        with self.transaction() as session:
            record = self._new_record(session, caller, kind, cleaned)
            after = serialise.record(record)
            audit(session, caller, "create", f"{kind}/{record.id}", None, after)
        return after

    def create_many(self, caller: Caller, kind: str, rows: list[dict[str, Any]]) -> list[int]:
        """Create drafts from cleaned rows in one transaction: all of them, or none."""
        with self.transaction() as session:
            ids = []
            for cleaned in rows:
                record = self._new_record(session, caller, kind, cleaned)
                audit(
                    session, caller, "import", f"{kind}/{record.id}", None, serialise.record(record)
                )
                ids.append(record.id)
        return ids

    def _new_record(
        self, session: Session, caller: Caller, kind: str, cleaned: dict[str, Any]
    ) -> RecordMixin:
        if kind == "actions":
            commitment = session.get(Commitment, cleaned["commitment_id"])
            policy.require_visible(caller, commitment, f"commitments/{cleaned['commitment_id']}")
            cleaned["state"] = commitment.state if commitment else ""
        policy.check_author(caller, cleaned["state"])
        record = _model(kind)()
        _assign(session, record, cleaned)
        session.add(record)
        session.flush()
        return record

    def update(
        self, caller: Caller, kind: str, record_id: int, version: Any, data: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change a draft; ``version`` must be the one the caller read (else StaleVersion)."""
        policy.require_signed_in(caller)
        with self.transaction() as session:
            record = self._load(session, caller, kind, record_id)
            policy.check_editable(caller, record, f"{kind}/{record_id}")
            _check_version(record, version, f"{kind}/{record_id}")
            cleaned = _clean(kind, data, creating=False)
            before = serialise.record(record)
            _assign(session, record, cleaned)
            _check_dates(record)
            session.flush()
            after = serialise.record(record)
            audit(session, caller, "update", f"{kind}/{record_id}", before, after)
        return after

    def submit(self, caller: Caller, kind: str, record_id: int) -> dict[str, Any]:
        """A focal point sends a draft of their State for publication."""
        return self._move(caller, kind, record_id, "submit", "submitted", policy.check_editable)

    def publish(self, caller: Caller, kind: str, record_id: int) -> dict[str, Any]:
        """A reviewer publishes a draft or submitted record."""
        return self._move(caller, kind, record_id, "publish", "published", policy.check_publishable)

    def send_back(self, caller: Caller, kind: str, record_id: int, note: str) -> dict[str, Any]:
        """A reviewer returns a record to draft, with a note saying what to change."""
        note = fields.text(2000, required=False)(note) if isinstance(note, str) else ""
        return self._move(
            caller, kind, record_id, "send-back", "draft", policy.check_sendable_back, note
        )

    def _move(
        self,
        caller: Caller,
        kind: str,
        record_id: int,
        action: str,
        workflow: str,
        check: Check,
        note: str = "",
    ) -> dict[str, Any]:
        policy.require_signed_in(caller)
        with self.transaction() as session:
            record = self._load(session, caller, kind, record_id)
            check(caller, record, f"{kind}/{record_id}")
            before = serialise.record(record)
            record.workflow, record.review_note, record.updated_at = workflow, note, utcnow()
            session.flush()
            after = serialise.record(record)
            audit(session, caller, action, f"{kind}/{record_id}", before, after)
        return after

    def _load(self, session: Session, caller: Caller, kind: str, record_id: int) -> RecordMixin:
        model = _model(kind)
        found = policy.require_visible(caller, session.get(model, record_id), f"{kind}/{record_id}")
        return found

    def get(self, caller: Caller, kind: str, record_id: int) -> dict[str, Any]:
        """One record the caller may see (404 otherwise)."""
        with self.sessions() as session:
            return serialise.record(self._load(session, caller, kind, record_id))

    def records(
        self,
        caller: Caller,
        kind: str,
        *,
        state: str | None = None,
        objective: int | None = None,
        workflow: str | None = None,
        commitment_id: int | None = None,
    ) -> list[dict[str, Any]]:
        """The records of ``kind`` the caller may see, filtered, oldest first."""
        model = _model(kind)
        fields.check_filters(
            state=state, workflow=workflow, objective=objective, commitment=commitment_id
        )
        query = select(model).where(policy.visible(caller, model)).order_by(model.id)
        if state is not None:
            query = query.where(model.state == state)
        if workflow is not None:
            query = query.where(model.workflow == workflow)
        if objective is not None and model is not Action:
            query = query.where(model.objective_rows.any(ObjectiveRow.number == objective))  # type: ignore[attr-defined]
        if commitment_id is not None and model is Action:
            query = query.where(Action.commitment_id == commitment_id)
        with self.sessions() as session:
            return [serialise.record(r) for r in session.scalars(query)]

    def history(self, caller: Caller, record: str) -> list[dict[str, Any]]:
        """Every audit event of ``record`` (e.g. ``commitments/3``), oldest first."""
        policy.check_auditor(caller)
        fields.check_filters(record=record)
        with self.sessions() as session:
            events = session.scalars(
                select(AuditEvent).where(AuditEvent.record == record).order_by(AuditEvent.id)
            )
            return [serialise.event(e) for e in events]

    def states(self) -> list[dict[str, str]]:
        """The M49 States and areas the tracker knows."""
        with self.sessions() as session:
            rows = session.scalars(select(StateRow).order_by(StateRow.name))
            return [{"m49": s.m49, "name": s.name, "iso3": s.iso3} for s in rows]


def _model(kind: str) -> type[RecordMixin]:
    return MODELS[record_kind(kind)]


def _clean(kind: str, data: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    cleaned, problems = fields.clean(fields.KINDS[record_kind(kind)], data, creating=creating)
    if problems:
        raise InvalidInput(Said.joined(problems))
    return cleaned


def _check_version(record: RecordMixin, version: Any, name: str) -> None:
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(
            Said(
                N_("version: send the version you read (%(name)s is at %(version)s)."),
                name=name,
                version=record.version,
            )
        )
    if version != record.version:
        raise StaleVersion(
            Said(
                N_(
                    "%(name)s was changed by someone else (now version %(version)s, you sent "
                    "%(sent)s): reload it and apply your change again."
                ),
                name=name,
                version=record.version,
                sent=version,
            )
        )


def _check_dates(record: RecordMixin) -> None:
    start, end = getattr(record, "start_date", None), getattr(record, "end_date", None)
    if start and end and end < start:
        raise InvalidInput(
            Said(N_("end_date: %(end)s is before start_date %(start)s."), end=end, start=start)
        )


def _assign(session: Session, record: RecordMixin, cleaned: dict[str, Any]) -> None:
    """Copy cleaned fields onto the record, resolving States and objectives."""
    values = dict(cleaned)
    if "state" in values and session.get(StateRow, values["state"]) is None:
        raise InvalidInput(
            Said(
                N_("state: %(value)s is not an M49 code the tracker knows."),
                value=repr(values["state"]),
            )
        )
    if "objectives" in values:
        numbers = values.pop("objectives")
        record.objective_rows = list(  # type: ignore[attr-defined]
            session.scalars(select(ObjectiveRow).where(ObjectiveRow.number.in_(numbers)))
        )
    for name, value in values.items():
        setattr(record, name, value)
    record.updated_at = utcnow()
