"""Passwords (argon2), API tokens and browser sessions (stored hashed), signing in.

Production uses argon2-cffi's current default parameters (RFC 9106 low-memory profile);
``fast=True`` (tests, development only) lowers them so a 2-core machine can run many sign-ins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from migobs.errors import InvalidInput, NotAuthenticated
from migobs.i18n.messages import N_, Said
from migobs.tracker import limits
from migobs.tracker.fields import CONTROL
from migobs.tracker.models import User

MIN_PASSWORD = 10
MAX_PASSWORD = 1024
SESSION_LIFETIME = dt.timedelta(hours=8)
REFUSED = Said(N_("Wrong email or password."))


def password_hasher(*, fast: bool = False) -> PasswordHasher:
    """argon2id with the library's current defaults, or cheap parameters when ``fast``."""
    if fast:
        return PasswordHasher(time_cost=1, memory_cost=64, parallelism=1)
    return PasswordHasher()


def check_password_rules(password: str, email: str = "") -> None:
    """Refuse passwords too short or too long, with control characters (NUL, escape ...),
    made of spaces only, or that are the account's email."""
    problem = None
    if not MIN_PASSWORD <= len(password) <= MAX_PASSWORD:
        problem = f"must be {MIN_PASSWORD} to {MAX_PASSWORD} characters long; this one has {len(password)}"
    elif CONTROL & set(password) or "\n" in password or "\r" in password:
        problem = "must not contain control characters (NUL, line breaks, escape ...)"
    elif not password.strip():
        problem = "must not be spaces only"
    elif email and password.strip().lower() == email.strip().lower():
        problem = "must not be the account's email"
    if problem:
        raise InvalidInput(f"password: {problem}.")


def digest(secret: str) -> str:
    """SHA-256 of a random token or session id (they carry enough entropy for a fast hash)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def new_secret() -> str:
    """A fresh random token (256 bits, URL-safe)."""
    return secrets.token_urlsafe(32)


def normalise_email(email: str) -> str:
    """Emails compare case-insensitively, without surrounding spaces."""
    return email.strip().lower()


def authenticate(
    sessions: sessionmaker[Session], hasher: PasswordHasher, email: str, password: str, client: str
) -> User:
    """The active user with these credentials. The attempt is counted first, in a transaction
    of its own (:mod:`migobs.tracker.limits`), then the password is checked.

    Raises
    ------
    InvalidInput
        The email or password contains control characters (no account has such).
    TooManyAttempts
        Too many attempts for this account from this source, or from this source.
    NotAuthenticated
        Wrong email or password, or the account is inactive.
    """
    email, client = normalise_email(email)[:254], client[:100]
    if CONTROL & set(email + password + client):
        raise InvalidInput(
            Said(N_("email, password: contain control characters; type them again."))
        )
    with sessions() as session:
        limits.count_attempt(session, email, client)
    with sessions() as session:
        user = session.scalar(select(User).where(User.email == email))
        if user is None or not user.active or not _verify(hasher, user, password):
            raise NotAuthenticated(REFUSED)
        limits.succeeded(session, email, client)
        session.commit()
    return user


def _verify(hasher: PasswordHasher, user: User, password: str) -> bool:
    try:
        hasher.verify(user.password_hash, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
    if hasher.check_needs_rehash(user.password_hash):
        user.password_hash = hasher.hash(password)
    return True
