"""One typed ``Settings`` object, read once from the ``MIGOBS_*`` environment variables.

Modules never read the environment themselves: the CLI or the app factory builds a ``Settings``
with :func:`Settings.from_env` and passes it down.

| variable | meaning | default |
|---|---|---|
| ``MIGOBS_HOME`` | data directory: downloaded files, the warehouse, the tracker database | ``$XDG_DATA_HOME/migobs`` or ``~/.local/share/migobs`` |
| ``MIGOBS_MIRROR`` | a folder laid out like ``shared/data`` to read official files from instead of the network | unset |
| ``MIGOBS_WAREHOUSE`` | path of the DuckDB warehouse file | ``$MIGOBS_HOME/warehouse.duckdb`` |
| ``MIGOBS_TRACKER_URL`` | SQLAlchemy URL of the Compact tracker's database | ``sqlite:///$MIGOBS_HOME/tracker.sqlite`` |
| ``MIGOBS_SECRET_KEY`` | key that signs session cookies and CSRF tokens | a fixed development key; outside development required, at least 32 characters |
| ``MIGOBS_ENV`` | ``development`` or ``production`` | ``development`` |
| ``MIGOBS_TOKEN_DAYS`` | days an API token of the tracker is valid, counted from its creation | ``90`` |
| ``MIGOBS_FAST_PASSWORD_HASHING`` | ``1``: cheap argon2 parameters, for tests (development only) | unset: argon2-cffi's defaults |
| ``MIGOBS_HOST`` / ``MIGOBS_PORT`` | where ``migobs serve`` listens | ``127.0.0.1`` / ``8000`` |
| ``MIGOBS_MAX_BODY`` | largest request body in bytes; larger ones get 413 unread | ``1048576`` (1 MiB) |
| ``MIGOBS_MAX_IMPORT_BODY`` | largest body of a tracker import (``/api/tracker/import/``) | ``16777216`` (16 MiB) |
| ``MIGOBS_HEADER_TIMEOUT`` | seconds a client has to send a request's headers | ``10`` |
| ``MIGOBS_BODY_TIMEOUT`` | seconds a client has to send a request's body | ``60`` |
| ``MIGOBS_TRUSTED_PROXIES`` | comma-separated addresses or networks whose ``X-Forwarded-For`` is believed | unset: nobody's |
| ``MIGOBS_DASK_PORTS`` | ``FIRST:LAST``: the ports the local Dask cluster of ``migobs flows ensemble`` listens on (scheduler, nannies, workers; loopback) | unset: any free port |
| ``MIGOBS_CORS_ORIGINS`` | origins (comma-separated) whose pages may read the public API (``/api/*`` but the tracker, ``/sdmx/*``) | ``*`` (any) |
"""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from migobs.errors import MigobsError

DEVELOPMENT_SECRET = "migobs-development-secret-do-not-use-in-production"
MIN_SECRET = 32
MAKE_SECRET = 'python -c "import secrets; print(secrets.token_urlsafe(32))"'
ENVIRONMENTS = ("development", "production")
DEFAULT_TOKEN_DAYS = 90
MAX_TOKEN_DAYS = 3650
MiB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults that work on a fresh machine."""

    home: Path
    mirror: Path | None = None
    warehouse_path: Path | None = None
    tracker_url: str | None = None
    secret_key: str = DEVELOPMENT_SECRET
    environment: str = "development"
    host: str = "127.0.0.1"
    port: int = 8000
    fast_password_hashing: bool = False
    token_days: int = DEFAULT_TOKEN_DAYS
    max_body: int = MiB
    max_import_body: int = 16 * MiB
    header_timeout: float = 10.0
    body_timeout: float = 60.0
    trusted_proxies: tuple[str, ...] = ()
    dask_ports: tuple[int, int] | None = None
    cors_origins: tuple[str, ...] = ("*",)

    def __post_init__(self) -> None:
        if self.environment not in ENVIRONMENTS:
            raise MigobsError(
                f"MIGOBS_ENV={self.environment!r} is not one of {', '.join(ENVIRONMENTS)}."
            )
        if self.environment != "development":
            _check_secret(self.secret_key)
        if self.environment != "development" and self.fast_password_hashing:
            raise MigobsError(
                "MIGOBS_FAST_PASSWORD_HASHING is for tests: outside development passwords are "
                "hashed with argon2's default parameters. Unset it."
            )
        if not 0 < self.port < 65536:
            raise MigobsError(f"MIGOBS_PORT={self.port} is not a TCP port (1-65535).")
        if not 0 < self.token_days <= MAX_TOKEN_DAYS:
            raise MigobsError(
                f"MIGOBS_TOKEN_DAYS={self.token_days} is not a number of days from 1 to "
                f"{MAX_TOKEN_DAYS}."
            )
        for name, value in _LIMITS.items():
            if not getattr(self, value) > 0:
                raise MigobsError(f"{name}={getattr(self, value)} must be more than 0.")
        for proxy in self.trusted_proxies:
            _check_proxy(proxy)

    @property
    def downloads(self) -> Path:
        """Folder where obtained official files are kept, laid out like the mirror."""
        return self.home / "files"

    @property
    def warehouse(self) -> Path:
        """Path of the DuckDB warehouse file."""
        return self.warehouse_path or self.home / "warehouse.duckdb"

    @property
    def tracker(self) -> str:
        """SQLAlchemy URL of the tracker database."""
        return self.tracker_url or f"sqlite:///{self.home / 'tracker.sqlite'}"

    def with_mirror(self, mirror: Path | None) -> Settings:
        """A copy of these settings reading official files from ``mirror`` (``None``: unchanged)."""
        return self if mirror is None else replace(self, mirror=mirror)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read the ``MIGOBS_*`` variables once (``environ`` defaults to ``os.environ``)."""
        env = os.environ if environ is None else environ
        home = Path(env["MIGOBS_HOME"]) if env.get("MIGOBS_HOME") else _default_home(env)
        port_text = env.get("MIGOBS_PORT", "8000")
        if not port_text.isdigit():
            raise MigobsError(f"MIGOBS_PORT={port_text!r} is not a number.")
        days_text = env.get("MIGOBS_TOKEN_DAYS", str(DEFAULT_TOKEN_DAYS))
        if not days_text.isdigit():
            raise MigobsError(f"MIGOBS_TOKEN_DAYS={days_text!r} is not a number of days.")
        return cls(
            home=home,
            mirror=Path(env["MIGOBS_MIRROR"]) if env.get("MIGOBS_MIRROR") else None,
            warehouse_path=Path(env["MIGOBS_WAREHOUSE"]) if env.get("MIGOBS_WAREHOUSE") else None,
            tracker_url=env.get("MIGOBS_TRACKER_URL") or None,
            secret_key=env.get("MIGOBS_SECRET_KEY") or DEVELOPMENT_SECRET,
            environment=env.get("MIGOBS_ENV", "development"),
            host=env.get("MIGOBS_HOST", "127.0.0.1"),
            port=int(port_text),
            fast_password_hashing=env.get("MIGOBS_FAST_PASSWORD_HASHING") == "1",
            token_days=int(days_text),
            max_body=int(_number(env, "MIGOBS_MAX_BODY", MiB)),
            max_import_body=int(_number(env, "MIGOBS_MAX_IMPORT_BODY", 16 * MiB)),
            header_timeout=_number(env, "MIGOBS_HEADER_TIMEOUT", 10.0),
            body_timeout=_number(env, "MIGOBS_BODY_TIMEOUT", 60.0),
            trusted_proxies=tuple(
                p.strip() for p in env.get("MIGOBS_TRUSTED_PROXIES", "").split(",") if p.strip()
            ),
            dask_ports=_port_range(env.get("MIGOBS_DASK_PORTS")),
            cors_origins=tuple(
                o.strip() for o in env.get("MIGOBS_CORS_ORIGINS", "*").split(",") if o.strip()
            ),
        )


_LIMITS = {
    "MIGOBS_MAX_BODY": "max_body",
    "MIGOBS_MAX_IMPORT_BODY": "max_import_body",
    "MIGOBS_HEADER_TIMEOUT": "header_timeout",
    "MIGOBS_BODY_TIMEOUT": "body_timeout",
}


def _number(env: Mapping[str, str], name: str, default: float) -> float:
    """The number in variable ``name`` (an integer when ``default`` is one), or ``default``."""
    text = env.get(name, "").strip()
    if not text:
        return default
    try:
        return int(text) if isinstance(default, int) else float(text)
    except ValueError:
        kind = "a whole number of bytes" if isinstance(default, int) else "a number of seconds"
        raise MigobsError(f"{name}={text!r} is not {kind}.") from None


def _check_proxy(proxy: str) -> None:
    """A trusted proxy is ``*``, an IP address or a network (``10.0.0.0/8``)."""
    if proxy == "*":
        return
    try:
        ipaddress.ip_network(proxy, strict=False)
    except ValueError:
        raise MigobsError(
            f"MIGOBS_TRUSTED_PROXIES: {proxy!r} is not an IP address or network (e.g. "
            "10.0.0.1 or 10.0.0.0/8)."
        ) from None


def _port_range(text: str | None) -> tuple[int, int] | None:
    """``"8761:8779"`` as (8761, 8779); at least 7 ports (a scheduler, 3 nannies, 3 workers)."""
    if not text:
        return None
    first, _, last = text.partition(":")
    if not (first.isdigit() and last.isdigit() and 0 < int(first) and int(last) - int(first) >= 6):
        raise MigobsError(
            f"MIGOBS_DASK_PORTS={text!r} is not FIRST:LAST with at least 7 ports, e.g. 8761:8779."
        )
    return int(first), int(last)


def _check_secret(key: str) -> None:
    """Outside development the key must be set, and long enough not to be guessed."""
    if key == DEVELOPMENT_SECRET:
        raise MigobsError(
            "MIGOBS_SECRET_KEY is not set: outside development Migration Observatory refuses "
            "to start with the development key. Set MIGOBS_SECRET_KEY to a random string of at "
            f"least {MIN_SECRET} characters, made with `{MAKE_SECRET}`."
        )
    if len(key) < MIN_SECRET:
        raise MigobsError(
            f"MIGOBS_SECRET_KEY is {len(key)} characters long: outside development it must have "
            f"at least {MIN_SECRET}. Make one with `{MAKE_SECRET}`."
        )


def _default_home(env: Mapping[str, str]) -> Path:
    xdg = env.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg else Path.home() / ".local" / "share"
    return base / "migobs"


def available_cores() -> int:
    """Every core this process may use: the default number of worker processes (the build's
    indicator step, ``migobs flows ensemble``)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
