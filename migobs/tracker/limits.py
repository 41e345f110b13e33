"""Sign-in limits: each attempt is counted, atomically, before its password is checked.

Two counters are kept per attempt, each a row of ``sign_in_limits`` updated by one
``INSERT ... ON CONFLICT DO UPDATE ... RETURNING`` (a row lock on PostgreSQL, the write lock on
SQLite), committed before the password is checked:

- an account from a source: after :data:`PER_ACCOUNT` attempts that did not succeed, that
  account is locked *for that source only*, for 1 minute, then 2, 4 ... up to an hour for each
  further lock-out (the back-off is forgotten a day after the last attempt). Anyone else, the
  account's owner included, still signs in from elsewhere: knowing an email is not enough to
  lock its owner out.
- a source, whatever the account: :data:`PER_SOURCE` attempts, then the same back-off, so one
  address cannot try a password on many accounts.

An attempt counts until it is known to have succeeded, so 100 concurrent guesses check at most
:data:`PER_ACCOUNT` passwords. Attempts are forgotten after :data:`FORGET` without any. The
source is the connection's address (a proxy's ``X-Forwarded-For`` only from
``MIGOBS_TRUSTED_PROXIES``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy import Table, case, or_, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from migobs.errors import TooManyAttempts
from migobs.i18n.messages import N_, Said
from migobs.tracker.models import SignInLimit, utcnow

PER_ACCOUNT = 5
PER_SOURCE = 20
FORGET = dt.timedelta(minutes=15)
FORGET_LOCKOUTS = dt.timedelta(days=1)
FIRST_LOCKOUT = dt.timedelta(minutes=1)
LONGEST_LOCKOUT = dt.timedelta(hours=1)
LIMITS = cast(Table, SignInLimit.__table__)


def account_key(email: str, client: str) -> str:
    """The counter of an account's attempts from one source."""
    return f"account {email} from {client}"


def source_key(client: str) -> str:
    """The counter of a source's attempts, whatever the account."""
    return f"source {client}"


def count_attempt(session: Session, email: str, client: str) -> None:
    """Count a sign-in attempt before its password is checked, and commit.

    Raises
    ------
    TooManyAttempts
        The account from this source, or this source, is locked out, or this attempt is one
        too many (it then locks them out); the message says until when.
    """
    now = utcnow()
    for key, limit in ((account_key(email, client), PER_ACCOUNT), (source_key(client), PER_SOURCE)):
        attempts, lockouts, locked_until = _increment(session, key, now)
        if locked_until is not None and locked_until > now:
            session.rollback()
            raise _refusal(locked_until, now)
        if attempts > limit:
            until = now + min(FIRST_LOCKOUT * 2**lockouts, LONGEST_LOCKOUT)
            _lock(session, key, until, now)
            session.commit()
            raise _refusal(until, now)
    session.commit()


def succeeded(session: Session, email: str, client: str) -> None:
    """A sign-in succeeded: the account's counter from this source starts again, and the
    source's stops counting this attempt (not committed)."""
    session.execute(
        update(LIMITS)
        .where(LIMITS.c.key == account_key(email, client))
        .values(attempts=0, lockouts=0, locked_until=None)
    )
    session.execute(
        update(LIMITS)
        .where(LIMITS.c.key == source_key(client), LIMITS.c.attempts > 0)
        .values(attempts=LIMITS.c.attempts - 1)
    )


def _increment(session: Session, key: str, now: dt.datetime) -> tuple[int, int, Any]:
    """Add one attempt under ``key`` (none while locked; a fresh count after :data:`FORGET`)
    in one statement; the attempts, lock-outs and lock end after it."""
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    locked = LIMITS.c.locked_until > now
    statement = (
        dialect.insert(LIMITS)
        .values(key=key, attempts=1, lockouts=0, locked_until=None, updated_at=now)
        .on_conflict_do_update(
            index_elements=[LIMITS.c.key],
            set_={
                "attempts": case(
                    (locked, LIMITS.c.attempts),
                    (LIMITS.c.updated_at < now - FORGET, 1),
                    else_=LIMITS.c.attempts + 1,
                ),
                "lockouts": case(
                    (LIMITS.c.updated_at < now - FORGET_LOCKOUTS, 0), else_=LIMITS.c.lockouts
                ),
                "updated_at": now,
            },
        )
        .returning(LIMITS.c.attempts, LIMITS.c.lockouts, LIMITS.c.locked_until)
    )
    attempts, lockouts, locked_until = session.execute(statement).one()
    return attempts, lockouts, locked_until


def _lock(session: Session, key: str, until: dt.datetime, now: dt.datetime) -> None:
    """Lock ``key`` out until ``until`` (once: concurrent attempts over the limit do not
    lengthen the back-off)."""
    session.execute(
        update(LIMITS)
        .where(
            LIMITS.c.key == key,
            or_(LIMITS.c.locked_until.is_(None), LIMITS.c.locked_until <= now),
        )
        .values(locked_until=until, lockouts=LIMITS.c.lockouts + 1, attempts=0)
    )


def _refusal(until: dt.datetime, now: dt.datetime) -> TooManyAttempts:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return TooManyAttempts(
        Said(
            N_(
                "Too many sign-ins that did not succeed for this account from your address, or "
                "from your address: wait %(minutes)s (until %(time)s UTC) and try again."
            ),
            minutes=Said(N_("%(count)s minutes"), count=minutes)
            if minutes > 1
            else Said(N_("1 minute")),
            time=f"{until:%H:%M}",
        )
    )
