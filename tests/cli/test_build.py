"""`migobs build` on the small mirror: a built warehouse is not rebuilt with --if-stale."""

from __future__ import annotations

from migobs.config import Settings
from tests.support.cli import migobs


def test_build_if_stale_skips(built: Settings) -> None:
    result = migobs(built, "build", "--if-stale", "--mirror", str(built.mirror))
    assert result.exit_code == 0 and "is up to date" in result.output
