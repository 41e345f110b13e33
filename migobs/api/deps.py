"""Typed dependencies shared by the routes (``Annotated`` aliases)."""

from __future__ import annotations

import threading
from typing import Annotated

from fastapi import Depends, FastAPI, Request

from migobs.config import Settings
from migobs.errors import NotAuthenticated
from migobs.gcm.policy import PUBLIC, Caller
from migobs.gcm.service import Tracker

_opening = threading.Lock()


def get_settings(request: Request) -> Settings:
    """The one Settings object the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def open_tracker(app: FastAPI) -> Tracker:
    """The app's tracker, opened (and for SQLite migrated) once: at start, or on first use."""
    with _opening:
        if getattr(app.state, "tracker", None) is None:
            app.state.tracker = Tracker.from_settings(app.state.settings)
    tracker: Tracker = app.state.tracker
    return tracker


def get_tracker(request: Request) -> Tracker:
    """The app's tracker."""
    return open_tracker(request.app)


TrackerDep = Annotated[Tracker, Depends(get_tracker)]
SettingsDep = Annotated[Settings, Depends(get_settings)]


def get_caller(request: Request, tracker: TrackerDep) -> Caller:
    """The holder of the Bearer token, or the public when there is no Authorization header."""
    header = request.headers.get("authorization")
    if header is None:
        return PUBLIC
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise NotAuthenticated("Send `Authorization: Bearer TOKEN` (POST /api/tracker/tokens).")
    return tracker.caller_for_token(token.strip())


CallerDep = Annotated[Caller, Depends(get_caller)]
