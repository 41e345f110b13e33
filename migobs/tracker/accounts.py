"""Passwords (argon2), API tokens and browser sessions (stored hashed), login rate limiting.

Production uses argon2-cffi's current default parameters (RFC 9106 low-memory profile);
``fast=True`` (tests, development only) lowers them so a 2-core machine can run many sign-ins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from migobs.errors import InvalidInput, NotAuthenticated, TooManyAttempts
from migobs.tracker.models import LoginAttempt, User, utcnow

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
WINDOW = dt.timedelta(minutes=15)
MAX_FAILURES_PER_EMAIL = 5
MAX_FAILURES_PER_CLIENT = 20
KEEP_ATTEMPTS = dt.timedelta(days=1)
SESSION_LIFETIME = dt.timedelta(hours=8)
REFUSED = "Wrong email or password."


def password_hasher(*, fast: bool = False) -> PasswordHasher:
    """argon2id with the library's current defaults, or cheap parameters when ``fast``."""
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    return PasswordHasher()


def check_password_rules(password: str) -> None:
    """Refuse passwords too short or too long to be sensible."""
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        raise InvalidInput(
            f"password: must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long; "
            f"this one has {len(password)}."
        )


def digest(secret: str) -> str:
    """SHA-256 of a random token or session id (they carry enough entropy for a fast hash)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively, without surrounding spaces."""
    return email.strip().lower()


def check_rate(session: Session, email: str, client: str) -> None:
    """Refuse a sign-in when the email or the client failed too often in the last 15 minutes."""
    since = utcnow() - WINDOW
    failures = select(func.count()).where(LoginAttempt.at >= since, ~LoginAttempt.succeeded)
    by_email = session.scalar(failures.where(LoginAttempt.email == email)) or 0
    by_client = session.scalar(failures.where(LoginAttempt.client == client)) or 0
    if by_email >= MAX_FAILURES_PER_EMAIL or by_client >= MAX_FAILURES_PER_CLIENT:
        raise TooManyAttempts(
            "Too many failed sign-ins for this account or address: wait 15 minutes and try again."
        )


def authenticate(
    session: Session, hasher: PasswordHasher, email: str, password: str, client: str
) -> User:
    """The active user with these credentials; every attempt is recorded for rate limiting."""
    email = normalise_email(email)[:254]
    check_rate(session, email, client[:100])
    user = session.scalar(select(User).where(User.email == email))
    ok = user is not None and user.active and _verify(hasher, user, password)
    session.add(LoginAttempt(email=email, client=client[:100], succeeded=ok))
    session.execute(delete(LoginAttempt).where(LoginAttempt.at < utcnow() - KEEP_ATTEMPTS))
    session.commit()
    if not ok or user is None:
        raise NotAuthenticated(REFUSED)
    return user


def _verify(hasher: PasswordHasher, user: User, password: str) -> bool:
    try:
        hasher.verify(user.password_hash, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return True
