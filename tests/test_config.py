from __future__ import annotations

import secrets
from pathlib import Path

import pytest

from migobs.config import DEVELOPMENT_SECRET, MIN_SECRET, Settings
from migobs.errors import MigobsError


def test_defaults_follow_xdg() -> None:
    settings = Settings.from_env({"XDG_DATA_HOME": "/data"})
    assert settings.home == Path("/data/migobs")
    assert settings.warehouse == Path("/data/migobs/warehouse.duckdb")
    assert settings.tracker == "sqlite:////data/migobs/tracker.sqlite"
    assert settings.mirror is None


def test_environment_overrides() -> None:
    settings = Settings.from_env(
        {"MIGOBS_HOME": "/h", "MIGOBS_MIRROR": "/m", "MIGOBS_PORT": "9000"}
    )
    assert (settings.home, settings.mirror, settings.port) == (Path("/h"), Path("/m"), 9000)


def test_production_refuses_the_development_secret() -> None:
    with pytest.raises(MigobsError, match="MIGOBS_SECRET_KEY"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_ENV": "production"})


@pytest.mark.parametrize("key", ["x", "s" * 31])
def test_production_refuses_a_short_secret(key: str) -> None:
    with pytest.raises(MigobsError) as refused:
        Settings.from_env(
            {"MIGOBS_HOME": "/h", "MIGOBS_ENV": "production", "MIGOBS_SECRET_KEY": key}
        )
    assert str(refused.value) == (
        f"MIGOBS_SECRET_KEY is {len(key)} characters long: outside development it must have at "
        'least 32. Make one with `python -c "import secrets; print(secrets.token_urlsafe(32))"`.'
    )


def test_development_needs_no_secret_and_takes_any() -> None:
    assert Settings.from_env({"MIGOBS_HOME": "/h"}).secret_key == DEVELOPMENT_SECRET
    assert Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_SECRET_KEY": "x"}).secret_key == "x"


def test_production_with_a_secret_starts() -> None:
    made = secrets.token_urlsafe(32)
    assert len(made) >= MIN_SECRET
    for key in (made, "s" * 32):
        settings = Settings.from_env(
            {"MIGOBS_HOME": "/h", "MIGOBS_ENV": "production", "MIGOBS_SECRET_KEY": key}
        )
        assert settings.secret_key == key


def test_bad_port_is_named() -> None:
    with pytest.raises(MigobsError, match="MIGOBS_PORT='eighty'"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_PORT": "eighty"})


def test_production_refuses_fast_password_hashing() -> None:
    with pytest.raises(MigobsError, match="MIGOBS_FAST_PASSWORD_HASHING"):
        Settings.from_env(
            {
                "MIGOBS_ENV": "production",
                "MIGOBS_SECRET_KEY": "k" * 40,
                "MIGOBS_FAST_PASSWORD_HASHING": "1",
            }
        )


def test_token_lifetime_is_read_and_checked() -> None:
    assert Settings.from_env({"MIGOBS_HOME": "/h"}).token_days == 90
    assert Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_TOKEN_DAYS": "7"}).token_days == 7
    with pytest.raises(MigobsError, match="MIGOBS_TOKEN_DAYS='a week' is not a number of days"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_TOKEN_DAYS": "a week"})
    with pytest.raises(MigobsError, match="MIGOBS_TOKEN_DAYS=0 is not a number of days from 1"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_TOKEN_DAYS": "0"})


def test_request_limits_are_read_and_checked() -> None:
    defaults = Settings.from_env({"MIGOBS_HOME": "/h"})
    assert (defaults.max_body, defaults.max_import_body) == (1024 * 1024, 16 * 1024 * 1024)
    assert (defaults.header_timeout, defaults.body_timeout, defaults.trusted_proxies) == (
        10,
        60,
        (),
    )
    read = Settings.from_env(
        {
            "MIGOBS_HOME": "/h",
            "MIGOBS_MAX_BODY": "2048",
            "MIGOBS_BODY_TIMEOUT": "2.5",
            "MIGOBS_TRUSTED_PROXIES": " 10.0.0.1, 10.1.0.0/16 ",
        }
    )
    assert (read.max_body, read.body_timeout) == (2048, 2.5)
    assert read.trusted_proxies == ("10.0.0.1", "10.1.0.0/16")
    with pytest.raises(MigobsError, match="MIGOBS_MAX_BODY='1MB' is not a whole number of bytes"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_MAX_BODY": "1MB"})
    with pytest.raises(MigobsError, match="MIGOBS_HEADER_TIMEOUT=0.0 must be more than 0"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_HEADER_TIMEOUT": "0"})
    with pytest.raises(MigobsError, match="'proxy.example' is not an IP address or network"):
        Settings.from_env({"MIGOBS_HOME": "/h", "MIGOBS_TRUSTED_PROXIES": "proxy.example"})


def test_dask_ports_are_a_range_of_at_least_seven() -> None:
    env = {"MIGOBS_HOME": "/tmp/x", "MIGOBS_DASK_PORTS": "8761:8779"}
    assert Settings.from_env(env).dask_ports == (8761, 8779)
    assert Settings.from_env({"MIGOBS_HOME": "/tmp/x"}).dask_ports is None
    with pytest.raises(MigobsError, match="at least 7 ports"):
        Settings.from_env({**env, "MIGOBS_DASK_PORTS": "8761:8763"})


def test_cors_origins_are_read_from_the_environment(tmp_path: Path) -> None:
    default = Settings.from_env({"MIGOBS_HOME": str(tmp_path)})
    assert default.cors_origins == ("*",)
    two = Settings.from_env(
        {"MIGOBS_HOME": str(tmp_path), "MIGOBS_CORS_ORIGINS": "https://a.org, https://b.org"}
    )
    assert two.cors_origins == ("https://a.org", "https://b.org")
