"""One tracker database: its sessions, transactions, password hasher and the audit trail.

Every write of the tracker runs in :meth:`Store.transaction` and appends an :func:`audit` event in
that same transaction, so a change and its record in the audit log land together or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

from sqlalchemy import Engine
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from migobs.config import DEFAULT_TOKEN_DAYS, Settings
from migobs.errors import StaleVersion
from migobs.i18n.messages import N_, Said
from migobs.tracker import accounts, db
from migobs.tracker.models import AuditEvent, User
from migobs.tracker.policy import Caller


class Store:
    """The tracker's database, and how long the API tokens it issues stay valid."""

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
    def from_settings(cls, settings: Settings) -> Self:
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
                    Said(
                        N_(
                            "Someone saved this record while you were editing it: reload it "
                            "and apply your change again."
                        )
                    )
                ) from error


def caller_of(user: User) -> Caller:
    """The account ``user`` as a caller of the tracker."""
    return Caller(user_id=user.id, email=user.email, role=user.role, state=user.state)


def audit(
    session: Session,
    caller: Caller,
    action: str,
    record: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    """Append who did ``action`` to ``record`` (e.g. ``commitments/3``), with before and after."""
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
