"""The tracker's tables: reference data, accounts, the three kinds of record, the audit log.

Records (commitments, actions, reviews) share :class:`RecordMixin`: the State they belong to,
their place in the publication workflow (``draft`` → ``submitted`` → ``published``; a reviewer
may send one back to ``draft``) and a ``version`` used for optimistic locking (SQLAlchemy's
``version_id_col``: an UPDATE whose version changed underneath matches no row and is refused).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, get_args

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    TypeDecorator,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from migobs.errors import RecordNotFound
from migobs.i18n.messages import N_

# Marked for translation (N_ returns each unchanged): pages show them in the reader's language.
WORKFLOW = (N_("draft"), N_("submitted"), N_("published"))
ROLES = {
    N_("admin"): "Administrators manage users and roles.",
    N_("reviewer"): "Reviewers publish records or send them back, for any State.",
    N_("focal-point"): "A State's focal points create and edit their own State's records.",
}


def utcnow() -> dt.datetime:
    """The current time in UTC, aware."""
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes on every database (SQLite keeps no time zone)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(
        self, value: dt.datetime | None, dialect: Dialect
    ) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    """Declarative base of the tracker's tables."""


class StateRow(Base):
    """A country or area (M49 code)."""

    __tablename__ = "states"
    m49: Mapped[str] = mapped_column(String(3), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    iso3: Mapped[str] = mapped_column(String(3))


class ObjectiveRow(Base):
    """One of the 23 objectives."""

    __tablename__ = "objectives"
    number: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    title: Mapped[str] = mapped_column(String(300))
    short_label: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text)


class PrincipleRow(Base):
    """One of the 10 guiding principles."""

    __tablename__ = "principles"
    letter: Mapped[str] = mapped_column(String(1), primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    summary: Mapped[str] = mapped_column(Text)


class IndicatorRow(Base):
    """An indicator linked to an objective (code is None for proxies without one)."""

    __tablename__ = "indicators"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    objective: Mapped[int] = mapped_column(ForeignKey("objectives.number"), index=True)
    code: Mapped[str | None] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(60))
    confidence: Mapped[str] = mapped_column(String(20))


class RoleRow(Base):
    """A role: admin, reviewer or focal-point."""

    __tablename__ = "roles"
    name: Mapped[str] = mapped_column(String(20), primary_key=True)
    description: Mapped[str] = mapped_column(String(200))


class User(Base):
    """An account; focal points belong to one State."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(ForeignKey("roles.name"))
    state: Mapped[str | None] = mapped_column(ForeignKey("states.m49"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)


class ApiToken(Base):
    """A token for scripts, stored as its SHA-256 (the token itself is shown once); it stops
    working when it expires, is revoked, or its account is deactivated."""

    __tablename__ = "api_tokens"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    revoked: Mapped[bool] = mapped_column(Boolean, default=False)
    user: Mapped[User] = relationship()


class WebSession(Base):
    """A signed-in browser session, stored as the SHA-256 of its random id."""

    __tablename__ = "web_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    user: Mapped[User] = relationship()


class SignInLimit(Base):
    """Sign-in attempts counted under one key (an account from a source, or a source): those
    not known to have succeeded, the lock-outs so far and the end of the current one."""

    __tablename__ = "sign_in_limits"
    key: Mapped[str] = mapped_column(String(400), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer)
    lockouts: Mapped[int] = mapped_column(Integer)
    locked_until: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RecordMixin:
    """State, workflow and version shared by commitments, actions and reviews."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(String(300))
    workflow: Mapped[str] = mapped_column(String(20), default="draft", index=True)
    review_note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)

    @declared_attr
    def state(cls) -> Mapped[str]:
        return mapped_column(ForeignKey("states.m49"), index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]


commitment_objectives = Table(
    "commitment_objectives",
    Base.metadata,
    Column("commitment_id", ForeignKey("commitments.id"), primary_key=True),
    Column("objective", ForeignKey("objectives.number"), primary_key=True),
)

review_objectives = Table(
    "review_objectives",
    Base.metadata,
    Column("review_id", ForeignKey("reviews.id"), primary_key=True),
    Column("objective", ForeignKey("objectives.number"), primary_key=True),
)


class Commitment(RecordMixin, Base):
    """A commitment or pledge by a State against one or more objectives."""

    __tablename__ = "commitments"
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="commitment")
    status: Mapped[str] = mapped_column(String(20), default="planned")
    start_date: Mapped[dt.date | None] = mapped_column(Date)
    end_date: Mapped[dt.date | None] = mapped_column(Date)
    partners: Mapped[list[str]] = mapped_column(JSON, default=list)
    objective_rows: Mapped[list[ObjectiveRow]] = relationship(
        secondary=commitment_objectives, order_by=ObjectiveRow.number
    )
    actions: Mapped[list[Action]] = relationship(back_populates="commitment", order_by="Action.id")


class Action(RecordMixin, Base):
    """A step a State took towards a commitment, with evidence links."""

    __tablename__ = "actions"
    commitment_id: Mapped[int] = mapped_column(ForeignKey("commitments.id"), index=True)
    description: Mapped[str] = mapped_column(Text)
    taken_on: Mapped[dt.date | None] = mapped_column(Date)
    evidence: Mapped[list[str]] = mapped_column(JSON, default=list)
    commitment: Mapped[Commitment] = relationship(back_populates="actions")


class Review(RecordMixin, Base):
    """A voluntary national review, regional review or IMRF statement."""

    __tablename__ = "reviews"
    kind: Mapped[str] = mapped_column(String(30))
    summary: Mapped[str] = mapped_column(Text)
    held_on: Mapped[dt.date | None] = mapped_column(Date)
    link: Mapped[str] = mapped_column(String(2000), default="")
    objective_rows: Mapped[list[ObjectiveRow]] = relationship(
        secondary=review_objectives, order_by=ObjectiveRow.number
    )


RecordKind = Literal["commitments", "actions", "reviews"]
"""The kinds of record, as named in URLs, exports, commands and the audit log."""
RECORD_KINDS: tuple[RecordKind, ...] = get_args(RecordKind)
MODELS: dict[RecordKind, type[RecordMixin]] = {
    "commitments": Commitment,
    "actions": Action,
    "reviews": Review,
}


def record_kind(kind: str) -> RecordKind:
    """``kind`` when it names a kind of record; otherwise RecordNotFound listing the kinds."""
    for known in RECORD_KINDS:
        if kind == known:
            return known
    raise RecordNotFound(f"No kind of record {kind!r}: use one of {', '.join(RECORD_KINDS)}.")


class AuditEvent(Base):
    """One change: who, when, what, before and after. Append-only (triggers refuse the rest)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor_id: Mapped[int | None] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(254))
    action: Mapped[str] = mapped_column(String(40))
    record: Mapped[str] = mapped_column(String(60), index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
