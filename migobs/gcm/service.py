"""The tracker's use-cases. Every write appends an audit event in the same transaction.

A :class:`Tracker` wraps one database. Callers pass a :class:`~migobs.gcm.policy.Caller`; the
rules of :mod:`migobs.gcm.policy` are applied here, so the API, the web forms, the command line
and the importer obey the same ones. Records come back as plain dicts (what the API returns).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from migobs.config import DEFAULT_TOKEN_DAYS, Settings
from migobs.errors import InvalidInput, NotAuthenticated, RecordNotFound, StaleVersion
from migobs.gcm import accounts, db, fields, policy, serialise
from migobs.gcm.models import (
    ROLES,
    Action,
    ApiToken,
    AuditEvent,
    Commitment,
    ObjectiveRow,
    RecordMixin,
    Review,
    StateRow,
    User,
    WebSession,
    utcnow,
)
from migobs.gcm.policy import Caller

MODELS: dict[str, type[RecordMixin]] = {
    "commitments": Commitment,
    "actions": Action,
    "reviews": Review,
}


class Tracker:
    """The Compact tracker on one database."""

    def __init__(
        self,
        engine: Engine,
        *,
        fast_hashing: bool = False,
        token_lifetime: dt.timedelta = dt.timedelta(days=DEFAULT_TOKEN_DAYS),
    ) -> None:
        self.engine = engine
        self.sessions = db.sessions(engine)
        self.hasher = accounts.password_hasher(fast=fast_hashing)
        self.token_lifetime = token_lifetime

    @classmethod
    def from_settings(cls, settings: Settings) -> Tracker:
        """The tracker at ``settings.tracker``; SQLite databases are migrated on opening."""
        engine = db.make_engine(settings.tracker)
        if settings.tracker.startswith("sqlite"):
            db.prepare(engine)
        return cls(
            engine,
            fast_hashing=settings.fast_password_hashing,
            token_lifetime=dt.timedelta(days=settings.token_days),
        )

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session committed at the end; a record changed underneath becomes StaleVersion."""
        with self.sessions() as session:
            try:
                yield session
                session.commit()
            except StaleDataError as error:
                session.rollback()
                raise StaleVersion(
                    "Someone saved this record while you were editing it: reload it and apply "
                    "your change again."
                ) from error

    # ---- accounts -------------------------------------------------------------------------

    def add_user(
        self, caller: Caller, email: str, password: str, role: str, state: str | None = None
    ) -> dict[str, Any]:
        """Create an account (administrators, or the command line)."""
        policy.check_admin(caller)
        email = accounts.normalise_email(email)
        accounts.check_password_rules(password)
        problems = _email_problems(email) + _role_problems(role, state)
        with self.transaction() as session:
            if state and session.get(StateRow, state) is None:
                problems.append(f"state: {state!r} is not an M49 code the tracker knows")
            if session.scalar(select(User).where(User.email == email)):
                problems.append(f"email: an account for {email} exists already")
            if problems:
                raise InvalidInput("; ".join(problems))
            user = User(
                email=email, password_hash=self.hasher.hash(password), role=role, state=state
            )
            session.add(user)
            session.flush()
            after = serialise.user(user)
            _audit(session, caller, "create", f"users/{user.id}", None, after)
        return after

    def list_users(self, caller: Caller) -> list[dict[str, Any]]:
        """Every account, for administrators."""
        policy.check_admin(caller)
        with self.sessions() as session:
            return [serialise.user(u) for u in session.scalars(select(User).order_by(User.id))]

    def set_role(
        self, caller: Caller, user_id: int, role: str, state: str | None, active: bool = True
    ) -> dict[str, Any]:
        """Change an account's role, State or whether it may sign in (administrators)."""
        policy.check_admin(caller)
        problems = _role_problems(role, state)
        if problems:
            raise InvalidInput("; ".join(problems))
        with self.transaction() as session:
            user = session.get(User, user_id)
            if user is None:
                raise RecordNotFound(f"No account users/{user_id}.")
            before = serialise.user(user)
            user.role, user.state, user.active = role, state, active
            session.flush()
            after = serialise.user(user)
            _audit(session, caller, "set-role", f"users/{user.id}", before, after)
        return after

    def issue_token(self, email: str, password: str, client: str) -> str:
        """A new API token for these credentials (shown once; stored hashed), valid for
        ``token_lifetime`` from now."""
        with self.transaction() as session:
            user = accounts.authenticate(session, self.hasher, email, password, client)
            token = accounts.new_secret()
            now = utcnow()
            expires_at = now + self.token_lifetime
            session.add(
                ApiToken(
                    user_id=user.id,
                    token_hash=accounts.digest(token),
                    created_at=now,
                    expires_at=expires_at,
                )
            )
            after = {"expires_at": expires_at.isoformat()}
            _audit(session, _caller(user), "issue-token", f"users/{user.id}", None, after)
        return token

    def caller_for_token(self, token: str) -> Caller:
        """Who holds this API token (401 when it is unknown, expired, revoked or the account
        inactive)."""
        with self.sessions() as session:
            return _caller(_live_token(session, token).user)

    def revoke_token(self, token: str) -> None:
        """Revoke this API token (its holder's own; 401 when it no longer works anyway)."""
        with self.transaction() as session:
            row = _live_token(session, token)
            row.revoked = True
            _audit(session, _caller(row.user), "revoke-token", f"users/{row.user_id}", None, None)

    def sign_in(self, email: str, password: str, client: str) -> str:
        """Start a browser session; returns its new random id (never a previous one)."""
        with self.transaction() as session:
            user = accounts.authenticate(session, self.hasher, email, password, client)
            session_id = accounts.new_secret()
            session.add(
                WebSession(
                    id_hash=accounts.digest(session_id),
                    user_id=user.id,
                    expires_at=utcnow() + accounts.SESSION_LIFETIME,
                )
            )
            _audit(session, _caller(user), "sign-in", f"users/{user.id}", None, None)
        return session_id

    def caller_for_operator(self, email: str) -> Caller:
        """Act as an account from the command line (the operator has the database already)."""
        with self.sessions() as session:
            user = session.scalar(select(User).where(User.email == accounts.normalise_email(email)))
            if user is None or not user.active:
                raise NotAuthenticated(
                    f"No active account {email}: create it with `migobs tracker add-user`."
                )
            caller = _caller(user)
            return Caller(
                caller.user_id, f"{caller.email} (command line)", caller.role, caller.state
            )

    def caller_for_session(self, session_id: str) -> Caller | None:
        """The user of a live browser session, or None."""
        with self.sessions() as session:
            row = session.get(WebSession, accounts.digest(session_id))
            if row is None or row.expires_at < utcnow() or not row.user.active:
                return None
            return _caller(row.user)

    def sign_out(self, session_id: str) -> None:
        """End a browser session (written to the audit log)."""
        with self.transaction() as session:
            row = session.get(WebSession, accounts.digest(session_id))
            if row is not None:
                _audit(session, _caller(row.user), "sign-out", f"users/{row.user_id}", None, None)
                session.delete(row)

    # ---- records --------------------------------------------------------------------------

    def create(self, caller: Caller, kind: str, data: Mapping[str, Any]) -> dict[str, Any]:
        """A new draft of ``kind`` (commitments, actions, reviews) for the caller's State."""
        policy.check_focal_point(caller)
        cleaned = _clean(kind, data, creating=True)
        with self.transaction() as session:
            record = self._new_record(session, caller, kind, cleaned)
            after = serialise.record(record)
            _audit(session, caller, "create", f"{kind}/{record.id}", None, after)
        return after

    def create_many(self, caller: Caller, kind: str, rows: list[dict[str, Any]]) -> list[int]:
        """Create drafts from cleaned rows in one transaction: all of them, or none."""
        with self.transaction() as session:
            ids = []
            for cleaned in rows:
                record = self._new_record(session, caller, kind, cleaned)
                _audit(
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
        record = MODELS[kind]()
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
            _audit(session, caller, "update", f"{kind}/{record_id}", before, after)
        return after

    def submit(self, caller: Caller, kind: str, record_id: int) -> dict[str, Any]:
        """A focal point sends a draft of their State for publication."""
        return self._move(caller, kind, record_id, "submit", "submitted", policy.check_editable)

    def publish(self, caller: Caller, kind: str, record_id: int) -> dict[str, Any]:
        """A reviewer publishes a draft or submitted record."""
        return self._move(caller, kind, record_id, "publish", "published", _check_publishable)

    def send_back(self, caller: Caller, kind: str, record_id: int, note: str) -> dict[str, Any]:
        """A reviewer returns a record to draft, with a note saying what to change."""
        note = fields.text(2000, required=False)(note) if isinstance(note, str) else ""
        return self._move(caller, kind, record_id, "send-back", "draft", _check_reviewing, note)

    def _move(
        self,
        caller: Caller,
        kind: str,
        record_id: int,
        action: str,
        workflow: str,
        check: Any,
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
            _audit(session, caller, action, f"{kind}/{record_id}", before, after)
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


def _live_token(session: Session, token: str) -> ApiToken:
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == accounts.digest(token)))
    if row is None or row.revoked or not row.user.active:
        raise NotAuthenticated(
            "This API token is not valid: ask for a new one (POST /api/tracker/tokens)."
        )
    if row.expires_at <= utcnow():
        raise NotAuthenticated(
            f"This API token expired on {row.expires_at:%Y-%m-%d %H:%M} UTC: ask for a new one "
            "(POST /api/tracker/tokens)."
        )
    return row


def _model(kind: str) -> type[RecordMixin]:
    if kind not in MODELS:
        raise RecordNotFound(f"No kind of record {kind!r}: use one of {', '.join(MODELS)}.")
    return MODELS[kind]


def _clean(kind: str, data: Mapping[str, Any], *, creating: bool) -> dict[str, Any]:
    _model(kind)
    cleaned, problems = fields.clean(fields.KINDS[kind], data, creating=creating)
    if problems:
        raise InvalidInput("; ".join(problems))
    return cleaned


def _check_version(record: RecordMixin, version: Any, name: str) -> None:
    if isinstance(version, bool) or not isinstance(version, int):
        raise InvalidInput(f"version: send the version you read ({name} is at {record.version}).")
    if version != record.version:
        raise StaleVersion(
            f"{name} was changed by someone else (now version {record.version}, you sent "
            f"{version}): reload it and apply your change again."
        )


def _check_dates(record: RecordMixin) -> None:
    start, end = getattr(record, "start_date", None), getattr(record, "end_date", None)
    if start and end and end < start:
        raise InvalidInput(f"end_date: {end} is before start_date {start}.")


def _check_publishable(caller: Caller, record: RecordMixin, name: str) -> None:
    policy.check_reviewer(caller)
    if record.workflow == "published":
        raise InvalidInput(f"{name} is published already.")


def _check_reviewing(caller: Caller, record: RecordMixin, name: str) -> None:
    policy.check_reviewer(caller)
    if record.workflow == "draft":
        raise InvalidInput(f"{name} is a draft already.")


def _assign(session: Session, record: RecordMixin, cleaned: dict[str, Any]) -> None:
    """Copy cleaned fields onto the record, resolving States and objectives."""
    values = dict(cleaned)
    if "state" in values and session.get(StateRow, values["state"]) is None:
        raise InvalidInput(f"state: {values['state']!r} is not an M49 code the tracker knows.")
    if "objectives" in values:
        numbers = values.pop("objectives")
        record.objective_rows = list(  # type: ignore[attr-defined]
            session.scalars(select(ObjectiveRow).where(ObjectiveRow.number.in_(numbers)))
        )
    for name, value in values.items():
        setattr(record, name, value)
    record.updated_at = utcnow()


def _email_problems(email: str) -> list[str]:
    if "@" not in email or len(email) > 254 or any(c.isspace() for c in email):
        return [f"email: {email[:60]!r} is not an email address"]
    return []


def _role_problems(role: str, state: str | None) -> list[str]:
    problems = []
    if role not in ROLES:
        problems.append(f"role: {role!r} is not one of {', '.join(ROLES)}")
    if role == "focal-point" and not state:
        problems.append("state: a focal point needs the M49 code of their State")
    if role != "focal-point" and state:
        problems.append("state: only focal points belong to a State")
    return problems


def _caller(user: User) -> Caller:
    return Caller(user_id=user.id, email=user.email, role=user.role, state=user.state)


def _audit(
    session: Session,
    caller: Caller,
    action: str,
    record: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    session.add(
        AuditEvent(
            actor_id=caller.user_id,
            actor=caller.email,
            action=action,
            record=record,
            before=before,
            after=after,
        )
    )
