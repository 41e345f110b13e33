"""Docs kept true by tests: the CLI reference and the settings table."""

from __future__ import annotations

import runpy
from pathlib import Path

from migobs.config import Settings

ROOT = Path(__file__).parents[1]


def test_cli_reference_is_current() -> None:
    generated = runpy.run_path(str(ROOT / "scripts" / "cli_docs.py"))["markdown"]()
    assert (ROOT / "docs" / "cli.md").read_text(encoding="utf-8") == generated, (
        "docs/cli.md is stale: run `make docs`"
    )


def test_every_setting_is_documented() -> None:
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for variable in (
        "MIGOBS_HOME",
        "MIGOBS_MIRROR",
        "MIGOBS_WAREHOUSE",
        "MIGOBS_TRACKER_URL",
        "MIGOBS_SECRET_KEY",
        "MIGOBS_ENV",
        "MIGOBS_HOST",
        "MIGOBS_PORT",
        "MIGOBS_FAST_PASSWORD_HASHING",
        "MIGOBS_TOKEN_DAYS",
        "MIGOBS_MAX_BODY",
        "MIGOBS_MAX_IMPORT_BODY",
        "MIGOBS_HEADER_TIMEOUT",
        "MIGOBS_BODY_TIMEOUT",
        "MIGOBS_TRUSTED_PROXIES",
        "MIGOBS_DASK_PORTS",
        "MIGOBS_CORS_ORIGINS",
    ):
        assert f"`{variable}`" in documented, variable
    assert set(Settings.__dataclass_fields__) == {
        "home",
        "mirror",
        "warehouse_path",
        "tracker_url",
        "secret_key",
        "environment",
        "host",
        "port",
        "fast_password_hashing",
        "token_days",
        "max_body",
        "max_import_body",
        "header_timeout",
        "body_timeout",
        "trusted_proxies",
        "dask_ports",
        "cors_origins",
    }
