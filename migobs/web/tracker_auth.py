"""Browser sessions and CSRF protection for the tracker's pages.

The session cookie holds a random id signed with ``settings.secret_key`` (itsdangerous); the
server keeps only its hash (``web_sessions``), so signing out ends it and signing in always
starts a new one (no session fixation). Every form carries a CSRF token: an HMAC of a random
nonce kept in its own signed cookie; POSTs without the matching token are refused. Cookies are
HttpOnly, SameSite=Lax, and Secure outside development or over https.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

from fastapi import Request, Response
from itsdangerous import BadSignature, URLSafeTimedSerializer

from migobs.config import Settings
from migobs.errors import PermissionDenied
from migobs.i18n.messages import N_, Said
from migobs.tracker.accounts import SESSION_LIFETIME
from migobs.tracker.policy import PUBLIC, Caller
from migobs.tracker.service import Tracker

SESSION_COOKIE = "migobs_tracker_session"
CSRF_COOKIE = "migobs_tracker_csrf"
MAX_AGE = int(SESSION_LIFETIME.total_seconds())


COOKIE_PATH = "/"
"""The session and CSRF cookies go to every path: the tracker is at ``/tracker`` and at
``/{lang}/tracker`` in each language (docs/languages.md), one session for all."""


def _signer(settings: Settings, purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(settings.secret_key, salt=f"migobs-tracker-{purpose}")


def _unsign(settings: Settings, purpose: str, value: str | None) -> str | None:
    if not value:
        return None
    try:
        loaded = _signer(settings, purpose).loads(value, max_age=MAX_AGE)
    except BadSignature:
        return None
    return loaded if isinstance(loaded, str) else None


def session_id(request: Request, settings: Settings) -> str | None:
    """The verified session id of the request's cookie, or None."""
    return _unsign(settings, "session", request.cookies.get(SESSION_COOKIE))


def current_caller(request: Request, settings: Settings, tracker: Tracker) -> Caller:
    """The signed-in user, or the public."""
    sid = session_id(request, settings)
    found = tracker.caller_for_session(sid) if sid else None
    return found or PUBLIC


def _set(response: Response, request: Request, settings: Settings, name: str, value: str) -> None:
    response.set_cookie(
        name,
        value,
        max_age=MAX_AGE,
        httponly=True,
        samesite="lax",
        secure=settings.environment != "development" or request.url.scheme == "https",
        path=COOKIE_PATH,
    )


def start_session(response: Response, request: Request, settings: Settings, sid: str) -> None:
    """Set the cookie of a new session and a fresh CSRF nonce."""
    _set(response, request, settings, SESSION_COOKIE, _signer(settings, "session").dumps(sid))
    set_csrf_nonce(response, request, settings, new_nonce())


def end_session(response: Response) -> None:
    """Forget the session and CSRF cookies."""
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    response.delete_cookie(CSRF_COOKIE, path=COOKIE_PATH)


def csrf_nonce(request: Request, settings: Settings) -> str | None:
    """The verified CSRF nonce of the request's cookie, or None."""
    return _unsign(settings, "csrf", request.cookies.get(CSRF_COOKIE))


def new_nonce() -> str:
    """A fresh random CSRF nonce."""
    return secrets.token_urlsafe(24)


def set_csrf_nonce(response: Response, request: Request, settings: Settings, nonce: str) -> None:
    """Give the browser ``nonce`` in its signed CSRF cookie."""
    _set(response, request, settings, CSRF_COOKIE, _signer(settings, "csrf").dumps(nonce))


def csrf_token(settings: Settings, nonce: str) -> str:
    """The token forms carry for ``nonce``."""
    key = settings.secret_key.encode()
    return hmac.new(key, f"csrf:{nonce}".encode(), hashlib.sha256).hexdigest()


def check_csrf(request: Request, settings: Settings, token: object) -> None:
    """Refuse a form whose CSRF token does not match the browser's nonce."""
    nonce = csrf_nonce(request, settings)
    if (
        nonce is None
        or not isinstance(token, str)
        or not hmac.compare_digest(token, csrf_token(settings, nonce))
    ):
        raise PermissionDenied(
            Said(
                N_(
                    "This form expired or was sent from another site: reload the page and send "
                    "it again."
                )
            )
        )
