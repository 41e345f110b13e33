from __future__ import annotations

from pathlib import Path

import pytest

from migobs.config import Settings
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


def test_production_with_a_secret_starts() -> None:
    settings = Settings.from_env(
        {"MIGOBS_HOME": "/h", "MIGOBS_ENV": "production", "MIGOBS_SECRET_KEY": "s" * 40}
    )
    assert settings.environment == "production"


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
