"""The uvicorn server of ``migobs serve``, hardened: slow clients timed out, forwarded headers
believed only from ``MIGOBS_TRUSTED_PROXIES`` (uvicorn believes 127.0.0.1 by default, so any
local process could claim to be any address and dodge the per-source sign-in limit)."""

from __future__ import annotations

from typing import Any

import uvicorn

from migobs.config import Settings
from migobs.http.slow_clients import WORKER_PROTOCOL, header_timeout_protocol

KEEP_ALIVE = 5
"""Seconds an idle kept-alive connection stays open (uvicorn's default, written down)."""


def server_options(settings: Settings, *, workers: bool = False) -> dict[str, Any]:
    """uvicorn's options for ``settings``. Worker processes import their protocol by name and
    read its header time from the environment, as their app does."""
    trusted = list(settings.trusted_proxies)
    return {
        "host": settings.host,
        "port": settings.port,
        "http": WORKER_PROTOCOL if workers else header_timeout_protocol(settings.header_timeout),
        "timeout_keep_alive": KEEP_ALIVE,
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or "",
        "server_header": False,
    }


def server_config(app: Any, settings: Settings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for ``app`` on ``settings.host:settings.port`` (``options``,
    e.g. ``port`` or ``log_level``, override)."""
    return uvicorn.Config(app, **{**server_options(settings), **options})
