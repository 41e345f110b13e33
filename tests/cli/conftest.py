"""The CLI tests' warehouse: built by `migobs build` from the small mirror."""

from __future__ import annotations

import pytest

from migobs.config import Settings
from tests.support.cli import migobs


@pytest.fixture
def built(small_mirror: Settings) -> Settings:
    result = migobs(small_mirror, "build", "--mirror", str(small_mirror.mirror))
    assert result.exit_code == 0, result.output
    assert "Sources: m49, undesa_stock, wpp" in result.output
    assert "migrant_stock" in result.output
    return small_mirror
