"""The tracker's use-cases for people: accounts and roles, API tokens, browser sessions.

Who a token or a session belongs to comes back as a :class:`~migobs.tracker.policy.Caller`;
passwords, secrets and sign-in limits are in :mod:`migobs.tracker.accounts`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from migobs.errors import InvalidInput, NotAuthenticated, RecordNotFound
from migobs.tracker import accounts, policy, serialise
from migobs.tracker.fields import CONTROL
from migobs.tracker.models import ROLES, ApiToken, StateRow, User, WebSession, utcnow
from migobs.tracker.policy import Caller
from migobs.tracker.store import Store, audit, caller_of


class Users(Store):
    """Accounts, tokens and sessions on one tracker database."""

    def add_user(
        self, caller: Caller, email: str, password: str, role: str, state: str | None = None
    ) -> dict[str, Any]:
        """Create an account (administrators, or the command line)."""
        policy.check_admin(caller)
        email = accounts.normalise_email(email)
        accounts.check_password_rules(password, email)
        problems = _email_problems(email) + _role_problems(role, state)
        with self.transaction() as session:
            problems += _state_problems(session, state)
            if not problems and session.scalar(select(User).where(User.email == email)):
                problems.append(f"email: an account for {email} exists already")
            if problems:
                raise InvalidInput("; ".join(problems))
            user = User(
                email=email, password_hash=self.hasher.hash(password), role=role, state=state
            )
            session.add(user)
            session.flush()
            after = serialise.user(user)
            audit(session, caller, "create", f"users/{user.id}", None, after)
        return after

    def list_users(self, caller: Caller) -> list[dict[str, Any]]:
        """Every account, for administrators."""
        policy.check_admin(caller)
        with self.sessions() as session:
            return [serialise.user(u) for u in session.scalars(select(User).order_by(User.id))]

    def update_user(
        self, caller: Caller, user_id: int, changes: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change an account's ``role``, ``state`` or ``active`` (administrators): what
        ``changes`` leaves out stays as it is (a new role other than focal point drops the
        State). Deactivating an account ends its tokens and sessions for good: reactivating it
        does not bring them back."""
        policy.check_admin(caller)
        unknown = sorted(set(changes) - set(USER_CHANGES))
        if unknown:
            raise InvalidInput(f"{', '.join(unknown)}: not one of {', '.join(USER_CHANGES)}.")
        with self.transaction() as session:
            user = _user(session, user_id)
            role = changes.get("role", user.role)
            dropped = "role" in changes and role != "focal-point" and "state" not in changes
            state = None if dropped else changes.get("state", user.state)
            active = changes.get("active", user.active)
            problems = _role_problems(role, state) + _state_problems(session, state)
            if problems:
                raise InvalidInput("; ".join(problems))
            before = serialise.user(user)
            if user.active and not active:
                _end_sign_ins(session, user.id)
            user.role, user.state, user.active = role, state, active
            session.flush()
            after = serialise.user(user)
            audit(session, caller, "set-role", f"users/{user.id}", before, after)
        return after

    def change_password(self, caller: Caller, current: str, new: str, client: str) -> None:
        """The caller changes their own password, giving the current one (counted like a
        sign-in). Every session and token of the account ends: sign in again."""
        policy.require_signed_in(caller)
        accounts.check_password_rules(new, caller.email)
        try:
            accounts.authenticate(self.sessions, self.hasher, caller.email, current, client)
        except NotAuthenticated:
            raise InvalidInput("current_password: is not this account's password.") from None
        self._set_password(caller, caller.user_id, new, "change-password")

    def reset_password(self, caller: Caller, user_id: int, password: str) -> None:
        """An administrator (or the command line) gives an account a new password. Every
        session and token of the account ends."""
        policy.check_admin(caller)
        with self.sessions() as session:
            email = _user(session, user_id).email
        accounts.check_password_rules(password, email)
        self._set_password(caller, user_id, password, "reset-password")

    def _set_password(
        self, caller: Caller, user_id: int | None, password: str, action: str
    ) -> None:
        with self.transaction() as session:
            user = _user(session, user_id or 0)
            user.password_hash = self.hasher.hash(password)
            _end_sign_ins(session, user.id)
            audit(session, caller, action, f"users/{user.id}", None, None)

    def user_id(self, caller: Caller, email: str) -> int:
        """The id of the account ``email`` (administrators, or the command line)."""
        policy.check_admin(caller)
        with self.sessions() as session:
            found = session.scalar(
                select(User.id).where(User.email == accounts.normalise_email(email))
            )
        if found is None:
            raise RecordNotFound(f"No account {email}: create it with `migobs tracker add-user`.")
        return found

    def list_tokens(self, caller: Caller) -> list[dict[str, Any]]:
        """Every API token (never the token itself), newest first (administrators)."""
        policy.check_admin(caller)
        with self.sessions() as session:
            rows = session.scalars(select(ApiToken).order_by(ApiToken.id.desc()))
            return [serialise.token(row) for row in rows]

    def revoke_token_id(self, caller: Caller, token_id: int) -> dict[str, Any]:
        """Revoke any API token by its id (administrators)."""
        policy.check_admin(caller)
        with self.transaction() as session:
            row = session.get(ApiToken, token_id)
            if row is None:
                raise RecordNotFound(f"No token {token_id}: GET /api/tracker/tokens lists them.")
            before = serialise.token(row)
            row.revoked = True
            after = serialise.token(row)
            audit(session, caller, "revoke-token", f"users/{row.user_id}", before, after)
        return after

    def issue_token(self, email: str, password: str, client: str) -> str:
        """A new API token for these credentials (shown once; stored hashed), valid for
        ``token_lifetime`` from now."""
        user = accounts.authenticate(self.sessions, self.hasher, email, password, client)
        with self.transaction() as session:
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
            audit(session, caller_of(user), "issue-token", f"users/{user.id}", None, after)
        return token

    def caller_for_token(self, token: str) -> Caller:
        """Who holds this API token (401 when it is unknown, expired, revoked or the account
        inactive)."""
        with self.sessions() as session:
            return caller_of(_live_token(session, token).user)

    def revoke_token(self, token: str) -> None:
        """Revoke this API token (its holder's own; 401 when it no longer works anyway)."""
        with self.transaction() as session:
            row = _live_token(session, token)
            row.revoked = True
            audit(session, caller_of(row.user), "revoke-token", f"users/{row.user_id}", None, None)

    def sign_in(self, email: str, password: str, client: str) -> str:
        """Start a browser session; returns its new random id (never a previous one)."""
        user = accounts.authenticate(self.sessions, self.hasher, email, password, client)
        with self.transaction() as session:
            session_id = accounts.new_secret()
            session.add(
                WebSession(
                    id_hash=accounts.digest(session_id),
                    user_id=user.id,
                    expires_at=utcnow() + accounts.SESSION_LIFETIME,
                )
            )
            audit(session, caller_of(user), "sign-in", f"users/{user.id}", None, None)
        return session_id

    def caller_for_operator(self, email: str) -> Caller:
        """Act as an account from the command line (the operator has the database already)."""
        with self.sessions() as session:
            user = session.scalar(select(User).where(User.email == accounts.normalise_email(email)))
            if user is None or not user.active:
                raise NotAuthenticated(
                    f"No active account {email}: create it with `migobs tracker add-user`."
                )
            caller = caller_of(user)
            return Caller(
                caller.user_id, f"{caller.email} (command line)", caller.role, caller.state
            )

    def caller_for_session(self, session_id: str) -> Caller | None:
        """The user of a live browser session, or None."""
        with self.sessions() as session:
            row = session.get(WebSession, accounts.digest(session_id))
            if row is None or row.expires_at < utcnow() or not row.user.active:
                return None
            return caller_of(row.user)

    def sign_out(self, session_id: str) -> None:
        """End a browser session (written to the audit log)."""
        with self.transaction() as session:
            row = session.get(WebSession, accounts.digest(session_id))
            if row is not None:
                audit(session, caller_of(row.user), "sign-out", f"users/{row.user_id}", None, None)
                session.delete(row)


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


USER_CHANGES = ("role", "state", "active")


def _user(session: Session, user_id: int) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise RecordNotFound(f"No account users/{user_id}.")
    return user


def _end_sign_ins(session: Session, user_id: int) -> None:
    """Revoke every token of the account and end its browser sessions."""
    session.execute(
        update(ApiToken).where(ApiToken.user_id == user_id, ~ApiToken.revoked).values(revoked=True)
    )
    session.execute(delete(WebSession).where(WebSession.user_id == user_id))


def _email_problems(email: str) -> list[str]:
    if "@" not in email or len(email) > 254 or any(c.isspace() or c in CONTROL for c in email):
        return [f"email: {email[:60]!r} is not an email address"]
    return []


def _state_problems(session: Session, state: str | None) -> list[str]:
    """A State must be an M49 code the tracker knows (checked before the database is asked)."""
    if state is None:
        return []
    if not (len(state) == 3 and state.isdigit()) or session.get(StateRow, state) is None:
        return [f"state: {state[:10]!r} is not an M49 code the tracker knows"]
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
